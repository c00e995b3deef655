"""Unknown query parameters are the caller's error: a typo (`?misison=unmik`) answers 422 naming it,
rather than 200 with the filter silently left out.

One app-wide dependency, driven by what each route declares: the query parameters of the route's
dependant and its sub-dependencies (their aliases, as a client spells them), so a new parameter
needs no list kept up to date. `GLOBAL` are those every route takes.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

# Accepted everywhere: `format` overrides the Accept header wherever a route negotiates (a route
# that offers one format ignores it).
GLOBAL = frozenset({"format"})


def declared(route: APIRoute) -> frozenset[str]:
    """The query parameter names `route` declares, as clients spell them (aliases)."""
    names: set[str] = set()
    pending: list[Dependant] = [route.dependant]
    while pending:
        dependant = pending.pop()
        names.update(param.alias for param in dependant.query_params)
        pending.extend(dependant.dependencies)
    return frozenset(names)


async def known_parameters(request: Request) -> None:
    """Refuse a request whose query string names a parameter its route does not declare."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = declared(route) | GLOBAL
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in allowed]
    if unknown:
        takes = ", ".join(sorted(allowed)) or "none"
        raise RequestValidationError(
            [
                {
                    "type": "unknown_parameter",
                    "loc": ("query", name),
                    "msg": f"unknown query parameter {name!r}; this route takes: {takes}",
                    "input": request.query_params.get(name),
                }
                for name in unknown
            ]
        )
