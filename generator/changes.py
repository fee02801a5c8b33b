"""The plan against last year's adopted plan: which items are new, reworded, unchanged or removed.

Every målsättning, fokusområde, mål, styrtal and uppdrag (to the nämnd, to the förvaltning and the
gemensamma) of the current plan is matched with one of the previous plan, and gets one status:
ny, ändrad, oförändrad or (for an unmatched previous item) utgår. Pure: no document library.

How items are matched, in this order, each item at most once:
1. an explicit `id:` that both items have (two different ids never match);
2. where numbers are stable, målsättningar (1–10) and fokusområden ("4.1.1"): first the same wording
   (a målsättning or fokusområde renumbered, or two swapped), then the number;
3. the text within the same parent (the matched målsättning, fokusområde or gemensam group):
   word similarity of at least SAME_PARENT, best pairs first (identical text scores 1);
4. the text anywhere in the plan among what is left of the same kind (an item that moved):
   word similarity of at least ELSEWHERE.
Uppdrag numbers are renumbered by fullmäktige every year: a number never proves identity and only
breaks ties between equally similar texts. A mål belongs to its fokusområde and is matched with it.

Similarity is difflib's ratio over the word tokens (casefolded, punctuation dropped): 2·M / (|a|+|b|),
M the words in matching blocks. Pairs from the sample, and why the thresholds sit where they do:
- 0,96 Nr 31 "Att främja ett väl fungerande strukturer …" / "… väl fungerande strukturer …": the same
  uppdrag (the reference's two slides word it so).
- 0,82 "Att inom kraftsamling barn och unga stimulera … genom projektutlysningar" / "… fortsätta
  stimulera … genom konkreta insatser såsom projektutlysningar och lärforum": the same, reworded.
- 0,73 "Utsläpp av växthusgaser i länet" / "… i ton koldioxidekvivalenter": the same styrtal.
- 0,71 "Att ta fram en ny näringslivs- och innovationsstrategi" / "Att färdigställa ny …": the same.
- 0,69 Nr 30 "Att utveckla och stärka insatserna för näringslivsutveckling … i hela Örebro län" / the
  förvaltning's "Att utveckla och stärka insatserna för att möta arbetslivets … i hela Örebro län":
  different uppdrag whose formulaic frame alone scores this high. No two different items of one
  kind in different places of the sample score above 0,39; a moved item must reach ELSEWHERE (0,8).
- 0,56 "Andelen i befolkningen med 1-2 årig eftergymnasial yrkesutbildning" / "… med minst 3 årig
  akademisk utbildning": different styrtal of one fokusområde, the highest such pair; SAME_PARENT (0,6)
  lies between it and the lowest rewording above (0,71).
- 0,48 "Andel elever i åk 9 som är behöriga till yrkesprogram" / "Andel elever i åk 9 med
  gymnasiebehörighet (både yrkes och högskoleförberedande)": a replaced styrtal, utgår + ny.
- 0,25 målsättning 9, "En långsiktig och stark kompetensförsörjning." / "Kompetensförsörjningen är
  långsiktig.": one målsättning reworded, which is why målsättningar are matched by number.
What no threshold can tell: "Andelen hushåll i länet som har tillgång till bredband …" / "Andelen
arbetsställen i länet …" (0,94) are two styrtal; were one dropped and the other added in one year,
they would be read as one reworded. Identical texts pair first, so this only happens then, and an
`id:` on each settles it.

Whether a matched item is unchanged is decided on its normalised wording: whitespace, typographic
quotes and dashes and a final full stop do not count; a styrtal's wording is its text, comparison
counties, direction, target and unit (not its latest outcome, which changes every year).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable, Literal

from .kalla import Kalla
from .model import (Fokusomrade, Gemensam, GemensammaFile, Malsattning, MalsattningarFile, PreviousPlan, Styrtal,
                    Uppdrag, walk_fokus)
from .sanitize import INVISIBLE

SAME_PARENT = 0.6
ELSEWHERE = 0.8

Status = Literal["ny", "ändrad", "oförändrad", "utgår"]
STATUSES: tuple[Status, ...] = ("ny", "ändrad", "oförändrad", "utgår")

# The kinds, in the order the plan presents them; "grupp" (a gemensam group) is a container only.
KINDS = ("målsättning", "fokusområde", "mål", "styrtal", "uppdrag_nämnd", "uppdrag_förvaltning",
         "uppdrag_gemensamt")
STABLE_NUMBERS = {"målsättning", "fokusområde", "grupp"}

MAL_FILE = "malsattningar.yaml"
GEM_FILE = "gemensamma.yaml"


# ---------------------------------------------------------------- text: normal form, similarity, diff

_QUOTES = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "´": "'", "–": "-", "—": "-",
                         "‐": "-", "‑": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ",
                         **dict.fromkeys(INVISIBLE)})
_WORDS = re.compile(r"\w+")
# Words with any invisible characters in them (a soft hyphen splits no word), spaces, punctuation.
_TOKENS = re.compile(rf"\s+|[\w{INVISIBLE}]+|[^\w\s]")


def normal(text: str) -> str:
    """The wording as compared: NFC, typographic quotes and dashes plain, invisible characters gone,
    single spaces, no final stop."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split()).rstrip(" .")


