"""The sample content is the reference deck transcribed: every text of the reference is in content/.

The reference (tests/reference/VP-2026-RTN-forslag.txt) is the text a PDF extraction gave of the
deck: bullets broken over hard line breaks, words split by hyphenation, blank lines inside items.
We split it into phrases (one per bullet or line run, joined across those breaks), rewrite what
is deliberately *not* content text — labels that belong to the layout's text templates, numbers,
dates and källa tags that content holds as structure, typos corrected in the transcription, the
person and e-mail address replaced by a role — and assert that every remaining fragment appears
in the strings of the sample content. Each rewrite is listed in REWRITES with why it is there, and
each must still match the reference (a rewrite that matches nothing is stale and fails).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load import load_content
from generator.kalla import parse_kalla
from generator.yamlsrc import load_yaml

from .conftest import REFERENCE, SAMPLE, replace_in

# A new phrase starts at a bullet (•, the combining overlay ̵ and − the PDF gives for dashes,
# "Nr 27.", "1. "), at a label ending in ':' and after one.
BULLET = re.compile(r"^(?:•|\u0335|−|- |Nr\.? \d|\d+\. )")
SEP = "\x00"  # fragment separator in rewritten phrases

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


def _iso_date(match: re.Match) -> str:
    """'17 juni' on the tidplan slide is 2025-06-17 in plan.yaml (the tidplan is for 2025)."""
    return f"2025-{MONTHS.index(match.group(2).lower()) + 1:02d}-{int(match.group(1)):02d}"


def _kalla_tag(match: re.Match) -> str:
    """'(DN 2025)', '(Förslag till DN 2026)': structured as källa; other parentheses are text."""
    try:
        parse_kalla(match.group(1))
    except ValueError:
        return match.group(0)
    return SEP


# (pattern, replacement, why). Applied in order to each phrase (whitespace already single spaces).
CORRECTIONS: list[tuple[str, object, str]] = [
    # --- corrections made in the transcription (the content comments say so too)
    (r"Förlag DN 2026", "Förslag DN 2026", "typo in the reference; källa written Förslag DN 2026"),
    (r"EU´s", "EU:s", "acute accent for the genitive colon, corrected"),
    (r"främja ett väl fungerande strukturer", "främja väl fungerande strukturer",
     "Nr 31: the fokusområde slide's grammar slip; the summary slide's wording is used"),
    (r"Tidiga insatser barn och unga", "Tidiga insatser för barn och unga",
     "the second 4.2 slide drops 'för'; the fokusområde has one name"),
    # --- personal data replaced by a role, the removed address's link dropped
    (r"meddela Andreas", "meddela planeringsansvarig", "a person's name, replaced by the role"),
    (r"e-post till \[e-postadress borttagen\]", "e-post till planeringsansvarig", "e-mail address, replaced by the role"),
    (r"mailto:\[e-postadress borttagen\]", SEP, "the link of the removed address"),
    # --- the hand-in: the area chief hands in the area file (issue 15); the date is deadline: 2025-08-10
    (r"^Deadline – uppdatera dina bilder i presentationen på .* senast 29/8\.", SEP,
     "the old process (slides on G:, slide numbers of last year's deck, a second date without a year) is "
     "replaced by anvisningar.yaml's deadline and deadline_text"),
]
REWRITES: list[tuple[str, object, str]] = CORRECTIONS + [
    # --- structure: källa tags, numbers of uppdrag and fokusområden, riktning, dates
    (r"\(([^()]*)\)", _kalla_tag, "källa tags are structured (källa: …) and rendered by the layout"),
    (r"\bNr\.? \d+[.:]", SEP, "uppdrag and målsättning numbers are structured (nr: …)"),
    (r"\bMålsättning (?:nr )?\d+(?::| -)", SEP, "'Målsättning nr 6:' heading: layout text + målsättning nr"),
    (r"(?:\bFokusområde )?\b\d\.\d(?:\.\d)?\b(?: [-–])?", SEP, "fokusområde numbers are structured (nr: \"4.1\")"),
    (r"\(ska (?:öka|minska)\)|\bSka (?:öka|minska)\b", SEP, "riktning is structured (riktning: öka)"),
    (r"\b(\d{1,2}) ([Jj]anuari|[Ff]ebruari|[Mm]ars|[Aa]pril|[Mm]aj|[Jj]uni|[Jj]uli|[Aa]ugusti|[Ss]eptember|"
     r"[Oo]ktober|[Nn]ovember|[Dd]ecember)\b(?! 20\d\d)(?= [A-ZÅÄÖ])", _iso_date,
     "tidplan dates are structured (datum: 2025-06-17); the layout writes '17 juni'"),
    (r"(Omställning, innovation och attraktionskraft) \(([^()]+)\)", r"\1" + SEP + r"\2" + SEP,
     "a delområde's slide title: the parent's name, then the delområde's name in parentheses"),
    (r"Jämförbara med andra län\.", SEP, "label before the jämförelse list (layout text)"),
    (r"\((Jönköping), (Kronoberg), (Värmland) och (Västmanland)\)", SEP + r"\1" + SEP + r"\2" + SEP + r"\3" + SEP + r"\4" + SEP,
     "jämförelse is a list; the layout joins it with commas and 'och'"),
    (r"\(Utfall:? (\d{4}) (\d+(?:,\d+)?) ?%?,? Mål:? (\d+(?:,\d+)?) ?-(\d+(?:,\d+)?) ?%?\)",
     SEP + r"\1" + SEP + r"\2" + SEP + r"\3" + SEP + r"\4" + SEP,
     "utfall and målvärde are structured (utfall: {år, värde}, målvärde: {från, till})"),
    # --- slide titles and labels: text templates of the layout, not content
    (r"^Tidplan$", SEP, "slide title"),
    (r"^Framtida utmaningar - (?:omvärldsfaktorer|Interna)$", SEP, "slide titles"),
    (r"^Målsättningar$", SEP, "slide title"),
    (r"Målsättningar med styrtal", SEP, "slide title"),
    (r"^Sammanfattning$", SEP, "title of the reference's empty summary slide (content is computed)"),
    (r"^Mål/Styrtal/Uppdrag$", SEP, "its subtitle"),
    (r"\bStyrtal:?", SEP, "label"),
    (r"\bMål -", SEP, "label before a fokusområde's mål"),
    (r"^Förvaltningen får i uppdrag:", SEP, "label of the unnumbered uppdrag"),
    (r" får i uppdrag:", SEP, "label after the receiver (nämnd's bestämd form, uppdrag_till)"),
    (r"^Målsättningar med uppdrag från fullmäktige som riktas till samtliga nämnder\.$", SEP, "section slide title"),
    (r"^Gemensamma uppdrag:$", SEP, "section slide label"),
    (r"Gemensamma målsättningar med uppdrag", SEP, "slide title"),
    (r"^Sammanfattning av uppdrag till regional tillväxtnämnd \((?:17 st|forts\.)\)$", SEP,
     "summary title; the count is computed (asserted below)"),
    (r"till VP-2026 (Regional tillväxtnämnd)$", "till VP-2026" + SEP + r"\1", "title slide: titel + nämnd's name"),
    (r"^Ekonomiska förutsättningar 2026 \((2025-06-17)\)$", SEP + r"\1", "slide title + beslutsdatum"),
    (r"Justering av ramanslag efter \(justerat\) index RTN = (\d+,\d)% eller (\d+,\d) Mnkr",
     SEP + r"\1" + SEP + r"\2" + SEP, "index_procent and uppräkning_mnkr in a layout sentence"),
    (r"Ramanslag netto (\d+,\d) Mnkr \((\d+,\d) Mnkr\)", SEP + r"\1" + SEP + r"\2" + SEP,
     "ramanslag_netto_mnkr and ramanslag_föregående_mnkr in a layout sentence"),
    (r"^Framtagande av resursfördelningsmodell inom Regional tillväxtnämnd (2025)$", SEP + r"\1", "slide title + år"),
    (r"^- Justering av ramanslag", SEP, "the modell's first line repeats index and uppräkning (layout label)"),
    (r" (\d+,\d)% \((\d+,\d) mnkr\)", SEP + r"\1" + SEP + r"\2" + SEP, "procent and mnkr of an uppräkning part"),
    (r"^- Schablonanslag", SEP, "label of schablonanslag_kr_per_åa"),
    (r" (\d{1,3}(?: \d{3})*) (?:kr|timmar)/åa", SEP + r"\1" + SEP, "kr/åa and timmar/åa figures"),
    (r"^- Projektfinansiering av personal", SEP, "label of projektfinansiering_timmar_per_åa"),
    (r"^- Avräkning för sjuklönekostnader (\d+)%", SEP + r"\1", "label of sjuklöneavräkning_procent"),
    (r" => (\d+,\d) Mnkr", SEP + r"\1", "reserve amounts"),
    (r"^Fördelning av ramanslag inom Regionala tillväxtnämnden 2026$", SEP, "table slide title"),
    (r"^Förslag till uppräkning per förening/stiftelse 2026$", SEP, "table slide title"),
    (r"^Preliminärt utrymme för \(eventuella\) satsningar (2025-08-08)$", SEP + r"\1", "table slide title + datum"),
    (r"^Internkontrollplan$", SEP, "slide title"),
    (r"^Anvisningar för presentation av verksamhetsplan 2026 för Regional tillväxtnämnd$", SEP, "slide title"),
    (r"^Syfte:", SEP, "label"),
    (r"^Instruktioner för områdeschefer:$", SEP, "label"),
    (r"^\d\. ", SEP, "step numbers are the order of steg"),
    (r"^Övergripande$", SEP, "slide title"),
    (r"^Insatser där område (.+?) (?:kan bidra|bidra|bidrar) till de tre fokusområdena\?$", SEP + r"\1",
     "insatser slide title: layout text around the area's name (the reference words it three ways)"),
    (r"^Utmaningar$", SEP, "slide title"),
    (r"^Storregionalt samarbete$", SEP, "slide title"),
    (r"^- Aktuella frågor$", SEP, "its subtitle"),
    (r"^Frågor\?$", SEP, "closing slide"),
]

_WORD_BREAKS = re.compile(r"[\s\-‐–—−]")  # whitespace and dashes: PDF line breaks and hyphenation


def norm(text: str) -> str:
    """Compare text without whitespace or dashes, with decimal commas as points."""
    return _WORD_BREAKS.sub("", re.sub(r"(?<=\d),(?=\d)", ".", text))


def reference_phrases(text: str) -> list[str]:
    """The reference's text phrases, each joined across the hard line breaks of the extraction."""
    phrases: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        # The extraction writes most spaces as no-break spaces; make them plain first.
        lines = [re.sub(r"\s+", " ", line).strip() for line in block.splitlines()]
        for i, line in enumerate(line for line in lines if line):
            new = bool(BULLET.match(line)) or line.endswith(":") or not phrases or phrases[-1].endswith(":")
            if i == 0:  # across a blank line only mid-sentence: "…Region Örebro" / "län"
                joins = not new and (line[0].islower() or line.startswith("(") or phrases[-1].endswith(","))
            else:
                joins = not new
            if joins:
                phrases[-1] += " " + line
            else:
                phrases.append(line)
    return [re.sub(r"\s+", " ", phrase).strip() for phrase in phrases]


