"""Command-line tools: `flask rag reindex [--user ID]`, `flask auth purge-tokens`."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import delete, select

from models import TokenBlocklist, User, db, utcnow
from services.ingest import restore_index

rag_cli = AppGroup("rag", help="Maintain the per-user semantic indexes.")
auth_cli = AppGroup("auth", help="Maintain authentication data.")


@rag_cli.command("reindex")
@click.option("--user", "user_id", type=int, default=None, help="Rebuild only this user's index.")
def reindex(user_id: int | None) -> None:
    """Rebuild users' FAISS indexes and job-description files from the stored chunks."""
    store = current_app.extensions["index_store"]
    query = select(User.id).order_by(User.id)
    if user_id is not None:
        query = query.where(User.id == user_id)
    ids = list(db.session.execute(query).scalars())
    if user_id is not None and not ids:
        raise click.ClickException(f"No user with id {user_id}.")
    for uid in ids:
        restore_index(uid, store)
    click.echo(f"Rebuilt {len(ids)} index(es).")


@auth_cli.command("purge-tokens")
def purge_tokens() -> None:
    """Delete revoked-token rows whose tokens have expired anyway."""
    result = db.session.execute(delete(TokenBlocklist).where(TokenBlocklist.expires_at < utcnow()))
    db.session.commit()
    click.echo(f"Purged {result.rowcount} expired revoked token(s).")


def register_cli(app: Flask) -> None:
    """Attach the project's CLI groups to the app."""
    app.cli.add_command(rag_cli)
    app.cli.add_command(auth_cli)
