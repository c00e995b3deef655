"""RDF terms as small Python values, so the mapping can be written once and serialised fast.

The streaming N-Triples path formats these straight into lines without building rdflib objects
(that is where its speed comes from); the other formats convert them to rdflib terms. There are
no blank nodes: sub-resources such as a record's locator get hash IRIs (`…/mission/unmik#provenance`),
so every export of the same graph is the same set of triples, and they dereference.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
XSD_DECIMAL = XSD + "decimal"
XSD_BOOLEAN = XSD + "boolean"
XSD_DATE = XSD + "date"
XSD_GYEAR = XSD + "gYear"
XSD_GYEARMONTH = XSD + "gYearMonth"


class Iri(str):
    """An absolute IRI."""

    __slots__ = ()


class Lit(NamedTuple):
    """A literal: lexical form, datatype IRI (None = xsd:string) or a language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Term = Iri | Lit
# (subject, predicate, object, named graph or None for the default graph)
Quad = tuple[Iri, Iri, Term, Iri | None]

_IRI_UNSAFE = {c: f"%{ord(c):02X}" for c in ' <>"{}|^`\\'}
_IRI_UNSAFE_TABLE = str.maketrans(_IRI_UNSAFE)
_LITERAL_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def safe_iri(text: str) -> Iri:
    """An IRI from data (a URL in a record): characters N-Triples forbids in IRIs are percent-encoded."""
    cleaned = "".join(ch for ch in text.strip() if ch >= " ")
    return Iri(cleaned.translate(_IRI_UNSAFE_TABLE))


def decimal_lexical(value: float | int) -> str:
    """xsd:decimal lexical form (never exponent notation, which xsd:decimal does not allow)."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


# NamedTuple's generated __new__ (with its defaults) costs twice a plain tuple.__new__, and the
# export builds a literal for about every other triple.
_new_tuple = tuple.__new__


def plain(value: str) -> Lit:
    return _new_tuple(Lit, (value, None, None))


def integer(value: int) -> Lit:
    return _new_tuple(Lit, (str(int(value)), XSD_INTEGER, None))


def decimal(value: float | int) -> Lit:
    return Lit(decimal_lexical(value), XSD_DECIMAL)


def boolean(value: bool) -> Lit:
    return _new_tuple(Lit, ("true" if value else "false", XSD_BOOLEAN, None))


def english(value: str) -> Lit:
    return _new_tuple(Lit, (value, None, "en"))


def partial_date(value: str) -> Lit:
    """`1999` → xsd:gYear, `1999-11` → xsd:gYearMonth, `1999-11-30` → xsd:date: the source's precision."""
    if len(value) == 4:
        return Lit(value, XSD_GYEAR)
    if len(value) == 7:
        return Lit(value, XSD_GYEARMONTH)
    return Lit(value, XSD_DATE)


def year(value: int) -> Lit:
    return Lit(f"{int(value):04d}", XSD_GYEAR)


def scalar(value: object) -> Lit:
    """A literal for a value of unknown type (a disputed statement's value)."""
    if isinstance(value, bool):
        return boolean(value)
    if isinstance(value, int):
        return integer(value)
    if isinstance(value, float):
        return decimal(value)
    return plain(str(value))


# Most literals need no escaping: one regex search is much cheaper than str.translate per literal.
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]').search


def nt_term(term: Term) -> str:
    if type(term) is not Lit:
        return f"<{term}>"
    value, datatype, lang = term
    if _NEEDS_ESCAPE(value):
        value = value.translate(_LITERAL_ESCAPES)
    if lang is not None:
        return f'"{value}"@{lang}'
    if datatype is not None and datatype != XSD_STRING:
        return f'"{value}"^^<{datatype}>'
    return f'"{value}"'


def nt_line(quad: Quad) -> str:
    """One N-Triples line (the graph is left out). Runs once per triple, hence written out flat."""
    s, p, o, _ = quad
    if type(o) is not Lit:
        return f"<{s}> <{p}> <{o}> .\n"
    value, datatype, lang = o
    if _NEEDS_ESCAPE(value):
        value = value.translate(_LITERAL_ESCAPES)
    if lang is not None:
        return f'<{s}> <{p}> "{value}"@{lang} .\n'
    if datatype is not None and datatype != XSD_STRING:
        return f'<{s}> <{p}> "{value}"^^<{datatype}> .\n'
    return f'<{s}> <{p}> "{value}" .\n'


def nq_line(quad: Quad) -> str:
    """One N-Quads line (the default graph has no graph term)."""
    if quad[3] is None:
        return nt_line(quad)
    return f"<{quad[0]}> <{quad[1]}> {nt_term(quad[2])} <{quad[3]}> .\n"
