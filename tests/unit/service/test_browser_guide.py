"""The Neo4j Browser guide and stylesheet, derived from the query library and the registry."""

from __future__ import annotations

import re

from queries import public_statements, statement
from schema import registry
from service import browser_guide

# The personnel relationship the contributors slide asks for; the registry gains it with load-personnel.
PENDING_TYPES = {"CONTRIBUTES"}


def test_every_guide_query_is_in_the_query_library_with_its_param_line() -> None:
    listed = {s.name for s in public_statements()}
    for name in browser_guide.GUIDE_QUERIES:
        assert name in listed, name
        found = statement(name)
        assert found.browser_params, name
        assert found.browser_params.startswith(":param {"), name
        assert found.parameters, name
        for parameter in found.parameters:
            assert f"{parameter}:" in found.browser_params, (name, parameter)


def test_every_slide_has_a_title_and_the_statement_text() -> None:
    slides = browser_guide.guide_slides()
    assert [s.name for s in slides] == list(browser_guide.GUIDE_QUERIES)
    for slide in slides:
        assert slide.title, slide
        assert len(slide.title) < 60, slide
        assert slide.cypher == statement(slide.name).text
        assert "__" not in slide.cypher, "a registry marker was not expanded"
        assert re.search(r"\bRETURN\b", slide.cypher)


def test_guide_queries_use_only_registry_labels_and_types() -> None:
    labels = set(registry.KIND_BY_LABEL) | set(registry.extra_labels())
    types = set(registry.RELATION_BY_TYPE) | set(registry.EVIDENCED_BY_TYPE)
    for name in browser_guide.GUIDE_QUERIES:
        text = statement(name).text
        used_labels = set(re.findall(r"\(\w*:(\w+)", text))
        used_types = {t for group in re.findall(r"\[\w*:([\w|]+)", text) for t in group.split("|")}
        assert used_labels <= labels, (name, used_labels - labels)
        assert used_types <= types | PENDING_TYPES, (name, used_types - types)


def test_the_model_covers_every_kind_and_relation() -> None:
    assert [row.label for row in browser_guide.model_kinds()] == [k.label for k in registry.NODE_KINDS]
    assert browser_guide.relation_types() == [r.type for r in registry.RELATION_TYPES]


def _parse_grass(text: str) -> dict[str, dict[str, str]]:
    """As Neo4j Browser 5 reads GRASS (grassUtils.parseGrassCSS): braces inside quotes are text, quotes
    are dropped, a rule's body splits on `;`, and a property is kept only if it splits on `:` in two."""
    bodies: dict[str, str] = {}
    selector = body = ""
    in_string = in_props = False
    for char in text:
        if char in "'\"":
            in_string = not in_string
        elif char == "{" and not in_string:
            in_props = True
        elif char == "}" and not in_string:
            bodies[selector], selector, body, in_props = body, "", "", False
        elif in_props:
            body += char
        elif not char.isspace():
            selector += char
    rules: dict[str, dict[str, str]] = {}
    for name, text_ in bodies.items():
        rules[name] = {}
        for part in text_.split(";"):
            pair = part.split(":")
            assert len(pair) == 2 or not part.strip(), f"{name}: {part!r} would be dropped by Browser"
            if len(pair) == 2:
                rules[name][pair[0].strip()] = pair[1].strip()
    return rules


def test_grass_has_a_rule_per_label_with_caption_colour_and_size() -> None:
    rules = _parse_grass(browser_guide.grass())
    for kind in registry.NODE_KINDS:
        rule = rules[f"node.{kind.label}"]
        assert re.fullmatch(r"#[0-9a-f]{6}", rule["color"]), kind.label
        assert re.fullmatch(r"\d+px", rule["diameter"]), kind.label
        for prop in re.findall(r"\{(\w+)\}", rule["caption"]):
            assert prop == "id" or prop in kind.properties, (kind.label, prop)
    for relation in registry.EVIDENCED_RELATIONS:
        assert f"relationship.{relation.type}" in rules
    assert rules["node.Mission"]["caption"].startswith("{acronym}")
    assert rules["relationship.DEPENDS_ON"]["caption"] == "{kind} {on}"
    assert len({rules[f"node.{k.label}"]["color"] for k in registry.NODE_KINDS}) == len(registry.NODE_KINDS)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_captions_are_readable_white_on_every_node_colour() -> None:
    for colour in browser_guide.PALETTE:
        contrast = (1.0 + 0.05) / (_luminance(colour) + 0.05)
        assert contrast >= 4.5, (colour, round(contrast, 2))
