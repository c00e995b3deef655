"""Swagger UI (`/docs`) and ReDoc (`/redoc`) served from the service's own host, never a CDN.

The assets are those the fastapi-offline package ships (Swagger UI, ReDoc: ReDoc's without the logo it
would fetch from its vendor's CDN); the pages are FastAPI's own, pointed at local URLs, under a
Content-Security-Policy that allows this host alone and, of inline scripts, only the page's own
initialiser (by its hash).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from service.guards import content_security_policy

ASSETS_PATH = "/docs/assets"  # not under /static, which serves service/static
ASSETS = files("fastapi_offline") / "static"
REDOC_BUNDLE_PATH = "/docs/redoc/redoc.standalone.js"
# ReDoc's sidebar credit ("API docs by Redocly") draws its vendor's logo from a CDN, and no ReDoc option
# turns it off: the bundle is served with that image replaced by an empty one of its own.
_REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
_NO_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='0' height='0'/%3E"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _script_hashes(html: str) -> list[str]:
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


@functools.cache
def redoc_bundle() -> bytes:
    """fastapi-offline's ReDoc bundle, fetching nothing from another host."""
    bundle = (ASSETS / "redoc.standalone.js").read_text(encoding="utf-8")
    return bundle.replace(_REDOC_LOGO, _NO_IMAGE).encode()


def _page(response: HTMLResponse) -> HTMLResponse:
    """The page with a policy that runs its own inline initialiser and nothing else inline."""
    html = bytes(response.body).decode()
    # ReDoc builds its search index in a worker started from a blob: URL.
    policy = content_security_policy(scripts=_script_hashes(html), workers=["blob:"])
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


def install_docs(app: FastAPI) -> None:
    """For an app created with `docs_url=None, redoc_url=None`: the two pages and their assets."""
    app.mount(ASSETS_PATH, StaticFiles(directory=str(ASSETS)), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"
    oauth2_redirect = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return _page(
            get_swagger_ui_html(
                openapi_url=openapi_url,
                title=f"{app.title} - Swagger UI",
                swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
                swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
                swagger_favicon_url=f"{ASSETS_PATH}/favicon.png",
                oauth2_redirect_url=oauth2_redirect,
            )
        )

    @app.get(oauth2_redirect, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return _page(get_swagger_ui_oauth2_redirect_html())

    @app.get(REDOC_BUNDLE_PATH, include_in_schema=False)
    async def redoc_script() -> Response:
        return Response(redoc_bundle(), media_type="text/javascript; charset=utf-8")

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return _page(
            get_redoc_html(
                openapi_url=openapi_url,
                title=f"{app.title} - ReDoc",
                redoc_js_url=REDOC_BUNDLE_PATH,
                redoc_favicon_url=f"{ASSETS_PATH}/favicon.png",
                with_google_fonts=False,
            )
        )
