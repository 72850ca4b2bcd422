"""A sweep's local worker processes stop when their parent dies.

Killed with SIGKILL, the parent runs no clean-up; its workers used to go on sizing (and then wait for work)
for a minute or more. Each worker now watches its parent and exits within a fraction of a second. The test
polls with a generous deadline, so that a loaded machine does not make it fail: what it checks is that the
workers go, not how fast.
"""

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _poll(condition, deadline_s: float) -> bool:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_workers_exit_when_the_sweep_is_killed(tmp_path):
    sweep = subprocess.Popen(
        [sys.executable, "-m", "spacedc.designs.cli", "sweep", "sso-100kw", "--vary",
         "payload.chip_power=300:1500:200000", "--chunk", "20000", "--workers", "2", "--format", "csv",
         "--out", str(tmp_path / "t.csv")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        assert _poll(lambda: len(_children(sweep.pid)) >= 2, 120), "the sweep started no workers"
        workers = _children(sweep.pid)
        assert sweep.poll() is None  # ten chunks of 20,000 points: the sweep is still sizing
        os.kill(sweep.pid, signal.SIGKILL)
        sweep.wait(timeout=30)
        assert _poll(lambda: not any(_alive(w) for w in workers), 20), "workers outlived their parent"
    finally:
        if sweep.poll() is None:
            sweep.kill()
            sweep.wait()
        for w in workers:  # only the processes this test started
            if _alive(w):
                os.kill(w, signal.SIGKILL)
    assert not (tmp_path / "t.csv").exists()  # the table is written only once every chunk is in
