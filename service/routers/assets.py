"""The service's own static files (icons, styles, vendored scripts): no page loads from another host."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent.parent / "static"
STATIC_PREFIX = "/static"

router = APIRouter(include_in_schema=False)


@router.get("/favicon.ico")
async def favicon() -> RedirectResponse:
    # Browsers ask for /favicon.ico when a page (a JSON answer, say) names no icon.
    return RedirectResponse(f"{STATIC_PREFIX}/favicon.svg", status_code=308)


def mount_static(app: FastAPI) -> None:
    app.mount(STATIC_PREFIX, StaticFiles(directory=STATIC), name="static")
    app.include_router(router)
