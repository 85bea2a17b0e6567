"""The build cache's file: one SQLite database of tables of (key, value), written in batches.

One file (`cache.sqlite`, the standard library's sqlite3) rather than a file per page: a file
per page cost a folder, a temporary file and a rename each, and on the build machine's disk
every created name costs about as much as rendering a small page. Rows are written in short
transactions, so a build that dies halfway leaves only whole entries (SQLite's rollback journal
undoes an unfinished transaction), and a build beside it (`mkdocs serve` and `mkdocs build` on one
project) waits for at most one batch.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path

DATABASE = "cache.sqlite"
SCHEMA = 1  # the tables' layout (PRAGMA user_version); another value: the tables are made anew
TABLES = ("pages", "stories", "data")
BATCH_BYTES = 4 << 20  # pending rows written in one transaction once they hold this much
log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def unpickled(data: bytes) -> tuple[bool, object]:
    """Whether `data` unpickles (an entry of older code may not), and the value."""
    try:
        return True, pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError, IndexError):
        return False, None


class Store:
    """The cache's SQLite file: tables of (key, pickled or UTF-8 value), written in batches.

    Opened on first use. A file that is not a database of this layout (damaged, or from another
    version) is replaced by an empty one: the cache only ever saves work.
    """

    def __init__(self, path: Path):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, dict[str, bytes]] = {}
        self._pending_bytes = 0

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.OperationalError:
                raise  # locked by another build or unreadable: not a reason to delete it
            except sqlite3.DatabaseError as error:
                log.warning("Build cache: %s is damaged (%s); starting an empty one",
                            self.path, error)
                with contextlib.suppress(OSError):
                    self.path.unlink()
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=60,
                             check_same_thread=False)
        try:
            # A rollback journal kept in place (no file created per transaction); no fsync: a
            # cache lost to a power cut is only work to do again, and a killed process leaves
            # the journal that rolls its unfinished transaction back.
            db.execute("PRAGMA journal_mode=TRUNCATE")
            db.execute("PRAGMA synchronous=OFF")
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                db.execute("BEGIN IMMEDIATE")
                for table in TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                    db.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                db.execute(f"PRAGMA user_version={SCHEMA}")
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def get(self, table: str, key: str) -> bytes | None:
        """The value stored under `key`, or None."""
        pending = self._pending.get(table, {}).get(key)
        if pending is not None:
            return pending
        try:
            row = self._connect().execute(
                f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            log.warning("Build cache: cannot read %s (%s)", self.path, error)
            return None
        return None if row is None else bytes(row[0])

    def get_object(self, table: str, key: str) -> tuple[bool, object]:
        """Whether a value that unpickles is stored under `key`, and the value."""
        data = self.get(table, key)
        return (False, None) if data is None else unpickled(data)

    def put_object(self, table: str, key: str, value: object) -> None:
        """Store `value`, pickled, under `key`."""
        self.put(table, key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def keys(self, table: str) -> set[str]:
        """Every key stored in `table`, pending ones included."""
        try:
            found = {key for (key,) in self._connect().execute(f"SELECT key FROM {table}")}
        except sqlite3.DatabaseError as error:
            log.warning("Build cache: cannot read %s (%s)", self.path, error)
            found = set()
        return found | set(self._pending.get(table, ()))

    def put(self, table: str, key: str, value: bytes) -> None:
        """Store `value` under `key` (written with the next batch)."""
        self._pending.setdefault(table, {})[key] = value
        self._pending_bytes += len(value)
        if self._pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows in one transaction."""
        if not self._pending:
            return
        pending, self._pending, self._pending_bytes = self._pending, {}, 0
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            for table, rows in pending.items():
                db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                               rows.items())
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def keep_only(self, table: str, used: Iterable[str]) -> int:
        """Delete the rows of `table` whose key is not in `used`; returns how many went."""
        self.flush()
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            db.execute("DELETE FROM temp.used")
            db.executemany("INSERT OR IGNORE INTO temp.used (key) VALUES (?)",
                           ((key,) for key in used))
            removed = db.execute(
                f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM temp.used)").rowcount
            db.execute("DELETE FROM temp.used")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return removed

    def close(self) -> None:
        """Write what is pending and close the file."""
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None