def fragments(phrase: str, used: set[int] | None = None) -> list[str]:
    for index, (pattern, replacement, _why) in enumerate(REWRITES):
        phrase, count = re.subn(pattern, replacement, phrase)
        if count and used is not None:
            used.add(index)
    parts = (part.strip(" .,:;()•\u0335−-") for part in phrase.split(SEP))
    return [part for part in parts if re.search(r"\w", part)]


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        if not re.fullmatch(r"\d+(?:\.\d+)+", value):  # fokusområde numbers are structure
            yield value
    elif isinstance(value, bool) or value is None:
        return
    else:  # numbers as written, dates as ISO
        yield getattr(value, "raw", None) or (value.isoformat() if hasattr(value, "isoformat") else str(value))


def content_text(root: Path) -> str:
    """Every value of every content file, in file order, concatenated (adjacent fields run together)."""
    files = sorted(root.glob("*.yaml")) + sorted((root / "omraden").glob("*.yaml"))
    return "".join(text for path in files for text in _strings(load_yaml(path).data))


def missing_fragments(root: Path) -> list[str]:
    corpus = norm(content_text(root))
    return [frag for phrase in reference_phrases(REFERENCE.read_text(encoding="utf-8"))
            for frag in fragments(phrase) if norm(frag) not in corpus]


