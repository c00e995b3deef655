"""Neo4j's status codes for a transaction it ended early, each named for what it was. The
db.transaction.timeout case cannot be caused in the integration tests: Community cannot change the
setting at run time (no dbms.setConfigValue) and the project's is 120 s."""

from __future__ import annotations

import pytest

from service.errors import QueryEnded, QueryRefused, why_ended


def test_only_the_clients_deadline_is_the_limit() -> None:
    ended = why_ended("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", 10, 10.2)
    assert isinstance(ended, QueryRefused)
    assert (ended.error, ended.detail) == ("query_timeout", "the query ran past the 10 s limit")


def test_neo4js_own_timeout_is_named() -> None:
    ended = why_ended("Neo.ClientError.Transaction.TransactionTimedOut", 10, 2.6)
    assert isinstance(ended, QueryRefused)
    assert ended.error == "query_timeout"
    assert "db.transaction.timeout" in ended.detail
    assert "10 s" not in ended.detail


@pytest.mark.parametrize(
    "code", ["Neo.ClientError.Transaction.Terminated", "Neo.ClientError.Transaction.LockClientStopped"]
)
def test_a_terminated_transaction_is_not_called_a_timeout(code: str) -> None:
    ended = why_ended(code, 10, 2.6)
    assert isinstance(ended, QueryEnded)
    assert ended.status == 503
    assert "after 2.6 s" in ended.detail
    assert "ran past" not in ended.detail


@pytest.mark.parametrize(
    "code", ["Neo.ClientError.Statement.SyntaxError", "Neo.TransientError.General.MemoryPoolOutOfMemoryError", ""]
)
def test_other_errors_are_not_endings(code: str) -> None:
    assert why_ended(code, 10, 1.0) is None
