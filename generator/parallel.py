"""One job on the other core: a worker process started early, through the standard library.

The deck and the Word documents are independent and each is mostly single-threaded python-pptx /
python-docx work, so with two cores the deck renders in a worker meanwhile. The worker is started
before the content is loaded and imports the deck renderer at once (`warm_up`), so python-pptx's
import overlaps with loading and validating. Where fork exists the worker is forked (it starts
with what this process has imported); elsewhere (Windows, macOS defaults) it is spawned. With one
core, or when no process can be started, the job runs here.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def start_method() -> str:
    """'fork' where this platform has it, else 'spawn'."""
    return "fork" if hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods() else "spawn"


def warm_up(modules: tuple[str, ...]) -> None:
    """Import `modules` in the worker before its job arrives."""
    for name in modules:
        importlib.import_module(name)


class Worker:
    """A single worker process for one job, or none (the job then runs in this process)."""

    def __init__(self, preload: tuple[str, ...] = ()):
        self._pool: ProcessPoolExecutor | None = None
        if cores() < 2:
            return
        try:
            context = multiprocessing.get_context(start_method())
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            if preload:
                self._pool.submit(warm_up, preload)
        except (OSError, ValueError, NotImplementedError):  # no process can be started here
            self._pool = None

    def submit(self, job, *args) -> Future:
        """Run `job(*args)` in the worker (arguments and result are pickled), or here."""
        if self._pool is not None:
            try:
                return self._pool.submit(job, *args)
            except (BrokenProcessPool, RuntimeError, OSError):
                self._pool = None
        future: Future = Future()
        try:
            future.set_result(job(*args))
        except BaseException as err:  # noqa: BLE001 - delivered through the future, as from the worker
            future.set_exception(err)
        return future

    @staticmethod
    def result(future: Future):
        """The job's result; its exception raised here; a worker that died is a RuntimeError."""
        try:
            return future.result()
        except BrokenProcessPool:
            raise RuntimeError("the deck renderer stopped without a result") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
