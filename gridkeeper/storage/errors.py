"""Errors about the database file itself, worded for the person at the desk."""

from __future__ import annotations


class DatabaseUnusable(Exception):
    """The database cannot be used (missing, not a database, damaged, too new, locked)."""


class DatabaseMissing(DatabaseUnusable):
    pass


class NotADatabase(DatabaseUnusable):
    pass


class SchemaTooNew(DatabaseUnusable):
    pass


class DatabaseReplaced(DatabaseUnusable):
    """The open database file was replaced or removed under the app; writing stopped."""
