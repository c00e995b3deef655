"""pkgraph's one exception hierarchy, mapped to HTTP in one place (`install_handlers`).

Routes raise these (or let a driver exception through); clients get a JSON body with `error`
and `detail`, never a stack trace.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from neo4j.exceptions import (
    AuthError,
    ConnectionAcquisitionTimeoutError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

RETRY_AFTER_S = 5


class PkgraphError(Exception):
    status = 500
    error = "internal"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail
        # More fields of the JSON body, beside `error` and `detail` (a 406 lists what is offered).
        self.extra: dict[str, object] = {}


class NotFound(PkgraphError):
    status = 404
    error = "not_found"


class BadInput(PkgraphError):
    status = 422
    error = "bad_input"


class QueryRefused(PkgraphError):
    """A caller's query was refused: Cypher that Neo4j would not run (a write in a read transaction, a
    syntax error) or a Cypher or SPARQL query that ran past the time limit."""

    status = 400

    def __init__(self, error: str, detail: str) -> None:
        super().__init__(detail)
        self.error = error


class QueryEnded(PkgraphError):
    """Neo4j ended a caller's query before it finished and before its time limit (an administrator's
    TERMINATE TRANSACTIONS, a closed connection): not the caller's fault, and worth retrying."""

    status = 503
    error = "query_terminated"


def why_ended(code: str, timeout_s: float, elapsed_s: float) -> PkgraphError | None:
    """Why Neo4j ended a transaction early, from its status code (not its message); None for an error
    of another kind. Only the client's own deadline is "the limit": the other endings say what they were."""
    reason = code.rsplit(".", 1)[-1]
    after = f"after {elapsed_s:.1f} s"
    if reason == "TransactionTimedOutClientConfiguration":
        return QueryRefused("query_timeout", f"the query ran past the {timeout_s:g} s limit")
    if reason == "TransactionTimedOut":
        return QueryRefused(
            "query_timeout", f"the query ran past Neo4j's own transaction time limit (db.transaction.timeout), {after}"
        )
    if reason in ("Terminated", "LockClientStopped"):
        return QueryEnded(
            f"Neo4j terminated the query {after}, within the {timeout_s:g} s limit: an administrator ended its "
            "transaction (TERMINATE TRANSACTIONS) or closed its connection; try again"
        )
    return None


class DatabaseUnavailable(PkgraphError):
    status = 503
    error = "database_unavailable"


class NotReady(PkgraphError):
    """Neo4j answers but the graph cannot serve yet (schema missing)."""

    status = 503
    error = "not_ready"


def _body(error: str, detail: object) -> dict[str, object]:
    return {"error": error, "detail": detail}


def _unavailable(detail: str) -> JSONResponse:
    return JSONResponse(
        _body(DatabaseUnavailable.error, detail), status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)}
    )


async def _pkgraph_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PkgraphError)
    return error_response(exc)


def error_response(exc: PkgraphError) -> JSONResponse:
    """The answer to a PkgraphError, for a handler or a middleware that meets one outside a route."""
    body = {**_body(exc.error, exc.detail), **exc.extra}
    if exc.status == 503:
        return JSONResponse(body, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})
    return JSONResponse(body, status_code=exc.status)


async def _driver_unavailable(_: Request, exc: Exception) -> JSONResponse:
    return _unavailable(f"Neo4j is unreachable: {type(exc).__name__}")


async def _pool_exhausted(_: Request, __: Exception) -> JSONResponse:
    # Every connection of the pool is busy for longer than the driver waits for one.
    return JSONResponse(
        _body("database_busy", "every connection to Neo4j is busy; try again shortly"),
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )


async def _driver_auth(_: Request, __: Exception) -> JSONResponse:
    # The service's own credentials were refused: an operator problem, not the caller's.
    return _unavailable("Neo4j refused the service's credentials; check NEO4J_USER / NEO4J_PASSWORD")


async def _database_error(_: Request, exc: Exception) -> JSONResponse:
    # A statement of ours that Neo4j refused: a bug on our side, reported without internals.
    code = exc.code if isinstance(exc, Neo4jError) else None
    if code and "TransactionTimedOut" in code:
        # One of our own reads ran past the time limit: Neo4j is overloaded, not the statement wrong.
        return _unavailable("Neo4j did not finish the read within the time limit; try again shortly")
    if code and code.rsplit(".", 1)[-1] in ("Terminated", "LockClientStopped"):
        return _unavailable("Neo4j terminated the read before it finished (an administrator, or a closed connection)")
    return JSONResponse(_body("internal", f"the database refused a statement ({code})"), status_code=500)


def _json_safe(value: object) -> object:
    """What a client sent, as JSON can carry it: a body that was not JSON arrives as bytes."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return repr(value)


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"parameter": ".".join(str(p) for p in e["loc"]), "message": e["msg"], "input": _json_safe(e.get("input"))}
        for e in exc.errors()
    ]
    return JSONResponse(_body(BadInput.error, problems), status_code=422)


# Errors Starlette and FastAPI raise themselves (unknown path, wrong method, a body that is not
# JSON): the same body as every other error.
_HTTP_ERRORS = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 406: "not_acceptable"}


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    error = _HTTP_ERRORS.get(exc.status_code, f"http_{exc.status_code}")
    return JSONResponse(_body(error, exc.detail), status_code=exc.status_code, headers=exc.headers)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(PkgraphError, _pkgraph_error)
    app.add_exception_handler(ServiceUnavailable, _driver_unavailable)
    app.add_exception_handler(SessionExpired, _driver_unavailable)
    app.add_exception_handler(AuthError, _driver_auth)
    app.add_exception_handler(ConnectionAcquisitionTimeoutError, _pool_exhausted)
    app.add_exception_handler(Neo4jError, _database_error)
    app.add_exception_handler(RequestValidationError, _validation)
