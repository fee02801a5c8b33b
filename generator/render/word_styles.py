"""The styles the Word outputs use: found in the organisation's template, or added to it.

Word keeps its built-in styles latent (w:latentStyles) and writes one into a document only once it
has been used, LibreOffice writes built-in names in its own spelling ("Heading 1", "TOC 1" for
Word's "heading 1", "toc 1"), and no template has vpgen's own table style. So each style is looked
up by its built-in name whatever the case, given Word's spelling when found, and when missing
added under that name, drawn like layouts/make_docx_template.py draws ours but from the
template's own look (`Look`): its Normal style's size, its headings' or its theme's fonts and
colours. The template file itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.styles import BabelFish
from lxml import etree

from ..contrast import AA_TEXT, WHITE, contrast_ratio, hex_rgb, needed_ratio
from ..formatting import sv_list
from ..ooxml import a
from ..problems import LayoutError
from .wml import PPR_ORDER, RPR_ORDER, STYLE_ORDER, insert_ordered

TABLE_STYLE = "VP-tabell"
W = nsdecls("w")
RULE = "BFBFBF"  # table rules, as ours
NEUTRAL_HEADER = "D9D9D9"  # a table header row when the template has no colour of its own
NEUTRAL_BAND = "F2F2F2"

P, T = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.TABLE
_XML_TYPES = {P: "paragraph", T: "table", WD_STYLE_TYPE.CHARACTER: "character", WD_STYLE_TYPE.LIST: "numbering"}


@dataclass(frozen=True)
class StyleNeed:
    key: str  # the name the writers use (python-docx's UI name)
    name: str  # Word's built-in name, as styles.xml stores it whatever the language of Word
    style_id: str  # the id English Word gives it (any free id serves)
    type: WD_STYLE_TYPE
    swedish: str  # what Swedish Word calls it, for the note


# Every style the Word outputs use, in the order the note lists them. Normal must be there.
STYLE_NEEDS: tuple[StyleNeed, ...] = (
    StyleNeed("Normal", "Normal", "Normal", P, "Normal"),
    StyleNeed("Title", "Title", "Title", P, "Rubrik"),
    StyleNeed("Subtitle", "Subtitle", "Subtitle", P, "Underrubrik"),
    StyleNeed("Heading 1", "heading 1", "Heading1", P, "Rubrik 1"),
    StyleNeed("Heading 2", "heading 2", "Heading2", P, "Rubrik 2"),
    StyleNeed("Heading 3", "heading 3", "Heading3", P, "Rubrik 3"),
    StyleNeed("List Bullet", "List Bullet", "ListBullet", P, "Punktlista"),
    StyleNeed("Caption", "caption", "Caption", P, "Beskrivning"),
    StyleNeed("TOC Heading", "TOC Heading", "TOCHeading", P, "Innehållsförteckningsrubrik"),
    StyleNeed("toc 1", "toc 1", "TOC1", P, "Innehåll 1"),
    StyleNeed("toc 2", "toc 2", "TOC2", P, "Innehåll 2"),
    StyleNeed("toc 3", "toc 3", "TOC3", P, "Innehåll 3"),
    StyleNeed(TABLE_STYLE, TABLE_STYLE, TABLE_STYLE, T, TABLE_STYLE),
)
# Used as the template has them (header and footer text), given Word's spelling, never added.
RESPELLED_ONLY: tuple[StyleNeed, ...] = (
    StyleNeed("Header", "header", "Header", P, "Sidhuvud"),
    StyleNeed("Footer", "footer", "Footer", P, "Sidfot"),
)
USED_STYLE_NAMES = frozenset(need.key for need in STYLE_NEEDS + RESPELLED_ONLY)


# ---------------------------------------------------------------- finding styles

def _name(style) -> str:
    el = style.find(qn("w:name"))
    return (el.get(qn("w:val")) or "") if el is not None else ""


def _type(style) -> str:
    return style.get(qn("w:type")) or "paragraph"


def find_style(styles, name: str, kind: WD_STYLE_TYPE):
    """The w:style of `kind` named `name`, compared without case (Word's "heading 1" is
    LibreOffice's "Heading 1"); None when there is none. `styles` is the w:styles element."""
    wanted, xml_type = name.casefold(), _XML_TYPES[kind]
    return next((s for s in styles.findall(qn("w:style")) if _type(s) == xml_type and _name(s).casefold() == wanted),
                None)


def _normal(styles, source):
    """The Normal style: by name, else the default paragraph style (Word's Normal under another
    name); refused when the template has neither."""
    normal = find_style(styles, "Normal", P)
    if normal is None:
        normal = next((s for s in styles.findall(qn("w:style")) if _type(s) == "paragraph"
                       and s.get(qn("w:default")) in ("1", "true", "on")), None)
        if normal is not None and any(_name(s).casefold() == "normal" for s in styles.findall(qn("w:style"))):
            normal = None  # "Normal" is taken by a style of another type: too broken to guess
    if normal is None:
        raise LayoutError(f"Word-mallen {source} saknar formatmallen Normal (standardstycket) och kan inte användas — "
                          "spara mallen i Word igen, eller använd layouts/verksamhetsplan.docx")
    return normal


@dataclass
class CompletedStyles:
    """What `complete_styles` found and did."""

    found: dict[str, str]  # STYLE_NEEDS key → the name python-docx finds the style under
    added: list[str]  # Swedish names of the styles added
    darkened: list[str]  # Swedish names of the template's styles whose text colour was darkened
    unnumbered: list[str]  # Swedish names of the template's headings whose numbering was taken away

    def notes(self, source) -> list[str]:
        notes = []
        if self.added:
            added = _compact(self.added)
            noun = "formatmallen" if len(added) == 1 else "formatmallarna"
            notes.append(f"Word-mallen {source} saknade {noun} {sv_list(added)}: {'den' if len(added) == 1 else 'de'} "
                         "lades till i dokumenten med mallens teckensnitt och färger (mallen själv ändras inte).")
        if self.darkened:
            noun = "formatmallen" if len(self.darkened) == 1 else "formatmallarna"
            notes.append(f"Word-mallen {source}: textfärgen i {noun} {sv_list(self.darkened)} har för svag kontrast mot "
                         "vit bakgrund (WCAG AA) och gjordes mörkare i dokumenten, i samma nyans.")
        if self.unnumbered:
            notes.append(f"Word-mallen {source} numrerar rubrikerna ({sv_list(self.unnumbered)}): i dokumenten "
                         "numreras de inte, eftersom planens rubriker har egna nummer (Målsättning 4, Fokusområde "
                         "4.1).")
        return notes


def _compact(names: list[str]) -> list[str]:
    """'Innehåll 1', 'Innehåll 2', 'Innehåll 3' → 'Innehåll 1–3'."""
    toc = [n for n in names if n.startswith("Innehåll ")]
    if len(toc) < 2 or toc != [f"Innehåll {i}" for i in range(1, len(toc) + 1)]:
        return names
    first = names.index(toc[0])
    rest = [n for n in names if n not in toc]
    return rest[:first] + [f"{toc[0]}–{toc[-1].removeprefix('Innehåll ')}"] + rest[first:]


def complete_styles(doc, source) -> CompletedStyles:
    """Every style of STYLE_NEEDS present in `doc`: found under its built-in name whatever the case,
    else added (see the module docstring); and every used style's text readable on white."""
    styles = doc.styles.element
    normal = _normal(styles, source)
    _respell(normal, "Normal")
    found: dict[str, str] = {"Normal": "Normal"}
    missing: list[StyleNeed] = []
    for need in STYLE_NEEDS[1:] + RESPELLED_ONLY:
        style = find_style(styles, need.name, need.type)
        if style is not None:
            _respell(style, need.name)
            found[need.key] = need.key
        elif need not in RESPELLED_ONLY:
            missing.append(need)
    darkened = _legible(styles, [need for need in STYLE_NEEDS + RESPELLED_ONLY if need.key in found])
    unnumbered = _ready_for_the_plan(doc, styles)
    if missing:
        look = Look.of(doc, normal)
        for need in missing:
            name = _free_name(styles, need.name)
            styles.append(_build(need, name, _free_id(styles, need.style_id), look, doc))
            # the table of contents asks for "toc N" by its built-in name only
            if name == need.name or not need.key.startswith("toc "):
                found[need.key] = BabelFish.internal2ui(name)
    return CompletedStyles(found, [need.swedish for need in missing], darkened, unnumbered)


def _legible(styles, needs: list[StyleNeed]) -> list[str]:
    """Darken the text colour of each used paragraph style that falls short of WCAG AA on white for
    its size and weight (the same hue, darker): public-sector documents must be readable, and the
    region cannot be asked to edit its template. The Swedish names of the styles changed."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    changed = []
    for need in needs:
        style = find_style(styles, need.name, need.type)
        if style is None or need.type != P:
            continue
        chain = _chain(style, by_id)
        color = _first_val(chain, "w:color", defaults)
        rgb = hex_rgb(color or "")
        if rgb is None:
            continue
        size = _first_val(chain, "w:sz", defaults)
        bold = _first(chain, "w:b")
        if bold is None and defaults is not None:
            bold = defaults.find(qn("w:b"))
        is_bold = bold is not None and bold.get(qn("w:val"), "true") not in ("0", "false", "off")
        points = int(size) / 2 if size and size.isdigit() else 10.0
        if contrast_ratio(rgb, WHITE) >= needed_ratio(points, is_bold):
            continue
        rpr = _own(style, "w:rPr", STYLE_ORDER)
        own = rpr.find(qn("w:color"))
        if own is not None:
            rpr.remove(own)
        readable = readable_on_white(color, needed_ratio(points, is_bold))
        insert_ordered(rpr, parse_xml(f'<w:color {W} w:val="{readable}"/>'), RPR_ORDER)
        changed.append(need.swedish)
    return changed


def _own(parent, tag: str, order):
    """`parent`'s own `tag` child, added in schema order when it has none."""
    found = parent.find(qn(tag))
    if found is None:
        found = parse_xml(f"<{tag} {W}/>")
        insert_ordered(parent, found, order)
    return found


def _ready_for_the_plan(doc, styles) -> list[str]:
    """Headings and captions as the plan needs them, whatever the template says: each kept with
    the paragraph after it (a caption is always above its table), and headings without automatic
    numbers, since the plan's headings carry their own (Målsättning 4, Fokusområde 4.1) and a
    chapter number in front would contradict them. The Swedish names of the headings whose
    visible numbering was taken away."""
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    unnumbered = []
    for need in STYLE_NEEDS:
        if not (need.key.startswith("Heading ") or need.key == "Caption"):
            continue
        style = find_style(styles, need.name, P)
        if style is None:
            continue
        chain = _chain(style, by_id)
        keep = _first_ppr(chain, "w:keepNext")
        if keep is None or keep.get(qn("w:val"), "true") in ("0", "false", "off"):
            ppr = _own(style, "w:pPr", STYLE_ORDER)
            for switched_off in ppr.findall(qn("w:keepNext")):
                ppr.remove(switched_off)
            insert_ordered(ppr, parse_xml(f"<w:keepNext {W}/>"), PPR_ORDER)
        numbering = _first_ppr(chain, "w:numPr")
        num_id = numbering.find(qn("w:numId")) if numbering is not None else None
        if need.key == "Caption" or num_id is None or num_id.get(qn("w:val")) in (None, "0"):
            continue
        level = numbering.find(qn("w:ilvl"))
        visible = _numbered(doc, num_id.get(qn("w:val")), level.get(qn("w:val")) if level is not None else "0")
        own = _own(_own(style, "w:pPr", STYLE_ORDER), "w:numPr", PPR_ORDER)
        for child in list(own):
            own.remove(child)
        own.append(parse_xml(f'<w:numId {W} w:val="0"/>'))
        if visible:
            unnumbered.append(need.swedish)
    return unnumbered


def _first_ppr(chain: list, tag: str):
    for style in chain:
        found = style.find(f"{qn('w:pPr')}/{qn(tag)}")
        if found is not None:
            return found
    return None


def _numbered(doc, num_id: str, level: str) -> bool:
    """Whether list `num_id` shows a number (or bullet) at `level`: a format other than none and
    some level text."""
    try:
        numbering = doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        return False
    num = next((n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id), None)
    if num is None:
        return False
    lvls = [o.find(qn("w:lvl")) for o in num.findall(qn("w:lvlOverride")) if o.get(qn("w:ilvl")) == level]
    abstract_id = num.find(qn("w:abstractNumId"))
    abstract = next((a_ for a_ in numbering.findall(qn("w:abstractNum"))
                     if abstract_id is not None and a_.get(qn("w:abstractNumId")) == abstract_id.get(qn("w:val"))),
                    None)
    if abstract is not None:
        lvls += [lvl for lvl in abstract.findall(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == level]
    lvl = next((lvl for lvl in lvls if lvl is not None), None)
    if lvl is None:
        return False
    fmt, text = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText"))
    return (fmt is None or fmt.get(qn("w:val")) != "none") and text is not None and bool(text.get(qn("w:val")))


def _respell(style, name: str) -> None:
    """Word's spelling of a built-in name, so Word, LibreOffice and python-docx all know the style."""
    el = style.find(qn("w:name"))
    if el is not None:
        el.set(qn("w:val"), name)


def _free_name(styles, name: str) -> str:
    """`name`, unless a style of another type has it (names are unique across types)."""
    taken = {_name(s).casefold() for s in styles.findall(qn("w:style"))}
    return name if name.casefold() not in taken else f"{name} (vpgen)"


def _free_id(styles, style_id: str) -> str:
    taken = {s.get(qn("w:styleId")) for s in styles.findall(qn("w:style"))}
    candidate, n = style_id, 2
    while candidate in taken:
        candidate, n = f"{style_id}{n}", n + 1
    return candidate


# ---------------------------------------------------------------- the template's look

@dataclass(frozen=True)
class Look:
    """What the added styles take from the template."""

    size: int  # Normal's size, half-points
    heading_fonts: str  # a w:rFonts element, or "" (the Normal font)
    color: str | None  # headings, title, caption: hex, readable on white (AA); None = the text colour
    table_color: str | None  # the table's header row (white text on it) and total rule; None = grey
    normal_id: str
    table_normal_id: str | None
    text_width: int  # twips, for the table of contents' right tab

    @classmethod
    def of(cls, doc, normal) -> Look:
        styles = doc.styles.element
        by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        size = _first_val(_chain(normal, by_id), "w:sz", defaults)
        size = min(32, max(16, int(size))) if size and size.isdigit() else 20  # Word's default: 10 pt
        theme = _theme(doc)
        theme_color = _theme_color(theme, "accent1") or _theme_color(theme, "dk2")
        # The template's own heading or title sets the family (black headings stay black); without
        # either, the theme's major font and accent colour, as Word's own headings take them.
        own = [s for s in (find_style(styles, "heading 1", P), find_style(styles, "Title", P)) if s is not None]
        if own:
            fonts = next((f for s in own for f in [_first(_chain(s, by_id), "w:rFonts")] if f is not None), None)
            heading_fonts = etree.tostring(fonts, encoding="unicode") if fonts is not None else ""
            color = next((c for s in own for c in [_first_val(_chain(s, by_id), "w:color")] if hex_rgb(c or "")),
                         None)
        else:
            has_major = theme is not None and theme.find(f".//{a('majorFont')}/{a('latin')}") is not None
            heading_fonts = (f'<w:rFonts {W} w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" '
                             'w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/>') if has_major else ""
            color = theme_color
        color = readable_on_white(color) if color else None
        table_color = color or (readable_on_white(theme_color) if theme_color else None)
        table_normal = find_style(styles, "Normal Table", T)
        return cls(
            size=size, heading_fonts=heading_fonts, color=color, table_color=table_color,
            normal_id=normal.get(qn("w:styleId")) or "Normal",
            table_normal_id=table_normal.get(qn("w:styleId")) if table_normal is not None else None,
            text_width=text_width(doc) // 635,
        )

    def scaled(self, ours: int) -> int:
        """A size of ours (half-points, for an 11 pt Normal) scaled to the template's Normal."""
        return max(16, round(ours * self.size / 22))


def _chain(style, by_id: dict) -> list:
    """A style and the styles it is based on, nearest first."""
    chain, seen = [], set()
    while style is not None and style.get(qn("w:styleId")) not in seen:
        seen.add(style.get(qn("w:styleId")))
        chain.append(style)
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
    return chain


def _first(chain: list, tag: str):
    """The first `tag` in the chain's run properties; for w:rFonts the first that names a latin
    font (one naming only an East Asian font leaves the latin one to the next)."""
    for style in chain:
        found = style.find(f"{qn('w:rPr')}/{qn(tag)}")
        if found is not None and (tag != "w:rFonts" or found.get(qn("w:ascii")) or found.get(qn("w:asciiTheme"))):
            return found
    return None


def _first_val(chain: list, tag: str, defaults=None) -> str | None:
    """The first w:val of `tag` in the chain's run properties (then the document defaults),
    skipping "auto" colours."""
    for rpr in [s.find(qn("w:rPr")) for s in chain] + [defaults]:
        found = rpr.find(qn(tag)) if rpr is not None else None
        value = found.get(qn("w:val")) if found is not None else None
        if value and value != "auto":
            return value
    return None


def _theme(doc):
    try:
        blob = doc.part.part_related_by(RT.THEME).blob
        return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return None


def _theme_color(theme, slot: str) -> str | None:
    if theme is None:
        return None
    el = theme.find(f".//{a('clrScheme')}/{a(slot)}")
    if el is None:
        return None
    for color in el:
        value = color.get("val") if etree.QName(color).localname == "srgbClr" else color.get("lastClr")
        if value and hex_rgb(value):
            return value.upper()
    return None


def readable_on_white(color: str, ratio: float = AA_TEXT) -> str:
    """`color`, darkened in steps until text in it on white (and white on it) reaches `ratio`."""
    rgb = hex_rgb(color)
    while contrast_ratio(rgb, WHITE) < ratio:
        rgb = tuple(c * 0.9 for c in rgb)
    return "".join(f"{round(c * 255):02X}" for c in rgb)


def _tint(color: str, share: float) -> str:
    """`share` of `color` on white: a faint band in the template's colour."""
    rgb = hex_rgb(color)
    return "".join(f"{round((1 - share + share * c) * 255):02X}" for c in rgb)


def text_width(doc) -> int:
    """Usable width of the last section, EMU."""
    section = doc.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


# ---------------------------------------------------------------- the added styles

def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _color(look: Look) -> str:
    return f'<w:color w:val="{look.color}"/>' if look.color else ""


def _paragraph(name: str, style_id: str, look: Look, ppr: str, rpr: str, priority: int,
               next_normal: bool = True) -> str:
    """A paragraph style, elements in schema order (rPr children too: fonts, b, color, kern, sz)."""
    return (f'<w:style {W} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="{look.normal_id}"/>' + (f'<w:next w:val="{look.normal_id}"/>' if next_normal else "")
            + f'<w:uiPriority w:val="{priority}"/><w:qFormat/>'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


HEADINGS = {1: (32, 480, 160), 2: (26, 320, 120), 3: (23, 240, 80)}  # ours: size (half-points), before, after


def _build(need: StyleNeed, name: str, style_id: str, look: Look, doc):
    bold, fonts = "<w:b/><w:bCs/>", look.heading_fonts
    key = need.key
    if key == TABLE_STYLE:
        return parse_xml(_table_style(name, style_id, look))
    if key.startswith("Heading "):
        level = int(key[-1])
        size, before, after = HEADINGS[level]
        ppr = (f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/>'
               f'<w:outlineLvl w:val="{level - 1}"/>')
        xml = _paragraph(name, style_id, look, ppr, f"{fonts}{bold}{_color(look)}{_size(look.scaled(size))}", 9)
    elif key == "Title":
        xml = _paragraph(name, style_id, look,
                         '<w:spacing w:before="3600" w:after="240" w:line="240" w:lineRule="auto"/>'
                         '<w:contextualSpacing/>',
                         f'{fonts}{bold}{_color(look)}<w:kern w:val="28"/>{_size(look.scaled(60))}', 10)
    elif key == "Subtitle":
        xml = _paragraph(name, style_id, look, '<w:spacing w:after="600"/>',
                         f"{fonts}{_color(look)}{_size(look.scaled(36))}", 11)
    elif key == "List Bullet":
        num_id = _bullet_numbering(doc, style_id)
        xml = _paragraph(name, style_id, look,
                         f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr><w:spacing w:after="60"/>'
                         '<w:ind w:left="360" w:hanging="360"/>', "", 99, next_normal=False)
    elif key == "Caption":
        xml = _paragraph(name, style_id, look,
                         '<w:keepNext/><w:spacing w:before="200" w:after="80" w:line="240" w:lineRule="auto"/>',
                         f"{bold}{_color(look)}{_size(look.scaled(20))}", 35)
    elif key == "TOC Heading":
        xml = _paragraph(name, style_id, look, '<w:keepNext/><w:spacing w:before="240" w:after="240"/>',
                         f"{fonts}{bold}{_color(look)}{_size(look.scaled(32))}", 39)
    else:  # toc 1–3
        level = int(key[-1])
        xml = _paragraph(name, style_id, look,
                         f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{look.text_width}"/></w:tabs>'
                         f'<w:spacing w:before="{80 if level == 1 else 0}" w:after="20"/>'
                         f'<w:ind w:left="{(level - 1) * 284}"/>',
                         (bold if level == 1 else "") + _size(look.scaled(21)), 39)
    return parse_xml(xml)


def _table_style(name: str, style_id: str, look: Look) -> str:
    """VP-tabell in the template's colours: light rules, a shaded header row (repeating), a bold
    total row over a rule in the header's colour, faint banding; as ours otherwise."""
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    color = look.table_color
    header_text = '<w:color w:val="FFFFFF"/>' if color else ""
    header_fill = color or NEUTRAL_HEADER
    band_fill = _tint(color, 0.06) if color else NEUTRAL_BAND
    based_on = f'<w:basedOn w:val="{look.table_normal_id}"/>' if look.table_normal_id else ""
    return (
        f'<w:style {W} w:type="table" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'{based_on}<w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="50" w:after="50" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr>{_size(look.scaled(20))}</w:rPr>'
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblBorders>'
        f'<w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>'
        f'<w:insideH {border}/><w:insideV {border}/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/>{header_text}</w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="lastRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>'
        f'<w:tcPr><w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{color or "000000"}"/>'
        '</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{band_fill}"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


def _bullet_numbering(doc, style_id: str) -> int:
    """A one-level bullet list in the numbering part (made when the template has none): its numId."""
    try:
        part = doc.part.part_related_by(RT.NUMBERING)
    except KeyError:
        used = {str(p.partname) for p in doc.part.package.iter_parts()}
        name = next(n for n in ("/word/numbering.xml", *(f"/word/numbering{i}.xml" for i in range(1, 100)))
                    if n not in used)
        part = NumberingPart(PackURI(name), CT.WML_NUMBERING, parse_xml(f"<w:numbering {W}/>"), doc.part.package)
        doc.part.relate_to(part, RT.NUMBERING)
    numbering = part.element
    abstract_ids = [int(el.get(qn("w:abstractNumId"), "0")) for el in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(el.get(qn("w:numId"), "0")) for el in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="{style_id}"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
        "</w:lvl></w:abstractNum>")
    num = parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    # Schema order: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup?
    first_num = numbering.find(qn("w:num"))
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if first_num is not None:
        first_num.addprevious(abstract)
    elif cleanup is not None:
        cleanup.addprevious(abstract)
    else:
        numbering.append(abstract)
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    return num_id


# ---------------------------------------------------------------- the table text, for column widths

@dataclass(frozen=True)
class TableText:
    """What a table's cells are written in: family (None: unknown), size in points, and the
    left plus right cell margin in twips."""

    family: str | None
    size_pt: float
    margins: int


def table_text(doc, style_name: str) -> TableText:
    """The font of a table in `style_name` as Word resolves it: the table style, then Normal, then
    the document defaults; a theme font by the theme's name for it."""
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    table = _chain(find_style(styles, style_name, T), by_id)
    normal = _chain(find_style(styles, "Normal", P), by_id)
    # A table style's size wins over Normal's (Word's and LibreOffice's way with a Normal paragraph).
    size = _first_val(table, "w:sz") or _first_val(normal, "w:sz", defaults)
    fonts = _first(table + normal, "w:rFonts")
    if fonts is None and defaults is not None:
        fonts = defaults.find(qn("w:rFonts"))
    family = None
    if fonts is not None:
        family = fonts.get(qn("w:ascii"))
        slot = fonts.get(qn("w:asciiTheme")) or ""
        theme = _theme(doc) if slot else None
        latin = theme.find(f".//{a('majorFont' if slot.startswith('major') else 'minorFont')}/{a('latin')}") \
            if theme is not None else None
        if latin is not None and latin.get("typeface"):
            family = latin.get("typeface")
    margins = 0
    for side in ("left", "right"):
        found = [s.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:' + side)}") for s in table]
        value = next((m.get(qn("w:w")) for m in found if m is not None), None)
        margins += int(value) if value and value.isdigit() else 108  # Word's default: 0.19 cm
    return TableText(family or None, (int(size) if size and size.isdigit() else 20) / 2, margins)