def test_every_text_of_the_reference_is_in_the_sample_content():
    assert missing_fragments(SAMPLE) == []


def test_every_rewrite_is_still_needed_by_the_reference():
    used: set[int] = set()
    for phrase in reference_phrases(REFERENCE.read_text(encoding="utf-8")):
        fragments(phrase, used)
    assert [REWRITES[i][0] for i in range(len(REWRITES)) if i not in used] == []


def test_the_phrase_splitting_joins_hard_line_breaks():
    phrases = reference_phrases(REFERENCE.read_text(encoding="utf-8"))
    assert ("• Nr 51. Att fortsätta främja den digitala kulturen och utveckla digitala arbetssätt inom Region "
            "Örebro län") in phrases
    assert ("• Andel elever i åk 9 med gymnasiebehörighet (både yrkes och högskoleförberedande). Ska öka. "
            "(Förslag till DN 2026)") in phrases
    assert "Styrtal:" in phrases
    assert len(phrases) > 200


@pytest.mark.parametrize("file, old, lost", [
    ("malsattningar.yaml", "              - text: Antal gästnätter\n                riktning: öka\n"
                           "                källa: Förslag DN 2026\n", ["Antal gästnätter"]),
    ("omvarld.yaml", "  - Svesam\n", ["Svesam"]),
    ("omraden/energi-och-klimat.yaml", "      - Hitta arenor att möta barn\n", ["Hitta arenor att möta barn"]),
    ("gemensamma.yaml", "Att fortsätta arbetet för en ekonomi i balans.",
     ["Att fortsätta arbetet för en ekonomi i balans", "Att fortsätta arbetet för en ekonomi i balans"]),
    ("ekonomi.yaml", "kr_per_åa: 9225", ["9 225"]),
    ("plan.yaml", "    rubrik: Utkast Vp 2026 bereds på nämnd\n", ["2025-10-01 Utkast Vp 2026 bereds på nämnd"]),
])
def test_deleting_a_text_from_the_sample_is_caught(content: Path, file: str, old: str, lost: list[str]):
    replace_in(content / file, old, "" if old.endswith("\n") else "Att göra något annat.")
    assert missing_fragments(content) == lost


