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

_FUNC = None  # the function forked workers apply (inherited, never pickled)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _call(task):
    index, item = task
    return index, _FUNC(item)


def run_parallel(func: Callable, items: list, jobs: int, done: Callable[[int, object], None] | None = None,
                 before_fork: Callable[[], None] | None = None) -> list:
    """[func(item) for item in items], across up to `jobs` forked workers.

    `func` may be a closure: workers inherit it through fork. The caller warms
    up whatever the workers share (the detectors) before calling this, and
    `before_fork` finishes what is otherwise built on first use (the phrase
    matchers), only when workers are forked: each would build its own.
    """
    global _FUNC
    results: list = [None] * len(items)

    def finish(i, result):
        results[i] = result
        if done:
            done(i, result)

    workers = min(jobs, len(items))
    if workers > 1 and _can_fork():
        import multiprocessing

        if before_fork is not None:
            before_fork()
        _FUNC = func
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for i, result in pool.imap_unordered(_call, list(enumerate(items)), chunksize=1):
                    finish(i, result)
        finally:
            _FUNC = None
    else:
        for i, item in enumerate(items):
            finish(i, func(item))
    return results


def lint_files(tasks: list[tuple[str, str]], options, jobs: int, done: Callable[[int, object], None] | None = None) -> list:
    """Lint (path, shown) pairs; `done(i, result)` is called as each finishes."""
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

    detector = get_detector()  # compile once, here (outside any file's time budget); forked workers inherit it
    # A report that needs each document's text (html, --annotate) is linted here.
    jobs = 1 if options.keep_document else jobs
    run_parallel(lambda i: lint_path(tasks[i][0], options, display=tasks[i][1]), pending, jobs,
                 lambda k, result: finish(pending[k], result), before_fork=detector.prepare)
    return results
