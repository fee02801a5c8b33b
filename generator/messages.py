"""Small pieces of the Swedish messages vpgen prints: counted nouns and did-you-mean."""

from __future__ import annotations

import difflib
import unicodedata


def plural(n: int, one: str, many: str) -> str:
    """'1 utmaning', '3 utmaningar'."""
    return f"{n} {one if n == 1 else many}"


def loose_key(text: str) -> str:
    """What a misspelling is compared by: 'fokusområde' and 'Fokusomrade' are the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def did_you_mean(word: str, choices: list[str]) -> str | None:
    """The choice `word` most likely meant (case and diacritics ignored), or None."""
    folded = {loose_key(choice): choice for choice in choices}
    if loose_key(word) in folded:
        return folded[loose_key(word)]
    match = difflib.get_close_matches(loose_key(word), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None
