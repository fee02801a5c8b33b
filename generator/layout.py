"""The layout folder: text templates, the PowerPoint and Word templates, the deck outline.

A Layout is handed to the renderers, also to the deck's worker process: it pickles as its paths
(compiled text templates and the parsed outline are rebuilt where they are used).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from typing import TYPE_CHECKING

from .problems import LayoutError

if TYPE_CHECKING:
    from .outline import Outline
    from .texts import Texts

PACKAGED_LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
PPTX_TEMPLATE = "board.pptx"
DOCX_TEMPLATE = "verksamhetsplan.docx"
OUTLINE = "deck.yaml"


MAX_TEMPLATE_BYTES = 200 * 1024 * 1024  # unpacked; a real PowerPoint or Word template is a few MB


def template_package(path: Path, what: str, not_zip: str) -> tuple[set[str], bytes]:
    """The part names and [Content_Types].xml of a template, read before any library unpacks it.

    `not_zip` is the message when the file is no zip archive; a zip bomb is refused by the sizes
    the archive declares, before anything is inflated. `what` names the template ("Word-mallen").
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            declared = sum(info.file_size for info in infos)
            if declared > MAX_TEMPLATE_BYTES:
                raise LayoutError(f"{what} {path} packas upp till {declared // 2**20} MB — högst "
                                  f"{MAX_TEMPLATE_BYTES // 2**20} MB tillåts (kan vara en zip-bomb)")
            names = {info.filename for info in infos}
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        raise LayoutError(not_zip) from None
    return names, types


def find_layouts_dir(explicit: Path | None) -> Path:
    """--layouts, else ./layouts when present, else the layouts shipped beside the package."""
    if explicit is not None:
        if not Path(explicit).is_dir():
            raise LayoutError(f"layoutmappen {explicit} finns inte — ange mappen med board.pptx och texter.yaml")
        return Path(explicit)
    local = Path("layouts")
    return local if (local / "texter.yaml").is_file() else PACKAGED_LAYOUTS


@dataclass
class Layout:
    """Everything the renderers take from layouts/, with the user's template overrides."""

    dir: Path
    pptx_override: Path | None = None
    docx_override: Path | None = None
    outline_override: Path | None = None

    @cached_property
    def texts(self) -> Texts:
        from .texts import Texts  # lazy: Jinja only when texts are used (the unchanged-build check needs none)

        return Texts(self.dir)

    def outline(self, plan) -> Outline:
        """The deck outline, checked against the plan's presentations and the text templates."""
        if self._outline is None:
            from .outline import load_outline  # lazy: pydantic only when the outline is read

            self._outline = load_outline(self.outline_path, set(plan.plan.presentationer), set(self.texts.templates))
        return self._outline

    def __post_init__(self) -> None:
        self._outline: Outline | None = None

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key in ("dir", "pptx_override", "docx_override",
                                                                              "outline_override")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._outline = None

    @property
    def pptx_template(self) -> Path:
        return self._existing(self.pptx_override or self.dir / PPTX_TEMPLATE, "PowerPoint-mallen")

    @property
    def docx_template(self) -> Path:
        return self._existing(self.docx_override or self.dir / DOCX_TEMPLATE, "Word-mallen")

    @property
    def outline_path(self) -> Path:
        return self._existing(self.outline_override or self.dir / OUTLINE, "dispositionen")

    @staticmethod
    def _existing(path: Path, what: str) -> Path:
        path = Path(path)
        if path.is_dir():
            raise LayoutError(f"{what} {path} är en mapp, inte en fil — ange filen")
        if not path.is_file():
            why = "är ingen vanlig fil" if path.exists() else "finns inte"
            raise LayoutError(f"{what} {path} {why}")
        return path
