"""The build where planners work: no fork (Windows, macOS's default) and no fcntl (Windows) still
gives the same files, through a spawned worker and a portable lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator import parallel

from .conftest import LAYOUTS, SAMPLE
from .hardening.support import DOCUMENTS

WITHOUT_FORK_AND_FCNTL = """
import os, sys
del os.fork                  # as on Windows: multiprocessing must spawn
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` fails
from generator import parallel
assert parallel.start_method() == "spawn"
from generator.cli import main
sys.argv = ["vpgen", "build", "--force", *sys.argv[1:]]
main()
"""


def build_in_subprocess(out: Path, prelude: str | None = None) -> subprocess.CompletedProcess:
    args = ["--content", str(SAMPLE), "--layouts", str(LAYOUTS), "--output", str(out)]
    code = prelude or "import sys\nfrom generator.cli import main\nsys.argv = ['vpgen', 'build', '--force', *sys.argv[1:]]\nmain()\n"
    env = {k: v for k, v in os.environ.items() if k != "VPGEN_DEBUG"}
    env["PYTHONWARNINGS"] = "error"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600,
                          cwd=out.parent, env=env)


def test_a_build_without_fork_and_fcntl_writes_the_same_files(tmp_path: Path):
    plain, portable = tmp_path / "vanlig", tmp_path / "portabel"
    first = build_in_subprocess(plain)
    assert first.returncode == 0, first.stderr
    second = build_in_subprocess(portable, WITHOUT_FORK_AND_FCNTL)
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr and "Warning" not in second.stderr
    for name in DOCUMENTS:
        assert (portable / name).read_bytes() == (plain / name).read_bytes(), name


def test_the_worker_runs_a_job_in_another_process():
    with parallel.Worker() as worker:
        pid = worker.result(worker.submit(os.getpid))
    assert pid != os.getpid() or parallel.cores() < 2


def test_an_exception_in_the_worker_is_raised_here():
    with parallel.Worker() as worker:
        future = worker.submit(int, "inte ett tal")
        try:
            worker.result(future)
        except ValueError as err:
            assert "inte ett tal" in str(err)
        else:
            raise AssertionError("the worker's exception was lost")


def test_with_one_core_the_job_runs_here(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    with parallel.Worker() as worker:
        assert worker.result(worker.submit(os.getpid)) == os.getpid()
