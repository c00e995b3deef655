"""The Neo4j Browser guide and stylesheet, with CORS for Browser's origin on these two routes only.

Neo4j Browser fetches a remote guide or GRASS file from its own page (the local Neo4j's HTTP origin),
so the answer must allow that origin; no other route answers cross-origin requests. Browser sends
`Pragma` and `Cache-Control` with a guide request, so a guide fetch is preflighted (OPTIONS).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse

from schema.settings import Settings
from service import browser_guide
from service.deps import SettingsDep
from service.html import HtmlPage, render_page

router = APIRouter(tags=["neo4j browser"])
GUIDE = "/guide"
STYLE = "/guide/style.grass"
PREFLIGHT_HEADERS = "pragma, cache-control, content-type"


def browser_origins(settings: Settings) -> frozenset[str]:
    """Where Neo4j Browser runs: the local Neo4j's HTTP port, by either loopback name."""
    return frozenset(f"http://{host}:{settings.db_http_port}" for host in ("127.0.0.1", "localhost"))


def _cors(request: Request, settings: Settings) -> dict[str, str]:
    origin = request.headers.get("origin")
    headers = {"Vary": "Origin"}
    if origin in browser_origins(settings):
        headers["Access-Control-Allow-Origin"] = origin
    return headers


@router.options(GUIDE, include_in_schema=False)
@router.options(STYLE, include_in_schema=False)
async def preflight(request: Request, settings: SettingsDep) -> Response:
    headers = _cors(request, settings)
    if "Access-Control-Allow-Origin" in headers:
        headers |= {
            "Access-Control-Allow-Methods": "GET",
            "Access-Control-Allow-Headers": PREFLIGHT_HEADERS,
            "Access-Control-Max-Age": "600",
        }
    return Response(status_code=204, headers=headers)


@router.get(GUIDE, response_class=HTMLResponse, summary="The Neo4j Browser guide (`:guide <this URL>`)")
async def guide(request: Request, settings: SettingsDep) -> HTMLResponse:
    page = HtmlPage(
        "guide.html",
        "pkgraph",
        {
            "api": str(request.base_url).rstrip("/"),
            "kinds": browser_guide.model_kinds(),
            "relations": browser_guide.relation_types(),
            "evidenced": browser_guide.evidenced_relations(),
            "slides": browser_guide.guide_slides(),
        },
    )
    return HTMLResponse(render_page(page), headers=_cors(request, settings))


@router.get(STYLE, response_class=PlainTextResponse, summary="The Neo4j Browser stylesheet (`:style <this URL>`)")
async def style(request: Request, settings: SettingsDep) -> PlainTextResponse:
    return PlainTextResponse(browser_guide.grass(), headers=_cors(request, settings))
