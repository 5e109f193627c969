"""The run lock: a second run on the same data folder stops with a clear message
naming the holder and exit code 5; a killed holder leaves no stale lock."""

from __future__ import annotations

import os

import pytest

from pipeline.lock import EXIT_LOCKED, Locked, RunLock
from tests.conftest import FAST, pknews
from tests.faultserver import FaultServer
from tests.nightly_helpers import articles, assert_consistent, sigkill, start, wait_for


def test_lock_in_process(tmp_path):
    with RunLock(tmp_path, "run-a", "nightly"):
        with pytest.raises(Locked, match=f"pid {os.getpid()}.*run run-a"):
            RunLock(tmp_path, "run-b", "nightly").acquire()
    with RunLock(tmp_path, "run-c", "nightly"):  # released: free again
        pass


@pytest.mark.e2e
@pytest.mark.slow
def test_second_run_is_refused_and_a_killed_holder_leaves_no_stale_lock(tmp_path):
    data = tmp_path / "data"
    marker = tmp_path / "paused"
    with FaultServer() as srv:
        holder = start("nightly", "--data", str(data), *srv.site_args("good"), *FAST,
                       pause_at="page-archived:2", marker=marker)
        wait_for(marker.exists, holder)
        second = pknews("nightly", "--data", str(data), *srv.site_args("good"), *FAST)
        assert second.returncode == EXIT_LOCKED == 5
        assert f"pid {holder.pid}" in second.stderr and str(data / ".lock") in second.stderr
        assert "another pknews run" in second.stderr
        demo = pknews("demo", "--data", str(data))
        assert demo.returncode == EXIT_LOCKED
        sigkill(holder)  # the kernel drops the flock with the process
        third = pknews("nightly", "--data", str(data), *srv.site_args("good"), *FAST)
    assert third.returncode == 0, third.stdout + third.stderr
    assert "recovered" in third.stdout
    assert len(articles(data)) == 3 and articles(data).article_id.is_unique
    assert_consistent(data)
