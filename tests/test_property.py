"""Property: any content the schema accepts builds, the three outputs reopen, and every text reads
back as it was written — after text.py's documented clean-up of control characters.

Hypothesis writes the free-text parts of the content (area files, risks, the omvärld lists, the
text of a numbered uppdrag) with any Unicode it likes: controls, lone surrogates, non-characters,
emoji, right-to-left text, template and XML syntax. The cleaned text must then be found, whole,
in the deck (python-pptx), the plan and the summary (python-docx) and the sheet (openpyxl).

Texts are kept short enough for one slide: a text longer than a slide is split between slides
(tests/hardening/test_text.py covers that). Names that reach document properties (region, nämnd)
are not generated — see tests/hardening/test_text_limits.py.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.build import BuildOptions, build
from generator.problems import ContentError
from generator.sanitize import clean_text, refused_links
from generator.typography import sv_typography

from .conftest import LAYOUTS, SAMPLE
from .hardening.support import all_texts, leftovers

FOKUS = ["4.1", "4.1.1", "4.1.2", "4.2", "4.3"]
NR27 = ("                  text: >-\n"
        "                    Att främja och utveckla det strategiska påverkansarbetet inom förvaltningen för\n"
        "                    Regional utveckling, både nationellt och internationellt.\n")

# Any code point (surrogates included), biased towards the ones that break things.
ODD = st.sampled_from(list("\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f\u2028\u2029\ud800\udbff\udc00\udfff"
                           "\ufffe\uffff\ufeff\u202e\u200f\u200b\u00a0\u202f<>&\"'{}%#*!|:-\\🙂😀𝔘שםمر"))
CHARS = st.one_of(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), ODD,
                  st.sampled_from(list("abcdefghijklmnopqrstuvwxyzåäö ABCÅÄÖ0123456789.,")))


ESCAPED_IN_A_WORD = re.compile("(?:[^\\W\\d_]|:)[\x00\x07\x08\t\n\x0b\x0c\r\x1b](?=[^\\W\\d_])")


@st.composite
def texts(draw, max_size: int = 120) -> str:
    """A text the schema accepts: something left after the clean-up, no refused link, and a
    unique tag so that finding it in a document means finding this text."""
    body = draw(st.text(CHARS, min_size=1, max_size=max_size))
    tag = draw(st.integers(min_value=0, max_value=10**9))
    raw = f"T{tag:09d} {body}"
    assume(not refused_links(clean_text(raw)))
    # Refused by design (yamlsrc: a backslash escape inside a word is a typed path, "G:\\nya"): a control
    # character PyYAML writes as such an escape, between letters.
    assume(not ESCAPED_IN_A_WORD.search(raw))
    return raw


def dump(data) -> str:
    """YAML as an editor could have written it; surrogates and controls as escapes (PyYAML's own)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9, default_style='"')


@st.composite
def contents(draw) -> dict:
    insatser = draw(st.lists(st.fixed_dictionaries(
        {"fokusområde": st.sampled_from(FOKUS), "punkter": st.lists(texts(), max_size=6)},
        optional={"rubrik": texts(60)}), max_size=4))
    utmaningar = draw(st.lists(st.fixed_dictionaries(
        {"punkter": st.lists(texts(), min_size=1, max_size=3)}, optional={"rubrik": texts(60)}), max_size=4))
    return {
        "area": {"område": "Energi och klimat", "insatser": insatser, "utmaningar": utmaningar},
        "risker": draw(st.lists(st.fixed_dictionaries({"område": texts(30), "risk": texts()}), min_size=1, max_size=5)),
        "omvarld": {
            "omvärldsfaktorer": draw(st.lists(texts(), min_size=1, max_size=5)),
            "interna_utmaningar": draw(st.lists(texts(), max_size=3)),
            "övergripande": draw(st.lists(texts(), max_size=3)),
            "storregionalt_samarbete": draw(st.lists(texts(), max_size=3)),
        },
        "uppdrag": draw(texts()),
    }


def write_content(root: Path, data: dict) -> Path:
    content = root / "content"
    shutil.copytree(SAMPLE, content)
    (content / "omraden" / "energi-och-klimat.yaml").write_text(dump(data["area"]), encoding="utf-8")
    (content / "internkontroll.yaml").write_text(dump({"risker": data["risker"]}), encoding="utf-8")
    (content / "omvarld.yaml").write_text(dump(data["omvarld"]), encoding="utf-8")
    mal = content / "malsattningar.yaml"
    text = mal.read_text(encoding="utf-8")
    assert NR27 in text
    quoted = dump({"text": data["uppdrag"]}).strip()
    mal.write_text(text.replace(NR27, f"                  {quoted}\n"), encoding="utf-8")
    return content


def written_texts(data: dict) -> dict[str, list[str]]:
    """Every generated text, by the documents that show it."""
    area = data["area"]
    body = [p for g in area["insatser"] for p in g["punkter"]] + [g["rubrik"] for g in area["insatser"] if "rubrik" in g]
    body += [p for u in area["utmaningar"] for p in u["punkter"]] + [u["rubrik"] for u in area["utmaningar"] if "rubrik" in u]
    body += [r["risk"] for r in data["risker"]] + [r["område"] for r in data["risker"]]
    body += [t for key in ("omvärldsfaktorer", "interna_utmaningar", "övergripande", "storregionalt_samarbete")
             for t in data["omvarld"][key]]
    everywhere = [data["uppdrag"]]
    return {"deck": body + everywhere, "plan": body + everywhere, "summary": everywhere, "sheet": everywhere,
            "proposal": body + everywhere}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=contents())
def test_any_accepted_content_builds_and_every_text_reads_back(data):
    with tempfile.TemporaryDirectory(prefix="vpgen-egenskap-") as tmp:
        root = Path(tmp)
        content = write_content(root, data)
        out = root / "ut"
        try:
            result = build(BuildOptions(content_dir=content, output_dir=out, layouts_dir=LAYOUTS, force=True))
        except ContentError as err:  # only a text the schema refuses may stop it — and none is generated
            raise AssertionError("\n".join(p.format() for p in err.problems)) from None
        assert len(result.written) == 5  # the sample is compared with its VP-2025: the proposal too
        found = all_texts(out)  # reopens the .pptx, the three .docx (the proposal as accepted) and the .xlsx
        for document, raws in written_texts(data).items():
            shown = found[document]
            for raw in raws:
                expected = sv_typography(clean_text(raw))  # as the documents show it (typography.py)
                assert any(expected in text for text in shown), f"{expected!r} is not in the {document}"
        assert leftovers(out, content) == []