def words(text: str) -> list[str]:
    return _WORDS.findall(normal(text).casefold())


def similarity(a: str, b: str) -> float:
    """Word-level similarity 0–1 (difflib ratio over casefolded word tokens)."""
    return _ratio(words(a), words(b), 0.0) or 0.0


def _ratio(wa: list[str], wb: list[str], minimum: float) -> float | None:
    """difflib's ratio of two word lists, or None when it is surely below `minimum` (difflib's cheap
    upper bounds first: a plan compared with a reorganised one has many pairs to try)."""
    if not wa and not wb:
        return 1.0
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    if matcher.real_quick_ratio() < minimum or matcher.quick_ratio() < minimum:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= minimum else None


Op = Literal["=", "-", "+"]


@dataclass(frozen=True)
class Segment:
    """A piece of a word diff: kept ("="), deleted from the old text ("-") or inserted ("+")."""

    op: Op
    text: str


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The word-level difference: the "=" and "-" pieces make `old`, the "=" and "+" pieces `new`.

    Words, punctuation and spaces are tokens, so a change is always whole words. A kept piece no
    longer than the changes on both sides of it is folded into them (diff-match-patch's semantic
    cleanup): "En långsiktig och stark kompetensförsörjning" → "Kompetensförsörjningen är
    långsiktig" reads as one deletion and one insertion, not a patchwork around "långsiktig".
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    blocks: list[list[str]] = []  # ["=", text] or ["~", deleted, inserted]
    # Tokens are compared in their normal form (a soft hyphen or a no-break space is no change);
    # the kept pieces are this year's text as written.
    keys_a, keys_b = ([t.translate(_QUOTES) for t in tokens] for tokens in (a, b))
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            blocks.append(["=", "".join(b[j1:j2])])
        elif blocks and blocks[-1][0] == "~":
            blocks[-1][1] += "".join(a[i1:i2])
            blocks[-1][2] += "".join(b[j1:j2])
        else:
            blocks.append(["~", "".join(a[i1:i2]), "".join(b[j1:j2])])
    folded = True
    while folded:
        folded = False
        for i in range(1, len(blocks) - 1):
            before, kept, after = blocks[i - 1], blocks[i], blocks[i + 1]
            if kept[0] == "=" and before[0] == after[0] == "~" and \
                    len(kept[1]) <= max(len(before[1]), len(before[2])) and \
                    len(kept[1]) <= max(len(after[1]), len(after[2])):
                blocks[i - 1:i + 2] = [["~", before[1] + kept[1] + after[1], before[2] + kept[1] + after[2]]]
                folded = True
                break
    out: list[Segment] = []
    for block in blocks:
        if block[0] == "=":
            out.append(Segment("=", block[1]))
            continue
        if block[1]:
            out.append(Segment("-", block[1]))
        if block[2]:
            out.append(Segment("+", block[2]))
    return tuple(out)


