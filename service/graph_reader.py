"""How the service reads Neo4j: named statements in READ transactions, user Cypher rolled back.

The driver is created and closed in the app's lifespan (`service.app`); routes get a reader
through `service.deps.ReaderDep`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import READ_ACCESS, AsyncDriver, AsyncTransaction, Query, RoutingControl
from neo4j.exceptions import BrokenRecordError, ClientError, TransientError
from neo4j.graph import Node, Path, Relationship

from queries import statement
from service.cypher_check import refusals, writes
from service.errors import BadInput, DatabaseUnavailable, QueryRefused
from service.read_models import search as search_model

# The largest answer to a caller's Cypher, as JSON: a wide answer is refused before it is all in memory.
MAX_ANSWER_BYTES = 16_000_000
# How long past its own time limit a statement may go unanswered before Neo4j counts as unresponsive.
UNRESPONSIVE_GRACE_S = 5.0


@dataclass(frozen=True)
class GraphReader:
    driver: AsyncDriver
    database: str
    timeout_s: float

    async def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the named statement in a READ transaction; records as plain dicts."""
        query = statement(name)
        async with self._deadline():
            records, _, _ = await self.driver.execute_query(
                Query(query.text, timeout=self.timeout_s),
                params,
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        return [record.data() for record in records]

    async def read_searching(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """`read`, for a statement whose `$q` (when given) is a full-text query in Lucene syntax: a `/`
        is taken literally (`S/RES/1291`), and a `q` Lucene cannot parse is the caller's error (422)."""
        q = params.get("q")
        if q is not None:
            params = {**params, "q": search_model.lucene(q)}
        try:
            return await self.read(name, **params)
        except ClientError as err:
            message = (err.message or "").lower()
            if q is not None and ("fulltext" in message or "parse" in message):
                raise BadInput(search_model.syntax_error(q, err.message or "")) from err
            raise

    @contextlib.asynccontextmanager
    async def _deadline(self) -> AsyncIterator[None]:
        """Neo4j ends a transaction at `timeout_s`; a server that does not answer at all (frozen,
        or a network that drops packets) is given a few seconds more, then the caller gets 503."""
        limit = self.timeout_s + UNRESPONSIVE_GRACE_S
        try:
            async with asyncio.timeout(limit):
                yield
        except TimeoutError:
            raise DatabaseUnavailable(f"Neo4j did not answer within {limit:g} s") from None

    async def read_statement(
        self, text: LiteralString, params: dict[str, Any], row_cap: int
    ) -> tuple[list[str], list[dict[str, Any]], bool]:
        """Run Cypher in a READ access-mode transaction that is always rolled back.

        The database refuses writes in a read transaction; the rollback means nothing could
        persist even so. Neo4j ends the transaction after `timeout_s`. At most `row_cap` rows are
        returned; the third value says whether more were left.
        """
        check_parameters(params)
        if not _encodable(text):
            raise BadInput("the query holds a character that is not valid Unicode (a lone surrogate)")
        async with (
            self._deadline(),
            self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session,
        ):
            tx = await session.begin_transaction(timeout=self.timeout_s)
            try:
                await self._refuse_unless_read_only(tx, text, params)
                result = await tx.run(text, params)
                keys = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                size = 0
                async for record in result:
                    if len(rows) == row_cap:
                        truncated = True
                        break
                    row = {key: to_json(record[key]) for key in keys}
                    size += len(json.dumps(row, ensure_ascii=False, default=str))
                    if size > MAX_ANSWER_BYTES:
                        raise QueryRefused(
                            "answer_too_large",
                            f"the answer passed {MAX_ANSWER_BYTES // 1_000_000} MB after {len(rows)} rows; "
                            "return fewer or narrower rows (LIMIT, fewer properties)",
                        )
                    rows.append(row)
                return keys, rows, truncated
            except (BrokenRecordError, ValueError, OverflowError) as err:
                # The driver could not turn a value into Python (a date after 9999, say).
                detail = f"a value in the answer cannot be represented in JSON here: {err}"
                raise QueryRefused("unrepresentable_value", detail) from err
            except TransientError as err:
                if "MemoryPoolOutOfMemory" in (err.code or ""):
                    raise QueryRefused(
                        "query_too_large", "the query needed more memory than a transaction may use"
                    ) from err
                raise
            finally:
                # At the deadline (a cancelled task) the driver has closed the transaction and its
                # connection already: a rollback would raise, and the caller get 500, not 503.
                if not tx.closed():
                    await tx.rollback()

    @staticmethod
    async def _refuse_unless_read_only(tx: AsyncTransaction, text: LiteralString, params: dict[str, Any]) -> None:
        """Compile the statement (EXPLAIN runs nothing) and refuse a plan that is not all reads
        (service.cypher_check)."""
        summary = await (await tx.run("EXPLAIN " + text, params)).consume()
        refused = refusals(summary.plan or {})
        written = writes(refused)
        if written:
            raise QueryRefused("write_refused", "read-only: Neo4j says this statement writes: " + ", ".join(written))
        if refused:
            raise QueryRefused(
                "statement_refused",
                "only reads of the graph and read-only procedures may run here; refused: " + ", ".join(refused),
            )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_parameters(params: dict[str, Any]) -> None:
    """Refuse values Bolt cannot carry, naming the parameter: integers beyond 64 bits, strings
    that are not valid Unicode. (Otherwise the driver fails while sending: a 500.)"""

    def check(value: Any, where: str) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise BadInput(f"parameter {where}: {value} does not fit in a 64-bit integer")
        if isinstance(value, str) and not _encodable(value):
            raise BadInput(f"parameter {where}: not valid Unicode (a lone surrogate)")
        if isinstance(value, dict):
            for key, item in value.items():
                check(key, where)
                check(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                check(item, f"{where}[{index}]")

    for name, value in params.items():
        check(name, name)
        check(value, name)


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes and relationships as maps, temporal and spatial values as text."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            "properties": to_json(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
