"""Database engine settings that SQLAlchemy URLs cannot express, and a prepared hot read."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import Select, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from models import db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers proceed during a write; the busy timeout makes writers queue.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def configure_sqlite(app: Flask) -> None:
    """Turn on WAL, a busy timeout and foreign keys for SQLite connections."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine: Engine = db.engine
        if not event.contains(engine, "connect", _sqlite_pragmas):
            event.listen(engine, "connect", _sqlite_pragmas)


def end_sessions_quietly(app: Flask) -> None:
    """End each request's session without letting a dead connection turn into a 500."""

    @app.teardown_appcontext
    def _remove_session(_exc: BaseException | None) -> None:
        # Runs before Flask-SQLAlchemy's own teardown (Flask calls them in reverse order). The
        # response is already made; when the database went away meanwhile, the rollback that
        # closing the session sends fails (PostgreSQL restarting: AdminShutdown), and from a
        # teardown that would replace the response with a bare 500. The pool invalidates the
        # connection either way; forget the session so the next request starts clean.
        try:
            db.session.remove()
        except DBAPIError as exc:
            app.logger.warning("session closed on a lost connection: %s", exc.orig)
            db.session.registry.clear()


class PreparedSelect:
    """A Core select compiled once per engine and run on a raw pooled DBAPI connection.

    For a hot, simple read (the token check of every request, a search's chunks): no Connection,
    transaction or Result objects, only the pool's checkout, the driver's cursor and the columns'
    own result processors (SQLite's JSON and DATETIME text become lists and datetimes, as through
    Core). Bind values must be types the driver takes as they are (str, int). Driver errors are
    raised as SQLAlchemy's, and a lost connection is invalidated, as Core does.
    """

    def __init__(self, statement: Select) -> None:
        self.statement = statement
        self._compiled: dict[int, tuple[Engine, str, list[str] | None, dict, list]] = {}

    def _compile(self, engine: Engine) -> tuple[str, list[str] | None, dict, list]:
        entry = self._compiled.get(id(engine))
        if entry is None or entry[0] is not engine:
            dialect = engine.dialect
            compiled = self.statement.compile(dialect=dialect)
            processors = [
                column.type.dialect_impl(dialect).result_processor(dialect, None)
                for column in self.statement.selected_columns
            ]
            positional = list(compiled.positiontup) if compiled.positional else None
            # Values bound in the statement itself; the caller's params fill the others.
            entry = (engine, str(compiled), positional, dict(compiled.params), processors)
            self._compiled[id(engine)] = entry
        return entry[1], entry[2], entry[3], entry[4]

    def first(self, engine: Engine, params: dict[str, Any]) -> tuple | None:
        """Return the first row, processed, or None."""
        rows = self._run(engine, params, many=False)
        return rows[0] if rows else None

    def all(self, engine: Engine, params: dict[str, Any]) -> list[tuple]:
        """Return every row, processed."""
        return self._run(engine, params, many=True)

    def _run(self, engine: Engine, params: dict[str, Any], many: bool) -> list[tuple]:
        sql, positional, bound, processors = self._compile(engine)
        values = {**bound, **params}
        args: Any = tuple(values[name] for name in positional) if positional else values
        dbapi_error = engine.dialect.loaded_dbapi.Error
        try:
            connection = engine.raw_connection()
        except dbapi_error as exc:
            # Unlike Engine.connect(), raw_connection() lets the driver's own error through: a
            # server that is down must surface as SQLAlchemy's OperationalError (a 503).
            raise DBAPIError.instance(
                None, None, exc, dbapi_error, connection_invalidated=True, dialect=engine.dialect
            ) from exc
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(sql, args)
                if many:
                    rows = cursor.fetchall()
                else:
                    row = cursor.fetchone()
                    rows = [] if row is None else [row]
            finally:
                cursor.close()
        except dbapi_error as exc:
            lost = engine.dialect.is_disconnect(exc, connection.dbapi_connection, None)
            if lost:
                connection.invalidate(exc)
            raise DBAPIError.instance(
                sql,
                args,
                exc,
                dbapi_error,
                connection_invalidated=lost,
                dialect=engine.dialect,
            ) from exc
        finally:
            connection.close()
        if not any(processors):
            return [tuple(row) for row in rows]
        return [
            tuple(
                value if process is None else process(value)
                for value, process in zip(row, processors, strict=True)
            )
            for row in rows
        ]
