"""Run a local Neo4j Community server resolved from Maven Central (no Docker needed).

`db/pom.xml` names the artifacts; Maven copies them into a cache outside the repository once.
The server is started the way the official launcher starts it: the same JVM flags, the
`CommunityEntryPoint` main class, a conf folder written from `db/neo4j.conf.template`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from string import Template

from neo4j import Driver
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

from queries import statement
from schema.settings import Settings

DB = Path(__file__).resolve().parent
POM = DB / "pom.xml"
CONF_TEMPLATE = DB / "neo4j.conf.template"
# Files Neo4j creates (store, auth.ini, logs) are readable by their owner only.
PRIVATE_UMASK = 0o077

# The flags bin/neo4j passes (from the default neo4j.conf's server.jvm.additional).
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
]
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"


class LocalDbError(Exception):
    """The local Neo4j could not be prepared, started or stopped; the message says what to do."""


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    bolt_answers: bool
    http_answers: bool

    def describe(self, settings: Settings) -> str:
        if not self.running:
            return f"stopped (home {settings.db_home})"
        return (
            f"running, pid {self.pid}; bolt 127.0.0.1:{settings.db_bolt_port} "
            f"{'answers' if self.bolt_answers else 'not answering'}; http 127.0.0.1:{settings.db_http_port} "
            f"{'answers' if self.http_answers else 'not answering'}"
        )


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now, for a private server (tests, benchmarks)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_file(settings: Settings) -> Path:
    return settings.db_home / "run" / "pkgraph-neo4j.pid"


def _port_answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); its /proc state says it is gone.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[-1].startswith("Z"))


def _read_pid(settings: Settings) -> int | None:
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if _alive(pid) else None


def status(settings: Settings) -> Status:
    pid = _read_pid(settings)
    return Status(pid is not None, pid, _port_answers(settings.db_bolt_port), _port_answers(settings.db_http_port))


def _require_tools() -> tuple[str, str]:
    java = shutil.which("java")
    if java is None:
        raise LocalDbError(
            "java not found: install a JDK 17 or 21 (Debian: apt-get install openjdk-17-jre-headless) or put it on PATH"
        )
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)', probe.stderr + probe.stdout)
    if match is None or int(match.group(1)) not in (17, 21):
        found = match.group(1) if match else "unknown"
        raise LocalDbError(
            f"Neo4j 5.26 needs Java 17 or 21; `{java} -version` says {found}. "
            "Install one and put it first on PATH (or set JAVA_HOME/bin first on PATH)."
        )
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalDbError(
            "mvn not found: install Apache Maven (Debian: apt-get install maven); "
            "it resolves Neo4j from Maven Central into the cache once"
        )
    return java, mvn


def _classpath_dir(settings: Settings) -> Path:
    # Keyed by the pom's content: a version bump in db/pom.xml resolves into a fresh folder.
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:12]
    return settings.db_cache / f"neo4j-{digest}" / "lib"


def resolve(settings: Settings, mvn: str) -> Path:
    """Copy Neo4j and Browser jars from Maven Central into the cache (once; later runs reuse it)."""
    lib = _classpath_dir(settings)
    stamp = lib.parent / "resolved"
    if stamp.exists():
        return lib
    lib.mkdir(parents=True, exist_ok=True)
    print(f"resolving Neo4j from Maven Central into {lib} (first run only) ...", file=sys.stderr)
    done = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={lib}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        raise LocalDbError(f"Maven could not resolve db/pom.xml (exit {done.returncode}):\n{tail}")
    stamp.write_text("ok\n")
    return lib


def write_conf(settings: Settings) -> Path:
    home = settings.db_home
    # The store, the logs and auth.ini are the database's own: no other user of the machine reads them.
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(mode=0o700, exist_ok=True)
    heap_mb = _megabytes(settings.db_heap)
    text = Template(CONF_TEMPLATE.read_text()).substitute(
        bolt_port=settings.db_bolt_port,
        http_port=settings.db_http_port,
        home=str(home.resolve()),
        heap=settings.db_heap,
        pagecache=settings.db_pagecache,
        # The pool of all transactions' memory, and one transaction's share: a staged load's swap
        # (every staged node relabelled, every relationship between nodes already there created, in
        # one transaction: IPI's 44,054 contributions) needs most of it; a runaway query is still cut off.
        tx_memory=f"{max(heap_mb * 7 // 10, 64)}m",
        tx_memory_each=f"{max(heap_mb * 6 // 10, 48)}m",
        api_hostname=api_hostname(settings),
        api_origin=f"http://{api_hostname(settings)}:{settings.api_port}",
    )
    conf = home / "conf" / "neo4j.conf"
    conf.write_text(text)
    conf.chmod(0o600)
    return conf


def api_hostname(settings: Settings) -> str:
    """The host Neo4j Browser reaches the API by (its guide and style): a wildcard bind is loopback."""
    return "127.0.0.1" if settings.api_host in ("0.0.0.0", "::") else settings.api_host  # noqa: S104


def _megabytes(size: str) -> int:
    number, unit = int(size[:-1]), size[-1]
    return {"k": number // 1024, "m": number, "g": number * 1024}[unit]


def _java_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(settings.db_home.resolve())
    env["NEO4J_CONF"] = str((settings.db_home / "conf").resolve())
    return env


def _set_initial_password(settings: Settings, java: str, lib: Path) -> None:
    """Neo4j takes an initial password only before its first start; afterwards it is in data/dbms.

    The password travels in a picocli argument file (`@file`, mode 0600, deleted at once), never
    on a command line, where any user of the machine could read it in the process list.
    """
    auth_ini = settings.db_home / "data" / "dbms" / "auth.ini"
    if auth_ini.exists():
        auth_ini.chmod(0o600)  # a store made before the runner set a private umask
        return
    with tempfile.TemporaryDirectory(dir=settings.db_home, prefix=".pw-") as private:
        argfile = Path(private) / "password"
        fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            # `--` first: a generated password may begin with `-`, which picocli would read as an option.
            out.write("--\n" + _argfile_quote(settings.neo4j_password.get_secret_value()) + "\n")
        done = subprocess.run(
            [java, "-cp", f"{lib}/*", ADMIN_CLASS, "dbms", "set-initial-password", f"@{argfile}"],
            capture_output=True,
            text=True,
            env=_java_env(settings),
            check=False,
            umask=PRIVATE_UMASK,
        )
    if done.returncode != 0:
        raise LocalDbError(f"setting the initial password failed:\n{done.stdout}{done.stderr}")


@dataclass(frozen=True)
class AdminRun:
    """One neo4j-admin command: exit code, what it printed, wall seconds, its JVM's peak RSS."""

    returncode: int
    output: str
    seconds: float
    peak_rss_kib: int