# ---------------------------------------------------------------- items of a plan

@dataclass(eq=False)
class Item:
    """One comparable item of a plan, with what identifies it and where it sits."""

    kind: str
    obj: object  # the model object: Malsattning, Fokusomrade, Mal, Styrtal, Uppdrag or Gemensam
    text: str  # what similarity compares
    wording: tuple  # what decides oförändrad
    parent: Item | None
    place: str  # where it sits, for people: "Målsättning 4 › Fokusområde 4.1.1 Innovationsstöds- …"
    short: str  # the same, short: "Fokusområde 4.1.1", "Gemensamma, målsättning nr 9"
    file: str
    loc: tuple
    order: int
    tokens: list[str]  # words(text), what similarity compares
    nr: object = None
    id: str | None = None
    kalla: Kalla | None = None
    kalla_loc: tuple | None = None  # where the källa is written (None: inherited, e.g. gemensamma)


def fokus_place(goal_nr: int, fokus: Fokusomrade) -> str:
    """'Målsättning 4 › Fokusområde 4.1.1 Innovationsstöds- och företagsfrämjande system'."""
    return f"Målsättning {goal_nr} › Fokusområde {fokus.nr} {fokus.namn}"


def gemensam_heading(group: Gemensam, goals: dict[int, Malsattning]) -> str:
    """'Målsättning nr 6: Forskning …' (fullmäktige's wording when it has one) or the group's tema."""
    if group.malsattning is None:
        return group.tema or ""
    goal = goals.get(group.malsattning)
    text = group.formulering or (goal.text if goal is not None else "")
    return f"Målsättning nr {group.malsattning}: {text}"


def gemensam_place(group: Gemensam, goals: dict[int, Malsattning]) -> str:
    return f"Gemensamma › {gemensam_heading(group, goals)}"


def _styrtal_wording(s: Styrtal) -> tuple:
    target = (s.malvarde.fran, s.malvarde.till) if s.malvarde is not None else None
    return (normal(s.text), tuple(normal(j) for j in s.jamforelse), s.riktning, target,
            normal(s.enhet) if s.enhet else None)


class _Collector:
    def __init__(self) -> None:
        self.items: list[Item] = []

    def add(self, kind: str, obj: object, text: str, parent: Item | None, place: tuple[str, str], file: str,
            loc: tuple, nr=None, kalla: Kalla | None = None, kalla_loc: tuple | None = None,
            wording: tuple | None = None) -> Item:
        item = Item(kind, obj, text, wording if wording is not None else (normal(text),), parent, place[0], place[1],
                    file, loc, len(self.items), words(text), nr, getattr(obj, "id", None), kalla, kalla_loc)
        self.items.append(item)
        return item

    def styrtal(self, items: list[Styrtal], parent: Item, place: tuple[str, str], file: str, loc: tuple) -> None:
        for i, s in enumerate(items):
            self.add("styrtal", s, s.text, parent, place, file, loc + (i,), kalla=s.kalla,
                     kalla_loc=loc + (i, "källa") if s.kalla is not None else None, wording=_styrtal_wording(s))

    def uppdrag(self, kind: str, items: list[Uppdrag], parent: Item, place: tuple[str, str], file: str, loc: tuple,
                default: Kalla | None = None) -> None:
        for i, u in enumerate(items):
            self.add(kind, u, u.text, parent, place, file, loc + (i,), nr=u.nr, kalla=u.kalla or default,
                     kalla_loc=loc + (i, "källa") if u.kalla is not None else None)


