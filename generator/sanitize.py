"""Text clean-up applied to every string from content.

The documented clean-up (`clean_text`), applied to every text value before validation, so what
`vpgen validate` accepts is exactly what the documents receive:

- line breaks, tabs, vertical tabs and form feeds (PowerPoint's line break when text is pasted),
  the separator controls U+001C–U+001F, NEL, U+2028 and U+2029 become a space;
- every other control character (U+0000–U+001F, U+007F–U+009F) is removed;
- a lone surrogate (from a YAML "\\ud800" escape) becomes U+FFFD; two escapes that form a
  surrogate pair are joined into their character (emoji survive);
- U+FFFE and U+FFFF, which XML cannot carry, are removed;
- runs of spaces become one space, and the text is trimmed;
- the text is brought to Unicode's composed form (NFC): an "Ö" pasted as O and a combining
  diaeresis is the one character "Ö", measured, compared and searched as such.

No-break spaces (U+00A0, U+202F) are kept: "16 503" with a no-break space is meant. Everything
else — emoji, right-to-left text, very long words, `{{ 7*7 }}`, `<a:t>&amp;` — is kept as written:
content is data, never a template or markup.

Refused rather than cleaned, with file and line: a text that is empty after the clean-up or over
2 000 characters (model.py), and a link other than http, https and mailto anywhere in a
text (`refused_links`: javascript:, vbscript:, file:, data:…, ftp:// …).

A text that goes into a document property (title, subject, author) is shortened there to 255
characters (`property_text`); the document itself carries it whole.
"""

from __future__ import annotations

import re
import unicodedata

from .formatting import shorten

# Controls that separate words: turned into a space so "rad\x0bett" does not become "radett".
_SEPARATORS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# Every other C0 control, DEL and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Collapse only ASCII spaces: a no-break space between "16" and "503" is meant.
_SPACE = re.compile(" {2,}")
# Characters that change nothing one sees: soft hyphen, zero-width space, (non-)joiner, word joiner, BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Characters XML 1.0 cannot carry at all.
_NON_XML = re.compile("[\ufffe\uffff]")


def clean_text(value: str) -> str:
    """One paragraph of safe text: no control characters, no lone surrogates, single spaces.

    See the module docstring for the exact rules; whatever this returns is written to the
    documents unchanged.
    """
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    value = unicodedata.normalize("NFC", value)
    value = _NON_XML.sub("", value)
    value = _SEPARATORS.sub(" ", value)
    value = _CONTROL.sub("", value)
    return _SPACE.sub(" ", value).strip()


# Links. Content has no link field and no renderer makes a link of a text, but a text that *looks*
# like a link is turned into one by PDF viewers, mail clients and the next person who pastes it.
# So the schemes that run code or open local files are refused wherever they stand in a text;
# http, https and mailto are the only link schemes content may carry.
ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")
# javascript:/vbscript: anywhere; file: and data: followed by something (not "Data: 2024");
# and any other scheme written with // (ftp://, smb://, file://).
_REFUSED_LINK = re.compile(
    r"(?<![\w+.-])(?:(?P<script>javascript|vbscript|livescript):"
    r"|(?P<opaque>file|data):(?=[^\s])"
    r"|(?P<scheme>[a-z][a-z0-9+.-]*)://)",
    re.IGNORECASE,
)


def refused_links(text: str) -> list[str]:
    """The link schemes in `text` that content may not carry (lower case, with the colon)."""
    found = []
    for match in _REFUSED_LINK.finditer(text):
        scheme = (match.group("script") or match.group("opaque") or match.group("scheme")).lower()
        if scheme not in ALLOWED_LINK_SCHEMES and f"{scheme}:" not in found:
            found.append(f"{scheme}:")
    return found


PROPERTY_LIMIT = 255  # Word, PowerPoint and Excel keep at most 255 characters in a document property


def property_text(value: str, limit: int = PROPERTY_LIMIT) -> str:
    """A text for a document property (title, subject, author): shortened with '…' past the limit.

    The full text is in the document itself; python-docx and python-pptx refuse longer values.
    """
    return shorten(value, limit)


def match_key(text: str) -> str:
    """What two texts that mean the same are compared by: Unicode-normalised (NFC), one space
    between words, case ignored; diacritics kept ('Orebro' is not 'Örebro')."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
