"""Odd text in content: control characters, surrogates, non-characters, emoji, right-to-left text,
very long words, template and XML syntax, links.

What is stripped and what is refused (text.py's documented clean-up, and checks.py for links):
- stripped or turned into a space: control characters U+0000–U+001F (line breaks, tabs, \\x0b, \\x0c
  and U+001C–U+001F become a space, the rest go), DEL and C1 controls, U+FFFE/U+FFFF; a lone
  surrogate becomes U+FFFD (two that pair up become their character). Refusing them would block an
  area chief over characters nobody can see — text pasted from PowerPoint carries \\x0b as a line
  break — and none of them can be written to OOXML as they are.
- kept exactly: emoji, right-to-left text and bidi controls, very long words (the deck breaks
  them to fit), `{{ 7*7 }}`, `{% raw %}`, `<a:t>&amp;` — content is data, never a template or markup.
- refused, with the file and line: a raw NUL byte (the file is not text), a text that is empty
  after the clean-up, a text over 2 000 characters, and a link other than http, https and mailto
  (javascript:, vbscript:, file:, data:…, ftp:// …) anywhere in a text. Content has no link field
  and no renderer makes links, but viewers and mail clients turn link-looking text into links.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import (AREA, STOPPED, Case, all_texts, assert_refused, build, edit, error_lines, leftovers,
                      part_texts, DOCUMENTS)

C = "content/"
MAL = "malsattningar.yaml"
NR27 = ("                  text: >-\n"
        "                    Att främja och utveckla det strategiska påverkansarbetet inom förvaltningen för\n"
        "                    Regional utveckling, både nationellt och internationellt.\n")


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar of `text`: controls and surrogates as escapes, the rest as is."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def uppdrag_27(scalar: str):
    """Replace the text of uppdrag nr 27 — it is in the deck, the plan, the summary and the sheet."""
    return edit(MAL, NR27, f"                  text: {scalar}\n")


# The documented clean-up, written out here as the oracle (not by calling clean_text).
SEPARATORS = set("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")


def documented_cleanup(text: str) -> str:
    kept = []
    for ch in text:
        if ch in SEPARATORS or ch in "\x85\u2028\u2029":
            kept.append(" ")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\ufffe\uffff":
            continue
        else:
            kept.append(ch)
    return re.sub(" {2,}", " ", "".join(kept)).strip()


EVERY_CONTROL = "Att pröva " + "".join(f"k{code:02x}{chr(code)}" for code in range(0x20) if chr(code) not in "\t\n") \
    + " slut"
XML_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|&#(?:x0*[0-8bcef]|x0*1[0-9a-f]|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]));",
                         re.IGNORECASE)

KEPT = [
    # id, the text as it stands in the YAML file, what every document must read back
    ("every_c0_control_as_escapes", yaml_quoted(EVERY_CONTROL), documented_cleanup(EVERY_CONTROL)),
    ("raw_control_bytes_in_the_file",
     '"Att pröva \x01rå\x07 \x1b[31mfärg\x7f och \x0bvertikal tabb\x0c sidbrytning"',
     "Att pröva rå [31mfärg och vertikal tabb sidbrytning"),
    ("vertical_tab_is_a_line_break_not_glue", yaml_quoted("Att ena raden\x0bandra raden"),
     "Att ena raden andra raden"),
    ("lone_surrogates_become_the_replacement_character", yaml_quoted("Att pröva \ud800 och \udfff ensamma"),
     "Att pröva \ufffd och \ufffd ensamma"),
    ("escaped_surrogate_pair_is_joined_into_the_emoji", '"Att le \\ud83d\\ude00 brett"', "Att le 😀 brett"),
    ("noncharacters_fffe_and_ffff_are_removed", yaml_quoted("Att ta bort \ufffe\uffff tecken"),
     "Att ta bort tecken"),
    ("emoji_and_flags_are_kept", '"Att 🙂 le 🇸🇪 flagga 👩‍👩‍👧 familj 𝔘 matematik"',
     "Att 🙂 le 🇸🇪 flagga 👩‍👩‍👧 familj 𝔘 matematik"),
    ("right_to_left_text_is_kept", '"Att samverka på שלום עולם och مرحبا بالعالم med \u202eomvänd\u202c text"',
     "Att samverka på שלום עולם och مرحبا بالعالم med \u202eomvänd\u202c text"),
    ("jinja_syntax_is_literal", '"Att räkna {{ 7*7 }} och {% raw %}rått{% endraw %} samt {# kommentar #} {{ config }}"',
     "Att räkna {{ 7*7 }} och {% raw %}rått{% endraw %} samt {# kommentar #} {{ config }}"),
    ("unbalanced_jinja_is_literal", '"Att {% if %} och {{ utan slut"', "Att {% if %} och {{ utan slut"),
    ("xml_looking_text_is_literal", "'Att <a:t>&amp;</a:t> och <w:p/> ]]> &lt; &#x41; <script>x</script>'",
     "Att <a:t>&amp;</a:t> och <w:p/> ]]> &lt; &#x41; <script>x</script>"),
    ("web_and_mail_links_are_kept", '"Att läsa https://www.regionorebrolan.se/vp?a=1&b=2 och http://x.se, mailto:planering@example.se"',
     "Att läsa https://www.regionorebrolan.se/vp?a=1&b=2 och http://x.se, mailto:planering@example.se"),
]


@pytest.mark.parametrize("raw,expected", [(raw, expected) for _, raw, expected in KEPT], ids=[k[0] for k in KEPT])
def test_odd_text_builds_and_reads_back_as_written_after_the_cleanup(raw: str, expected: str, content: Path,
                                                                    tmp_path: Path):
    uppdrag_27(raw)(content)
    out = tmp_path / "ut"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    texts = all_texts(out)
    for document, found in texts.items():
        assert any(expected in text for text in found), f"{expected!r} is not in the {document}"
    if "7*7" in expected:
        assert not any("49" in text and "räkna" in text for found in texts.values() for text in found)
    for name in DOCUMENTS:
        assert not XML_CONTROL.search(part_texts(out / name)), name
    assert leftovers(out, content) == []


def test_a_1000_character_word_is_whole_in_the_documents_and_broken_to_fit_in_the_deck(content: Path,
                                                                                      tmp_path: Path):
    word = "Kompetensförsörjning" * 50
    uppdrag_27(f'"Att {word} nu"')(content)
    out = tmp_path / "ut"
    result = build(content, out)
    assert result.exit_code == 0, result.output
    texts = all_texts(out)
    for document in ("plan", "summary", "sheet"):
        assert any(f"Att {word} nu" in text for text in texts[document]), document
    # The deck breaks the word between lines (and slides) to fit; no character is lost or added.
    assert word in "".join("".join(texts["deck"]).split())


LINK = ("texten innehåller en länk med '{scheme}' — bara länkar som börjar med http://, https:// eller "
        "mailto: får stå i innehållet; ta bort länken")
RISK_LINE = C + "internkontroll.yaml:8:5: fel: risker[1].risk: "
REFUSED = [
    Case("javascript_link", edit("internkontroll.yaml", "risk: Risk att", "risk: javascript:alert(1) Risk att"),
         [RISK_LINE + LINK.format(scheme="javascript:")]),
    Case("javascript_link_in_capitals_hidden_by_a_control_character",
         edit("internkontroll.yaml", "risk: Risk att", 'risk: "JAVA\\x01SCRIPT:alert(1)"\n    # Risk att'),
         [RISK_LINE + LINK.format(scheme="javascript:")]),
    Case("vbscript_link", edit("internkontroll.yaml", "risk: Risk att", "risk: vbscript:msgbox Risk att"),
         [RISK_LINE + LINK.format(scheme="vbscript:")]),
    Case("file_link", edit(AREA, "      - Internt\n", "      - Se file:///etc/passwd\n"),
         [C + AREA + ":35:9: fel: utmaningar[1].punkter[1]: " + LINK.format(scheme="file:")]),
    Case("file_link_to_a_windows_share", edit(AREA, "      - Internt\n", "      - Se file://server/delad/VP.pptx\n"),
         [C + AREA + ":35:9: fel: utmaningar[1].punkter[1]: " + LINK.format(scheme="file:")]),
    Case("data_link", edit("omvarld.yaml", "  - Demografi", "  - data:text/html;base64,PHNjcmlwdD4="),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: " + LINK.format(scheme="data:")]),
    Case("ftp_link", edit("omvarld.yaml", "  - Demografi", "  - Demografi ftp://ftp.example.se/data"),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: " + LINK.format(scheme="ftp:")]),
    Case("link_in_a_file_that_also_has_a_schema_error",
         edit("omvarld.yaml", "  - Demografi\n", "  - javascript:void(0)\n  - {a: b}\n"),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: " + LINK.format(scheme="javascript:"),
          C + "omvarld.yaml:8:5: fel: omvärldsfaktorer[2]: ska vara en text, men raden läses som 'nyckel: värde' — "
          "sätt texten inom citattecken (\"…\") om den innehåller ': '"]),
    Case("text_that_is_only_control_characters",
         edit("omvarld.yaml", "  - Demografi", '  - "\\x01\\x02\\x0b\\t"'),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: texten är tom — skriv en text eller ta bort raden"]),
    Case("text_over_2000_characters",
         edit("omvarld.yaml", "  - Demografi", "  - " + "Demografi " * 201),
         [C + "omvarld.yaml:7:5: fel: omvärldsfaktorer[1]: texten är 2009 tecken lång — högst 2000 tecken får plats"]),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_refused_text_names_file_and_line(case: Case, content: Path, previous):
    out, before = previous
    case.breaks(content)
    result = build(content, out)
    assert error_lines(result.stderr) == case.lines
    assert_refused(result, out, before, content, case.lines + [STOPPED])


def test_swedish_colons_and_drive_letters_are_not_links(content: Path, tmp_path: Path):
    """'EU:s', 'Mål:', 'Data: 2024' and a G:\\ path are ordinary Swedish text."""
    uppdrag_27('"Att följa EU:s budget. Mål: 3 %. Data: 2024. Se G:\\\\Ledningsgrupp\\\\VP 2026."')(content)
    result = build(content, tmp_path / "ut")
    assert result.exit_code == 0, result.output