def plan_items(mal: MalsattningarFile, gem: GemensammaFile) -> list[Item]:
    """Every comparable item of a plan's goal tree and gemensamma, in plan order."""
    c = _Collector()
    goals = {g.nr: g for g in mal.malsattningar}
    for gi, goal in enumerate(mal.malsattningar):
        gloc = ("målsättningar", gi)
        at_goal = (f"Målsättning {goal.nr}",) * 2
        g = c.add("målsättning", goal, goal.text, None, at_goal, MAL_FILE, gloc, nr=goal.nr)
        c.styrtal(goal.styrtal, g, at_goal, MAL_FILE, gloc + ("styrtal",))
        parents: dict[int, Item] = {}
        for fokus, floc, parent in walk_fokus(goal.fokusomraden, gloc + ("fokusområden",)):
            place = (fokus_place(goal.nr, fokus), f"Fokusområde {fokus.nr}")
            owner = parents[id(parent)] if parent is not None else g
            f = c.add("fokusområde", fokus, fokus.namn, owner, place, MAL_FILE, floc, nr=fokus.nr, kalla=fokus.kalla,
                      kalla_loc=floc + ("källa",) if fokus.kalla is not None else None)
            parents[id(fokus)] = f
            if fokus.mal is not None:
                c.add("mål", fokus.mal, fokus.mal.text, f, place, MAL_FILE, floc + ("mål",), kalla=fokus.mal.kalla,
                      kalla_loc=floc + ("mål", "källa") if fokus.mal.kalla is not None else None)
            c.styrtal(fokus.styrtal, f, place, MAL_FILE, floc + ("styrtal",))
            c.uppdrag("uppdrag_nämnd", fokus.uppdrag.namnd, f, place, MAL_FILE, floc + ("uppdrag", "nämnd"))
            c.uppdrag("uppdrag_förvaltning", fokus.uppdrag.forvaltning, f, place, MAL_FILE,
                      floc + ("uppdrag", "förvaltning"))
    for gi, group in enumerate(gem.gemensamma):
        loc = ("gemensamma", gi)
        key = group.malsattning if group.malsattning is not None else normal(group.tema or "").casefold()
        short = (f"Gemensamma, målsättning nr {group.malsattning}" if group.malsattning is not None
                 else f"Gemensamma, {group.tema}")
        place = (gemensam_place(group, goals), short)
        grp = c.add("grupp", group, gemensam_heading(group, goals), None, place, GEM_FILE, loc, nr=key)
        c.styrtal(group.styrtal, grp, place, GEM_FILE, loc + ("styrtal",))
        c.uppdrag("uppdrag_gemensamt", group.uppdrag, grp, place, GEM_FILE, loc + ("uppdrag",), default=gem.kalla)
    return c.items


# ---------------------------------------------------------------- matching

@dataclass(eq=False)
class Change:
    """One item's status against the previous plan, with both sides."""

    kind: str
    status: Status
    current: Item | None
    previous: Item | None
    how: str = ""  # "id", "nummer", "text", "likhet"; "" for ny and utgår
    score: float = 0.0
    reworded: bool = False
    moved: bool = False  # now under another parent than last year

    @property
    def renumbered(self) -> bool:
        return (self.current is not None and self.previous is not None and self.kind.startswith("uppdrag")
                and self.current.nr != self.previous.nr)

    @property
    def item(self) -> Item:
        """The item as it stands: the current one, or the removed one."""
        return self.current or self.previous  # type: ignore[return-value]

    @property
    def diff(self) -> tuple[Segment, ...]:
        """The word diff of the compared text (last year's → this year's); empty unless both exist."""
        if self.current is None or self.previous is None:
            return ()
        return word_diff(self.previous.text, self.current.text)


def _pairs(prev: list[Item], cur: list[Item], score, minimum: float) -> list[tuple[Item, Item, float]]:
    """Every candidate pair scoring at least `minimum`, best first; equal scores: same number first, then order."""
    found = []
    for c in cur:
        for p in prev:
            s = score(p, c, minimum)
            if s is not None and s >= minimum:
                found.append((p, c, s))
    found.sort(key=lambda t: (-t[2], t[0].nr != t[1].nr, t[1].order, t[0].order))
    return found


