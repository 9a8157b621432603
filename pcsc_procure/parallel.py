"""Lint many files: cached results first, then the misses across worker processes.

Cache hits are answered in this process without loading spaCy at all, so a
pre-commit run over unchanged files stays at start-up cost. Misses go to a
pool of forked workers (default: one per CPU); the parent builds the detectors
before forking, so every worker starts with them compiled instead of paying
the spaCy import and pattern compilation again. Results come back in input
order whatever order the workers finish in. Where fork is not available
(Windows), or when the report needs each document's text, files are linted
here one by one.
"""

from __future__ import annotations

import os
from typing import Callable

_OPTIONS = None  # the run's LintOptions, inherited by forked workers


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _work(task):
    from pcsc_procure.linter import lint_path

    index, path, shown = task
    return index, lint_path(path, _OPTIONS, display=shown)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def lint_files(tasks: list[tuple[str, str]], options, jobs: int, done: Callable[[int, object], None] | None = None) -> list:
    """Lint (path, shown) pairs; `done(i, result)` is called as each finishes."""
    global _OPTIONS
    from pcsc_procure.linter import cached_result, lint_path

    results: list = [None] * len(tasks)

    def finish(i, result):
        results[i] = result
        if done:
            done(i, result)

    pending = []
    for i, (path, shown) in enumerate(tasks):
        hit = cached_result(path, options, shown)
        if hit is not None:
            finish(i, hit)
        else:
            pending.append(i)
    if not pending:
        return results
    from pcsc_procure.detect.engine import get_detector

    get_detector()  # compile once, here (outside any file's time budget); forked workers inherit it
    workers = min(jobs, len(pending))
    if workers > 1 and not options.keep_document and _can_fork():
        import multiprocessing

        _OPTIONS = options
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for i, result in pool.imap_unordered(_work, [(i, *tasks[i]) for i in pending], chunksize=1):
                    finish(i, result)
        finally:
            _OPTIONS = None
    else:
        for i in pending:
            finish(i, lint_path(tasks[i][0], options, display=tasks[i][1]))
    return results
