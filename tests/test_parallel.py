"""`run_parallel`: results in order, and what is built before workers fork."""

from __future__ import annotations

import os

import pytest

from pcsc_procure.parallel import _can_fork, run_parallel


def _square(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def test_results_come_back_in_order_with_one_job_or_two():
    for jobs in (1, 2):
        assert [r[0] for r in run_parallel(_square, list(range(7)), jobs)] == [x * x for x in range(7)]


@pytest.mark.skipif(not _can_fork(), reason="workers are forked")
def test_before_fork_runs_once_in_the_parent_and_only_when_workers_fork():
    """The detectors' phrase matchers are built on first use; before workers fork they are built
    once in the parent (`before_fork`), or each worker would build its own."""
    calls = []

    def before():
        calls.append(os.getpid())

    results = run_parallel(_square, [1, 2, 3, 4], 2, before_fork=before)
    assert calls == [os.getpid()]
    assert {pid for _, pid in results} - {os.getpid()}  # the work was done in workers
    calls.clear()
    run_parallel(_square, [1, 2, 3], 1, before_fork=before)  # one job: nothing forks
    run_parallel(_square, [5], 4, before_fork=before)  # one item: nothing forks
    assert calls == []


@pytest.mark.skipif(not _can_fork(), reason="workers are forked")
def test_forked_workers_inherit_the_prepared_matchers():
    """`prepare` before the fork: a worker finds every kind's matcher already built."""
    from pcsc_procure.detect.engine import _detector_for, get_detector

    _detector_for.cache_clear()  # a detector no test has used yet: no matcher built
    try:
        det = get_detector()
        assert det.phrase_matchers == {}

        def built(_item):
            return len(det.phrase_matchers)

        counts = run_parallel(built, [0, 1, 2], 2, before_fork=det.prepare)
        assert counts == [len(det.kinds)] * 3
    finally:
        _detector_for.cache_clear()
