"""The one road from the window to the database: run a service in a unit of work, show a failure in plain
words, announce what changed (Anki's `CollectionOp` / `mw.perform_op`).

A write from a slot, in full::

    from gridkeeper.ui.operations import Change, perform

    def delete_visit(self, visit_id: int) -> None:
        done = perform(self, self.ctx, lambda session: delete_visit(session, visit_id), changes=Change.VISITS)
        if done:              # None after a failure, which the user has already been shown
            self.status.setText(self.tr("Deleted"))

`perform` commits when the function returns and rolls everything back when it raises. A refusal
(`ServiceError`: not found, duplicate, no permission) is shown with its own words; a full disk, a read-only
folder or a damaged file in the plain words of `storage.faults.describe`; anything unexpected as a short
notice, with the traceback logged. Pass `on_invalid` to show `ValidationFailed` next to the fields instead
of in a box. Long work: `perform_in_background(parent, ctx, op, ...)` hands `op(session, progress)` an
open unit of work in a worker thread, with the progress dialog of `ui.worker`.

Listeners follow `ctx.data_changed`, which carries a `Change`::

    ctx.data_changed.connect(lambda change: change.affects(Change.VISITS, Change.PLACES) and self.refresh())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from gridkeeper.services.errors import EditConflict, ValidationFailed
from gridkeeper.ui.context import Change
from gridkeeper.ui.errors import report_failure
from gridkeeper.ui.worker import BackgroundTask, Progress, run_in_background

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write that went through; `value` is what the service returned."""

    value: T


def announce(ctx, changes: Change | Iterable[Change]) -> None:
    """Tell every view what changed (each change once, in order)."""
    for change in dict.fromkeys([changes] if isinstance(changes, Change) else changes):
        ctx.data_changed.emit(change)


def perform(parent: QWidget | None, ctx, op: Callable[[Session], T], *, changes: Change | Iterable[Change] = (),
            on_invalid: Callable[[ValidationFailed], Any] | None = None,
            on_error: Callable[[BaseException], bool] | None = None) -> Done[T] | None:
    """Run `op(session)` in one unit of work; announce `changes` and return Done(result) once committed.

    On failure nothing is saved, the user is told (see the module docstring) and None is returned;
    `on_error(exc)` returning True means the caller answers that failure itself (an edit conflict).
    """
    try:
        with ctx.write() as session:
            result = op(session)
    except ValidationFailed as exc:
        if on_invalid is None:
            report_failure(parent, exc)
        else:
            on_invalid(exc)
        return None
    except Exception as exc:  # noqa: BLE001 - every failed write reaches the user
        if on_error is None or not on_error(exc):
            report_failure(parent, exc)
        return None
    announce(ctx, changes)
    return Done(result)


def perform_edit(parent: QWidget | None, ctx, op: Callable[[Session], T], *,
                 keep_mine: Callable[[EditConflict], Any], take_theirs: Callable[[EditConflict], Any],
                 changes: Change | Iterable[Change] = (),
                 on_invalid: Callable[[ValidationFailed], Any] | None = None,
                 on_error: Callable[[BaseException], bool] | None = None) -> Done[T] | None:
    """`perform` for a save of a record someone else may have saved meanwhile (its version counter).

    On an EditConflict the user sees who saved first and when, both versions side by side
    (ui.conflict_dialog) and chooses: `keep_mine(conflict)` then points the save at the version saved now
    and `op` runs again (it may meet another conflict, and so on); `take_theirs(conflict)` shows what is
    saved now, the views refresh, and None is returned."""
    from gridkeeper.ui.conflict_dialog import KEEP_MINE, choose

    answered: set[tuple] = set()
    while True:
        refused: list[EditConflict] = []

        def answer(exc: BaseException) -> bool:
            if isinstance(exc, EditConflict) and exc.current_version is not None:
                refused.append(exc)
                return True
            return on_error is not None and on_error(exc)

        done = perform(parent, ctx, op, changes=changes, on_invalid=on_invalid, on_error=answer)
        if not refused:
            return done
        key = (refused[0].table, refused[0].record_id, refused[0].current_version)
        if key in answered:  # "keep mine" did not move the save onto the current version: say so, stop
            report_failure(parent, refused[0])
            return None
        answered.add(key)
        if choose(parent, refused[0]) != KEEP_MINE:
            take_theirs(refused[0])
            announce(ctx, changes)
            return None
        keep_mine(refused[0])


def perform_in_background(parent: QWidget | None, ctx, op: Callable[[Session, Progress], T], *,
                          changes: Change | Iterable[Change] = (), on_done: Callable[[T], Any] | None = None,
                          on_error: Callable[[BaseException], bool] | None = None, label: str = "",
                          cancellable: bool = True) -> BackgroundTask:
    """Run `op(session, progress)` in a worker thread inside one unit of work (committed when it returns,
    rolled back on error or cancel); then announce `changes` and call `on_done(result)` on the UI thread.
    A failure is shown as by `perform` unless `on_error(exc)` returns True."""
    def work(progress: Progress) -> T:
        with ctx.worker_engine() as engine, ctx.write(engine) as session:
            return op(session, progress)

    def done(result: T) -> None:
        announce(ctx, changes)
        if on_done is not None:
            on_done(result)

    return run_in_background(parent, work, on_done=done, on_error=on_error, label=label, cancellable=cancellable)


__all__ = ["Change", "Done", "announce", "perform", "perform_edit", "perform_in_background"]
