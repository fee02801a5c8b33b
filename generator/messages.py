"""Small pieces of the Swedish messages vpgen prints: counted nouns and did-you-mean."""

from __future__ import annotations

import difflib
import errno
import re
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


_PLAIN_ARG = re.compile(r"[\w./\\:@%+,=-]+")


def shell_arg(value: object) -> str:
    """A path or word as it is typed after a command a message tells the user to run: in double
    quotes when it has a space or a character the shell would read (Bash, cmd and PowerShell alike)."""
    text = str(value)
    return text if _PLAIN_ARG.fullmatch(text) else '"' + text.replace('"', '\\"') + '"'


_OS_REASONS = {
    errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas", errno.EROFS: "skrivskyddad plats",
    errno.ENOSPC: "disken är full", errno.ENOENT: "finns inte", errno.EEXIST: "finns redan",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp", errno.EISDIR: "är en mapp", errno.ENAMETOOLONG: "för långt namn",
    errno.EBUSY: "används av ett annat program",
}


def os_reason(err: OSError) -> str:
    """Why a file operation failed, in Swedish where the reason is a common one (else the system's words)."""
    return _OS_REASONS.get(err.errno) or err.strerror or str(err)