class _Matcher:
    def __init__(self, prev: list[Item], cur: list[Item]):
        self.prev, self.cur = prev, cur
        self.match: dict[int, Item] = {}  # id(current item) -> previous item
        self.back: dict[int, Item] = {}  # id(previous item) -> current item
        self.how: dict[int, tuple[str, float]] = {}

    def free(self, items: list[Item], taken: dict[int, Item], kind: str) -> list[Item]:
        return [i for i in items if i.kind == kind and id(i) not in taken]

    def take(self, pairs: list[tuple[Item, Item, float]], how: str) -> None:
        for p, c, s in pairs:
            if id(c) in self.match or id(p) in self.back:
                continue
            self.match[id(c)], self.back[id(p)] = p, c
            self.how[id(c)] = ("text" if how == "likhet" and s == 1.0 else how, s)

    def same_parent(self, p: Item, c: Item) -> bool:
        if p.parent is None or c.parent is None:
            return p.parent is None and c.parent is None
        return self.back.get(id(p.parent)) is c.parent

    def run(self, kind: str) -> None:
        def ids(p: Item, c: Item, _minimum: float):
            return 1.0 if p.id is not None and p.id == c.id else None

        def conflict(p: Item, c: Item) -> bool:  # both declared an id, and not the same one
            return p.id is not None and c.id is not None and p.id != c.id

        def numbers(p: Item, c: Item, _minimum: float):
            return 1.0 if p.nr == c.nr and not conflict(p, c) else None

        def parent(p: Item, c: Item, _minimum: float):
            return 1.0 if self.same_parent(p, c) else None

        def near(p: Item, c: Item, minimum: float):
            return None if conflict(p, c) or not self.same_parent(p, c) else _ratio(p.tokens, c.tokens, minimum)

        def anywhere(p: Item, c: Item, minimum: float):
            return None if conflict(p, c) else _ratio(p.tokens, c.tokens, minimum)

        def same_text(p: Item, c: Item, _minimum: float):
            return 1.0 if p.wording == c.wording and not conflict(p, c) else None

        stages = [(ids, 1.0, "id")]
        if kind in STABLE_NUMBERS:  # the same wording under another number is a renumbering
            stages += [(same_text, 1.0, "text"), (numbers, 1.0, "nummer")]
        if kind == "mål":  # a mål is its fokusområde's
            stages.append((parent, 1.0, "fokusområde"))
        else:
            stages += [(near, SAME_PARENT, "likhet"), (anywhere, ELSEWHERE, "likhet")]
        for score, minimum, how in stages:
            prev, cur = self.free(self.prev, self.back, kind), self.free(self.cur, self.match, kind)
            if prev and cur:
                self.take(_pairs(prev, cur, score, minimum), how)


