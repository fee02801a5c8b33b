"""Personal data in content: e-mail addresses, phone numbers and personnummer in any text, and
personal names where a role belongs (the `ansvarig` fields).

The plan names roles ("planeringsansvarig", "områdeschef Energi och klimat"), never people: the
documents are public. checks.py warns about what this module finds in every text of every content
file (so `vpgen build --final`, where warnings are fatal, refuses it); the area chief's check says
the same in plain Swedish. Everything here is a pattern, not a register lookup: a name is only
guessed in an `ansvarig` field, from its form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Swedish phone numbers: 0 or +46, then the number in groups ('070-123 45 67', '019-602 00 00',
# '+46 19 602 00 00'); 8 to 11 digits with the leading 0.
PHONE = re.compile(r"(?<![\w+])(?:\+46[ -]?(?:\(0\)[ -]?)?|0)\d(?:[ -]?\d){5,9}(?![\w])")
# Personnummer and samordningsnummer: (ÅÅ)ÅÅMMDD-NNNN, with - or + or nothing between.
PERSONNUMMER = re.compile(r"(?<![\w+-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?![\w-])")

# Words that make an `ansvarig` a role, also inside a compound ("områdeschef", "planeringsansvarig").
ROLE_WORDS = (
    "chef", "ansvarig", "samordnare", "handläggare", "direktör", "strateg", "controller", "sekreterare",
    "utvecklare", "ledare", "planerare", "ekonom", "rektor", "enhet", "avdelning", "område", "förvaltning",
    "nämnd", "sektion", "funktion", "grupp", "team", "kansli", "ordförande", "koordinator", "specialist",
    "expert", "analytiker", "administratör", "assistent", "rådgivare", "medarbetare", "representant",
    "stab", "ledning", "kontor", "region", "kommun", "styrelse", "sekretariat",
)
_NAME_PART = re.compile(r"[A-ZÅÄÖÉÜ][a-zåäöéüáàèëïíóú]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüáàèëïíóú]+)?")


@dataclass(frozen=True)
class Found:
    kind: str  # e-postadress, telefonnummer, personnummer, personnamn
    text: str


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _personnummer(match: re.Match) -> bool:
    year, month, day, last = match.groups()
    day_n = int(day) - 60 if int(day) > 60 else int(day)  # samordningsnummer: day + 60
    return 1 <= int(month) <= 12 and 1 <= day_n <= 31 and _luhn(year + month + day + last)


def _phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if text.startswith("+46"):
        return 7 <= len(digits) - 2 <= 10
    return 8 <= len(digits) <= 11


def find_personal_data(text: str) -> list[Found]:
    """E-mail addresses, personnummer and phone numbers in a text, in that order of precedence."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return not any(match.start() < end and start < match.end() for start, end in taken)

    for kind, pattern, accept in (("e-postadress", EMAIL, lambda m: True),
                                  ("personnummer", PERSONNUMMER, _personnummer),
                                  ("telefonnummer", PHONE, lambda m: _phone(m.group()))):
        for match in pattern.finditer(text):
            if free(match) and accept(match):
                found.append(Found(kind, match.group()))
                taken.append(match.span())
    return found


def looks_like_a_name(text: str) -> bool:
    """'Anna Svensson' in an `ansvarig` field: two to four capitalised words and no word of a role."""
    folded = text.casefold()
    if any(word in folded for word in ROLE_WORDS):
        return False
    parts = text.split()
    return 2 <= len(parts) <= 4 and all(_NAME_PART.fullmatch(part) for part in parts)


def personal_data_in(text: str, role_field: bool = False) -> list[Found]:
    """What a text of the content carries that is personal data; `role_field` for an `ansvarig`."""
    found = find_personal_data(text)
    if role_field and not found and looks_like_a_name(text):
        found.append(Found("personnamn", text.strip()))
    return found


def personal_data_message(found: Found) -> str:
    """What to do about it, in Swedish (the same words in validate and in the area chief's check)."""
    if found.kind == "personnamn":
        return (f"'{found.text}' ser ut som ett personnamn — ange en roll i stället, t.ex. 'områdeschef …' eller "
                "'planeringsansvarig' (planens dokument är offentliga)")
    article = "en" if found.kind == "e-postadress" else "ett"
    return (f"texten innehåller {article} {found.kind} ({found.text}) — skriv en roll i stället, t.ex. "
            "'planeringsansvarig' (personuppgifter hör inte hemma i planens offentliga dokument)")