def run_admin(settings: Settings, args: list[str]) -> AdminRun:
    """Run `neo4j-admin ARGS` against this database home (the server must be stopped for an import).

    The arguments travel in a picocli @-file: an import names a file per label and type, more than
    a command line comfortably holds."""
    java, mvn = _require_tools()
    lib = resolve(settings, mvn)
    write_conf(settings)
    with tempfile.TemporaryDirectory(dir=settings.db_home, prefix=".admin-") as private:
        argfile = Path(private) / "arguments"
        argfile.write_text("\n".join(_argfile_quote(arg) for arg in args) + "\n", encoding="utf-8")
        output = Path(private) / "output"
        command = [java, f"-Xmx{settings.db_heap}", "-cp", f"{lib}/*", ADMIN_CLASS, f"@{argfile}"]
        began = time.perf_counter()
        with output.open("w+b") as out:
            process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=_java_env(settings), umask=PRIVATE_UMASK
            )
            # wait4, not wait: its rusage is this JVM's own peak RSS.
            _, code, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(code)
            out.seek(0)
            text = out.read().decode(errors="replace")
    return AdminRun(process.returncode, text, time.perf_counter() - began, usage.ru_maxrss)


def wait_until_online(driver: Driver, database: str, timeout_s: float = 120.0) -> None:
    """Bolt answers a moment before the database is online: poll until a query runs."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            driver.execute_query(statement("system/counts").text, database_=database)
            return
        except (ServiceUnavailable, SessionExpired, TransientError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _argfile_quote(value: str) -> str:
    """One argument for a picocli @-file: quoted, so spaces, `#` and quotes stay part of it."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _log_tail(settings: Settings, lines: int = 30) -> str:
    parts = []
    for name in ("neo4j.log", "console.log"):
        path = settings.db_home / "logs" / name
        if path.exists():
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- last lines of {path} ---\n" + "\n".join(tail))
    return "\n".join(parts) or "(no log written)"


def start(settings: Settings) -> Status:
    """Start the server in the background and return once Bolt answers."""
    current = status(settings)
    if current.running:
        return current
    java, mvn = _require_tools()
    for name, port in (
        ("PKGRAPH_DB_BOLT_PORT", settings.db_bolt_port),
        ("PKGRAPH_DB_HTTP_PORT", settings.db_http_port),
    ):
        if _port_answers(port):
            raise LocalDbError(
                f"port {port} on 127.0.0.1 is already in use (not by this pkgraph database at "
                f"{settings.db_home}); stop what uses it or set {name} to a free port"
            )
    lib = resolve(settings, mvn)
    write_conf(settings)
    _set_initial_password(settings, java, lib)
    heap = settings.db_heap
    command = [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{lib}/*",
        MAIN_CLASS,
        f"--home-dir={settings.db_home.resolve()}",
        f"--config-dir={(settings.db_home / 'conf').resolve()}",
    ]
    console_log = settings.db_home / "logs" / "console.log"
    console = console_log.open("ab")
    console_log.chmod(0o600)
    process = subprocess.Popen(
        command,
        stdout=console,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env=_java_env(settings),
        start_new_session=True,
        umask=PRIVATE_UMASK,
    )
    console.close()
    _pid_file(settings).write_text(f"{process.pid}\n")
    deadline = time.monotonic() + settings.db_start_timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _pid_file(settings).unlink(missing_ok=True)
            raise LocalDbError(f"Neo4j exited with code {process.returncode} while starting.\n{_log_tail(settings)}")
        if _port_answers(settings.db_bolt_port) and _port_answers(settings.db_http_port):
            return status(settings)
        time.sleep(0.5)
    stop(settings)
    raise LocalDbError(
        f"Neo4j did not answer on bolt port {settings.db_bolt_port} within "
        f"{settings.db_start_timeout_s:.0f}s.\n{_log_tail(settings)}"
    )


def stop(settings: Settings, timeout_s: float = 60.0) -> bool:
    """Stop the server (SIGTERM, then SIGKILL after `timeout_s`); False if it was not running."""
    pid = _read_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        _reap(pid)
        time.sleep(0.2)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
    _reap(pid)
    _pid_file(settings).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child, so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
