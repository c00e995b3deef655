"""Repair of UTF-8 text that was decoded as cp1252 upstream ("CÃ”TE D'IVOIRE" for "CÔTE D'IVOIRE").

The rule, and the only one: a string is replaced by `s.encode("cp1252").decode("utf-8")` when that
round trip succeeds and changes the string. A correctly decoded string with non-ASCII letters does not
survive the round trip ("é" alone is not valid UTF-8), so it is left as it is; so is a string whose
mojibake contains a byte cp1252 cannot encode. The reader keeps the raw value beside the repaired one.
"""

from __future__ import annotations


def repair(text: str) -> str:
    """`text` with cp1252-decoded UTF-8 undone, or `text` itself when the rule does not apply."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