# ---------------------------------------------------------------- what the reference states as structure

def _content_items(value, found: list[dict]) -> list[dict]:
    if isinstance(value, dict):
        if "text" in value and "källa" in value:
            found.append(value)
        for item in value.values():
            _content_items(item, found)
    elif isinstance(value, list):
        for item in value:
            _content_items(item, found)
    return found


def test_kalla_of_every_tagged_item_matches_the_reference():
    """Each reference phrase ending in a källa tag: the content item with that text has that källa,
    and every item of malsattningar.yaml with a källa is one of them (nothing invented)."""
    items = _content_items(load_yaml(SAMPLE / "malsattningar.yaml").data, [])
    checked, seen = 0, set()
    for phrase in reference_phrases(REFERENCE.read_text(encoding="utf-8")):
        for pattern, replacement, _why in CORRECTIONS:
            phrase = re.sub(pattern, replacement, phrase)
        for tag in re.findall(r"\(([^()]*)\)\s*$", phrase):
            try:
                expected = parse_kalla(tag)
            except ValueError:
                continue
            body = norm(phrase[: phrase.rindex("(")])
            matches = [item for item in items if norm(item["text"])[:60] in body]
            if not matches:
                continue  # a tag on a heading (fokusområde 4.2) is checked below
            assert {str(parse_kalla(item["källa"])) for item in matches} == {str(expected)}, phrase
            seen.update(id(item) for item in matches)
            checked += 1
    assert checked == 39  # 16 styrtal, 16 uppdrag, 4 mål (three of them on two slides)
    assert [item["text"] for item in items if id(item) not in seen] == []


def test_fokusomrade_4_2_is_a_new_formulation_as_the_reference_says():
    plan = load_content(SAMPLE).plan
    fokus = {f.nr: f for goal in plan.malsattningar.malsattningar for f in goal.fokusomraden}
    assert str(fokus["4.2"].kalla) == "Ny målformulering 2026"


def test_the_numbered_uppdrag_are_the_referenced_17():
    """The summary slide lists 17 uppdrag to the nämnd; content has exactly those numbers."""
    text = REFERENCE.read_text(encoding="utf-8")
    text = re.sub(r"[^\S\n]+", " ", text)  # no-break spaces as plain spaces
    summary = text[text.index("Sammanfattning av uppdrag till regional tillväxtnämnd (17 st)"):
                   text.index("Ekonomiska förutsättningar och")]
    listed = [int(nr) for nr in re.findall(r"Nr\.? (\d+)\.", summary)]
    assert len(listed) == 17
    plan = load_content(SAMPLE).plan
    numbered = [u.nr for goal in plan.malsattningar.malsattningar for f in goal.fokusomraden
                for place in [f, *f.delomraden] for u in place.uppdrag.namnd]
    numbered += [u.nr for group in plan.gemensamma.gemensamma for u in group.uppdrag]
    assert sorted(numbered) == sorted(listed)


def test_no_personal_data_in_the_sample():
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLE.rglob("*.yaml")))
    assert "Andreas" not in text
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