class Changes:
    """The comparison of a plan with the previous one: one Change per item, asked by the renderers."""

    def __init__(self, year: int, date: datetime.date, source: str, changes: list[Change]):
        self.year = year  # the previous plan's planår
        self.date = date  # the previous plan's date (plan.yaml: datum)
        self.source = source  # where the previous plan was read, as messages name it
        self.changes = changes
        self._index: dict[int, Change] | None = None

    @property
    def label(self) -> str:
        """'VP-2025'."""
        return f"VP-{self.year}"

    def __getstate__(self) -> dict:
        # Pickled with the plan it describes (one pickle keeps the shared objects one); the index
        # of object ids is rebuilt on the other side.
        return {**self.__dict__, "_index": None}

    def of(self, obj: object) -> Change | None:
        """The change of a current item (a model object of this plan), or None."""
        if self._index is None:
            self._index = {id(ch.current.obj): ch for ch in self.changes if ch.current is not None}
        return self._index.get(id(obj))

    def status(self, obj: object) -> Status | None:
        change = self.of(obj)
        return change.status if change is not None else None

    def of_kind(self, kind: str, status: Status | None = None) -> list[Change]:
        return [ch for ch in self.changes if ch.kind == kind and (status is None or ch.status == status)]

    @property
    def removed(self) -> list[Change]:
        """What utgår, in the previous plan's order."""
        return [ch for ch in self.changes if ch.status == "utgår"]

    def counts(self) -> dict[str, dict[Status, int]]:
        """Per kind (KINDS order, only kinds either plan has): how many of each status."""
        out: dict[str, dict[Status, int]] = {}
        for kind in KINDS:
            found = self.of_kind(kind)
            if found:
                out[kind] = {status: sum(ch.status == status for ch in found) for status in STATUSES}
        return out

    def totals(self) -> dict[str, int]:
        """How many items of all kinds are new, changed, unchanged, removed — as the texts name them
        (nya, andrade, oforandrade, utgar: the templates' values)."""
        counts = self.counts()
        keys = (("nya", "ny"), ("andrade", "ändrad"), ("oforandrade", "oförändrad"), ("utgar", "utgår"))
        return {key: sum(by[status] for by in counts.values()) for key, status in keys}

    @property
    def any(self) -> bool:
        """Whether anything changed at all."""
        return any(ch.status != "oförändrad" for ch in self.changes)

    def merged(self, parent: object | None, kind: str, items: Iterable[object]) -> list[Entry]:
        """A list as the proposal shows it: the current `items` (children of the current `parent`
        object; None for the plan's top level), and what left the matching previous parent (removed,
        or moved elsewhere) in its old place, after the item that preceded it last year."""
        out = [Entry(ch) for ch in (self.of(obj) for obj in items) if ch is not None]
        prev_parent = None
        if parent is not None:
            ch = self.of(parent)
            prev_parent = ch.previous if ch is not None else None
            if prev_parent is None:  # a new parent: nothing was there last year
                return out
        siblings = sorted((ch for ch in self.changes if ch.kind == kind and ch.previous is not None
                           and ch.previous.parent is prev_parent), key=lambda ch: ch.previous.order)
        anchor = -1
        for ch in siblings:
            kept = next((i for i, e in enumerate(out) if e.change is ch and not e.old), None)
            if kept is not None and not ch.moved:
                anchor = kept
            else:
                anchor += 1
                out.insert(anchor, Entry(ch, old=True))
        return out


@dataclass(frozen=True)
class Entry:
    """One row of a merged list: a current item, or (old) a previous one shown where it was."""

    change: Change
    old: bool = False

    @property
    def inserted(self) -> bool:
        """Shown as wholly new here: a new item, or one that moved here from elsewhere."""
        return not self.old and (self.change.status == "ny" or self.change.moved)


def compare(previous: PreviousPlan, mal: MalsattningarFile, gem: GemensammaFile) -> Changes:
    """Match every item of a plan (its målsättningar and gemensamma) with the previous plan's."""
    prev, cur = plan_items(previous.malsattningar, previous.gemensamma), plan_items(mal, gem)
    matcher = _Matcher(prev, cur)
    for kind in ("målsättning", "grupp", "fokusområde", "mål", "styrtal", "uppdrag_nämnd", "uppdrag_förvaltning",
                 "uppdrag_gemensamt"):
        matcher.run(kind)
    changes: list[Change] = []
    for c in cur:
        if c.kind == "grupp":
            continue
        p = matcher.match.get(id(c))
        if p is None:
            changes.append(Change(c.kind, "ny", c, None))
            continue
        how, score = matcher.how[id(c)]
        reworded = p.wording != c.wording
        moved = c.parent is not None and not matcher.same_parent(p, c)
        status: Status = "ändrad" if reworded or moved else "oförändrad"
        changes.append(Change(c.kind, status, c, p, how, score, reworded, moved))
    changes += [Change(p.kind, "utgår", None, p) for p in prev if p.kind != "grupp" and id(p) not in matcher.back]
    # Containers are matched too (for merged() and moved), but only their members are reported.
    groups = [Change("grupp", "oförändrad" if id(c) in matcher.match else "ny", c, matcher.match.get(id(c)))
              for c in cur if c.kind == "grupp"]
    groups += [Change("grupp", "utgår", None, p) for p in prev if p.kind == "grupp" and id(p) not in matcher.back]
    return Changes(previous.plan.planar, previous.plan.datum, previous.source, changes + groups)
