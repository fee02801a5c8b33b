"""Where last year's adopted plan is read from: a folder, or the content folder at a git revision.

`föregående:` in plan.yaml names a folder relative to the content folder ("vp-2025") or a git
revision ("git:vp-2025"); `vpgen build --jämför-med` overrides it (a folder relative to where vpgen
runs, or git:REV). A revision is read with `git cat-file blob REV:<content folder>/<file>` into a
temporary folder: the working tree is never touched. Only the standard library: the build's up-to-date check
asks `still_current` before anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

GIT = "git:"
# A tag, branch or commit as git accepts it; never an option (-…) or a range, no spaces.
_REV = re.compile(r"^(?!-)[^\s~^:?*\[\\]{1,200}$")
GIT_TIMEOUT = 30  # seconds


class PreviousError(Exception):
    """The previous plan cannot be read; the message is Swedish and says what to do."""


@dataclass(frozen=True)
class Source:
    """A previous plan's location: a folder, or a revision of the content folder's repository."""

    spec: str  # as written: "vp-2025", "../arkiv/vp-2025", "git:vp-2025"
    shown: str  # how messages name its folder: "content/vp-2025", "git:vp-2025:content"
    folder: Path | None = None
    rev: str | None = None
    repo: Path | None = None  # the repository's top level
    prefix: str = ""  # the content folder inside the repository, "content/" (empty at the top)


def locate(spec: str, content_dir: Path, content_shown: str, from_cli: bool) -> Source:
    """Read `spec`: git:REV (a revision of the repository `content_dir` is in), or a folder.

    A folder from plan.yaml (föregående) is relative to the content folder, and may not be absolute
    (it would not travel with the content); one from the command line is relative to where vpgen
    runs. `content_shown` names the content folder in messages.
    """
    spec = spec.strip()
    if spec.startswith(GIT):
        rev = spec[len(GIT):].strip()
        if not _REV.match(rev):
            raise PreviousError(f"'{rev}' är ingen giltig git-revision — skriv en tagg, gren eller commit, "
                                "t.ex. git:vp-2025")
        return _git_source(spec, rev, content_dir)
    path = Path(spec)
    if not from_cli and path.is_absolute():
        raise PreviousError(f"skriv mappen relativt innehållsmappen, t.ex. 'vp-2025' (nu: {spec}) — en absolut "
                            "sökväg följer inte med innehållet; använd vpgen build --jämför-med för en annan plats")
    folder = path if from_cli else content_dir / path
    shown = spec if from_cli else os.path.normpath(os.path.join(content_shown, spec))
    try:
        ok = folder.is_dir()
    except OSError:
        ok = False
    if not ok:
        why = "är en fil, inte en mapp" if folder.is_file() else "finns inte"
        raise PreviousError(f"mappen {shown} med förra årets plan {why} — ange mappen med förra årets "
                            "plan.yaml, malsattningar.yaml och gemensamma.yaml")
    return Source(spec, shown, folder=folder)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise PreviousError("git behövs för att läsa förra årets plan ur git, men git finns inte installerat — "
                            "installera git, eller ange mappen med förra årets plan") from None
    except (OSError, subprocess.TimeoutExpired) as err:
        raise PreviousError(f"git kunde inte köras ({err}) — ange mappen med förra årets plan i stället") from None


def _git_source(spec: str, rev: str, content_dir: Path) -> Source:
    if shutil.which("git") is None:
        raise PreviousError(f"git behövs för att läsa {spec}, men git finns inte installerat — installera git, "
                            "eller ange mappen med förra årets plan")
    where = _git(["rev-parse", "--show-toplevel", "--show-prefix"], content_dir)
    if where.returncode != 0:
        raise PreviousError(f"innehållsmappen ligger inte i ett git-arkiv, så {spec} kan inte läsas — ange "
                            "mappen med förra årets plan i stället")
    top, _, prefix = where.stdout.decode("utf-8", "replace").partition("\n")
    return Source(spec, f"{GIT}{rev}:{prefix.strip().rstrip('/') or '.'}", rev=rev, repo=Path(top.strip()),
                  prefix=prefix.strip())


def commit_of(source: Source) -> str:
    """The commit a revision names now; PreviousError when the repository has no such revision."""
    found = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{source.rev}^{{commit}}"],
                 source.repo)  # type: ignore[arg-type]
    if found.returncode != 0:
        raise PreviousError(f"revisionen '{source.rev}' finns inte i git-arkivet {source.repo} — kontrollera "
                            "namnet (git tag --list visar taggarna, git log --oneline commitarna)")
    return found.stdout.decode().strip()


@contextmanager
def opened(source: Source, names: list[str]) -> Iterator[tuple[Path, dict]]:
    """The folder to read the previous plan from, and its fingerprint for the build's manifest.

    For a revision: the files `names` of the content folder at that revision, in a temporary
    folder removed afterwards (a name missing there is simply missing, as in a folder).
    """
    if source.folder is not None:
        yield source.folder, {"folder": str(source.folder.resolve()), "files": _hashes(source.folder, names)}
        return
    commit = commit_of(source)
    with tempfile.TemporaryDirectory(prefix="vpgen-foregaende-") as tmp:
        for name in names:
            # cat-file: the stored bytes as they are (no textconv or other filter of the repository's)
            blob = _git(["cat-file", "blob", f"{commit}:{source.prefix}{name}"], source.repo)  # type: ignore[arg-type]
            if blob.returncode == 0:
                (Path(tmp) / name).write_bytes(blob.stdout)
        yield Path(tmp), {"git": str(source.repo), "rev": source.rev, "commit": commit}


def _hashes(folder: Path, names: list[str]) -> dict[str, str]:
    out = {}
    for name in names:
        try:
            out[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        except OSError:
            out[name] = ""
    return out


def still_current(record: dict | None) -> bool:
    """Whether a fingerprint from `opened` still describes what would be read now."""
    if not record:
        return True
    try:
        if "folder" in record:
            return _hashes(Path(record["folder"]), list(record["files"])) == record["files"]
        source = Source(record["rev"], "", rev=record["rev"], repo=Path(record["git"]))
        return commit_of(source) == record["commit"]
    except (PreviousError, KeyError, TypeError, ValueError, OSError):
        return False
