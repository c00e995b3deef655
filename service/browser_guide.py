"""The Neo4j Browser guide (`:guide <api>/guide`) and its stylesheet (`:style <api>/guide/style.grass`).

Both are derived, so each fact stays in one place: the slides are the statements of `queries/guide/`
(their header comment says what a slide asks, their `:param` line and body are what it runs, and
`GET /queries` lists the same files), the model slide and the stylesheet are the registry's kinds and
relations. Browser 5 shows a remote guide in its sidebar, one `<slide>` element per page, and turns
each `<pre class="code runnable">` into a block that a click puts into the editor (its play icon runs it).
"""

from __future__ import annotations

from dataclasses import dataclass

from queries import CypherFile, statement
from schema import registry

# The slides after the model, in the order a newcomer would ask: one per analytical question.
GUIDE_QUERIES = (
    "guide/model",
    "guide/mission_dependencies",
    "guide/relation_claims",
    "guide/mandate_history",
    "guide/central_actors",
    "guide/interview_claims",
    "guide/mission_contributors",
)


@dataclass(frozen=True)
class QuerySlide:
    name: str
    title: str
    text: str
    params: str | None
    cypher: str


def query_slide(found: CypherFile) -> QuerySlide:
    """A statement as a slide: its header's first clause (up to `:`) is the title, the rest the text."""
    title, _, rest = " ".join(found.description.split()).partition(": ")
    return QuerySlide(found.name, title, rest[:1].upper() + rest[1:], found.browser_params, found.text)


def guide_slides() -> list[QuerySlide]:
    return [query_slide(statement(name)) for name in GUIDE_QUERIES]


@dataclass(frozen=True)
class KindRow:
    label: str
    labels: str
    title: str
    comment: str


def model_kinds() -> list[KindRow]:
    return [KindRow(k.label, k.labels, k.title, k.comment or "") for k in registry.NODE_KINDS]


def relation_types() -> list[str]:
    return [relation.type for relation in registry.RELATION_TYPES]


def evidenced_relations() -> list[registry.EvidencedRelation]:
    return list(registry.EVIDENCED_RELATIONS)


# ------------------------------------------------------------------------------ GRASS style

# Colours in the registry's order of kinds; each dark enough for white captions (contrast >= 4.5:1).
PALETTE = (
    "#6b5b95", "#2e6f40", "#1f4e99", "#b03a2e", "#7a4f01", "#5a3d7a", "#00676b", "#8a3b12",
    "#4a5a6a", "#1d6a96", "#8e2c5c", "#3b6e22", "#7b341e", "#5b5b5b", "#2c4f7c", "#6d4c41",
)  # fmt: skip
RELATION_COLOUR = "#7a8593"
EVIDENCED_COLOURS = ("#b03a2e", "#1f7a4a", "#c05a00", "#1f4e99", "#6b5b95")
# A property shown as the caption, the first a kind has; an actor shows its acronym before its name.
CAPTION_ORDER = ("name", "pref_label", "number", "title", "measure", "field")


def caption(kind: registry.NodeKind) -> str:
    """The caption template of a kind. GRASS has no fallback (a missing property shows as nothing), so
    a kind with acronyms shows `{acronym} {name}`: the acronym leads where there is one (UNMIK ...),
    the name alone where there is none (UN Security Council)."""
    shown = next((p for p in CAPTION_ORDER if p in kind.properties), "id")
    if "acronym" in kind.properties:
        return "{acronym} {" + shown + "}"
    return "{" + shown + "}"


def diameter(kind: registry.NodeKind) -> int:
    """Actors are what the questions are about; concepts and evidence are smaller, nested values least."""
    if registry.ACTOR_LABEL in kind.extra_labels:
        return 80
    if kind.nested is not None:
        return 30
    if kind.scheme is not None or kind.label == "Claim":
        return 45
    return 55


@dataclass(frozen=True)
class GrassRule:
    selector: str
    props: dict[str, str]


NODE_DEFAULTS = {"diameter": "50px", "color": "#5b5b5b", "border-color": "#333333", "border-width": "2px"}
TEXT = {"text-color-internal": "#ffffff", "font-size": "10px"}
RELATIONSHIP_DEFAULTS = {
    "color": RELATION_COLOUR,
    "shaft-width": "1px",
    "font-size": "8px",
    "padding": "3px",
    "text-color-external": "#000000",
    "text-color-internal": "#ffffff",
    "caption": "<type>",
}


def grass_rules() -> list[GrassRule]:
    rules = [GrassRule("node", NODE_DEFAULTS | TEXT), GrassRule("relationship", RELATIONSHIP_DEFAULTS)]
    for index, kind in enumerate(registry.NODE_KINDS):
        props = {
            "color": PALETTE[index % len(PALETTE)],
            "border-color": "#222222",
            "text-color-internal": "#ffffff",
            "diameter": f"{diameter(kind)}px",
            "caption": caption(kind),
        }
        rules.append(GrassRule(f"node.{kind.label}", props))
    for index, relation in enumerate(registry.EVIDENCED_RELATIONS):
        # A dependency is drawn with its kind and what it is on ("power mandate"), the others by type.
        shown = "{kind} {on}" if relation.type == "DEPENDS_ON" else "<type>"
        props = {"color": EVIDENCED_COLOURS[index % len(EVIDENCED_COLOURS)], "shaft-width": "3px", "caption": shown}
        rules.append(GrassRule(f"relationship.{relation.type}", props))
    return rules


def grass() -> str:
    """The stylesheet as GRASS text. Captions are quoted; no value holds `:` or `;`, which Browser's
    parser splits on."""
    blocks = []
    for rule in grass_rules():
        lines = [f"  {k}: '{v}';" if k == "caption" else f"  {k}: {v};" for k, v in rule.props.items()]
        blocks.append(f"{rule.selector} {{\n" + "\n".join(lines) + "\n}\n")
    return "\n".join(blocks)
