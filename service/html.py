"""HTML pages from the Jinja2 templates in `service/templates/` (one base layout, `base.html`).

Autoescape is on for every template, so data (labels, quotes, IRIs) never needs escaping by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


@dataclass(frozen=True)
class HtmlPage:
    """A template of `service/templates/` and what it shows."""

    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)


@cache
def environment() -> Environment:
    # StrictUndefined: a misspelt name in a template fails the test that renders it, not silently.
    return Environment(
        loader=PackageLoader("service", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(page: HtmlPage) -> str:
    return environment().get_template(page.template).render(title=page.title, **page.context)
