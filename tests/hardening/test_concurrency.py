"""Two `vpgen build` at once on the same output folder (two real console-script processes).

The writer takes a lock on the output folder for the whole write: the second build waits for the
first, then replaces every file itself. Both succeed, and after each round the deck, the plan, the
summary and the sheet all come from the same build — never a mix.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from ..conftest import LAYOUTS, SAMPLE
from .support import DOCUMENTS, MANIFEST, leftovers, part_texts, vpgen_command

NR27 = "Regional utveckling, både nationellt och internationellt."
ROUNDS = 4


def content_marked(root: Path, marker: str) -> Path:
    """The sample, with `marker` in uppdrag nr 27 (which every document shows)."""
    content = root / marker / "content"
    shutil.copytree(SAMPLE, content)
    path = content / "malsattningar.yaml"
    text = path.read_text(encoding="utf-8")
    assert NR27 in text
    path.write_text(text.replace(NR27, f"Regional utveckling, både nationellt och internationellt {marker}."),
                    encoding="utf-8")
    return content


def start(content: Path, out: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "VPGEN_DEBUG"}
    return subprocess.Popen([*vpgen_command(), "build", "--force", "--layouts", str(LAYOUTS), "--content",
                             str(content), "--output", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=content.parent, env=env)


def test_two_builds_at_once_never_leave_a_mix(tmp_path: Path):
    markers = ("BYGGEALFA", "BYGGEBETA")
    contents = {marker: content_marked(tmp_path, marker) for marker in markers}
    out = tmp_path / "ut"
    winners = set()
    for round_no in range(ROUNDS):
        order = markers if round_no % 2 == 0 else markers[::-1]
        procs = [start(contents[marker], out) for marker in order]
        for proc in procs:
            stdout, stderr = proc.communicate(timeout=300)
            assert proc.returncode == 0, stderr
            assert "Traceback" not in stderr and "Internt fel" not in stderr
            assert stdout.count("Skrev ") == len(DOCUMENTS)
        found = {name: {m for m in markers if m in part_texts(out / name)} for name in DOCUMENTS}
        assert all(len(marks) == 1 for marks in found.values()), found
        assert len(set.union(*found.values())) == 1, f"round {round_no}: a mix of two builds: {found}"
        winners |= set.union(*found.values())
        # The manifest was written in the same atomic step: it describes exactly these files.
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        for name in DOCUMENTS:
            assert manifest["outputs"][name] == hashlib.sha256((out / name).read_bytes()).hexdigest()
        assert leftovers(out) == []
    assert winners  # at least one build won each round (which one is up to the scheduler)


def test_a_build_waits_while_another_holds_the_output_folder(tmp_path: Path):
    """While the lock is held (another build writing), a build renders but writes nothing; it
    finishes as soon as the lock is free."""
    import time

    from filelock import FileLock

    content = content_marked(tmp_path, "BYGGEGAMMA")
    out = tmp_path / "ut"
    out.mkdir()
    lock = FileLock(str(out / ".vpgen.lock"))
    with lock:
        proc = start(content, out)
        time.sleep(3)
        assert proc.poll() is None, proc.communicate()
        assert [p.name for p in out.iterdir() if not p.name.startswith(".vpgen.lock")] == []
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    assert all("BYGGEGAMMA" in part_texts(out / name) for name in DOCUMENTS)
    assert leftovers(out) == []
