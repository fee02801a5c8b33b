"""The board deck: slide specs fitted to the template's layouts and written with python-pptx.

A deck is written in two passes. First every section's specs are gathered and the deck's type
scale is chosen for them (scale.py: one size per kind of text, for the whole deck); then each
spec becomes its slides at those sizes, continuing on balanced "(forts.)" slides what does not
fit. Every run is tagged sv-SE, every slide has a unique title, speaker notes carry each item's
källa, every slide but title and section slides has a number and a footer (frame.py), and
colours come from the template's theme (theme.py). template.py opens the template and
measures its placeholders, shapes.py writes text and marks, tables.py, timeline.py and
charts.py draw the rest.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import replace
from pathlib import Path

from ..ooxml import LANG, emu, pt
from ..outputs import deck_name
from ..problems import LayoutError
from ..sanitize import property_text
from .charts import Look, chart_pages, chart_slides
from .fit import (TITLE_SHRINK_TO, Box, Fonts, Indent, Para, Run, fit_single, fit_title, para, paginate, title_fits,
                  total_height, wrap_title)
from .frame import Frame
from .scale import (BODY_CAP, BODY_FLOOR, BODY_SIZES, DISPLAY_FLOOR, DISPLAY_SIZES, FLOOR, NOTES_SIZE, SUBTITLE_SIZES,
                    TABLE_SIZES, TITLE_CAP, TITLE_FLOOR, TITLE_SIZES, TypeScale, by_slide_count, ladder, largest)
from .sections import SECTIONS, Context
from .shapes import add_marker, add_textbox, drop_empty_placeholders, fill_text, marker_size
from .specs import ChartSpec, SectionSpec, Spec, TableSpec, TextSpec, TimelineSpec, TitleSpec, typeset
from .tables import plan_table, table_slides
from .template import (Rect, choose_layout, effective_font, effective_size, inner_box, layout_pins, open_template,
                       pin_placeholders, structure, theme_fonts)
from .theme import Palette
from .timeline import plan_timeline, timeline_slides

DISPLAY_ROLES = ("titel", "avsnitt")
MARKER_GAP = 8  # pt between the example-data badge and the content under it
TIGHT_SPACING = 0.5  # of the space between paragraphs, on a slide it saves a continuation slide


class DeckWriter:
    """Adds fitted slides to one presentation."""

    def __init__(self, template: Path, layout_names: dict[str, str], texts, plan, footers: list[str] | None = None):
        self.prs = open_template(template)
        self.template = template
        self.layout_names = layout_names
        self.t = texts
        self.plan = plan
        self.indent = Indent()
        self.titles: set[str] = set()
        self.first_title: str | None = None
        self._layout_cache: dict[tuple, object] = {}
        self._pins: dict[int, list] = {}
        self._structures: dict[int, dict[str, list]] = {}
        self._plans: dict[int, object] = {}
        self._boxes: dict[tuple, Box] = {}
        self._paginated: dict[tuple, list] = {}
        theme = theme_fonts(self.prs)
        shape = self.structure(self.layout("innehåll"))
        master = self.prs.slide_master
        self.title_font = effective_font(shape["title"][0], master, theme)
        self.body_font = effective_font(shape["body"][0], master, theme)
        self.title_fonts, self.body_fonts = Fonts(self.title_font), Fonts(self.body_font)
        self.palette = Palette.of(self.prs)
        self.scale = TypeScale()
        content = self.content_rect()
        self.frame = Frame(self.prs, self.body_fonts, self.body_font, FLOOR, self.palette, footers or [""],
                           (content.left, content.left + content.width))

    # -- layouts

    def layout(self, role: str, name: str | None = None):
        key = (role, name)
        if key not in self._layout_cache:
            wanted = name or self.layout_names.get(role)
            self._layout_cache[key] = choose_layout(self.prs, self.template, role, wanted, named=bool(name))
        return self._layout_cache[key]

    def content_rect(self, marker: str | None = None) -> Rect:
        """Where drawn content (tables, timeline, charts) goes: the content layout's body, else
        margins; below the example-data badge when the slide has one."""
        try:
            layout = self.layout("innehåll")
            body = self.structure(layout)["body"][0]
            rect = self.on_slide(Rect(body.left, body.top, body.width, body.height), layout)
        except LayoutError:
            w, h = self.prs.slide_width, self.prs.slide_height
            rect = Rect(int(w * 0.05), int(h * 0.22), int(w * 0.9), int(h * 0.7))
        return self.below_marker(rect, marker)

    def on_slide(self, rect: Rect, layout) -> Rect:
        """`rect` (a content placeholder's) ending above the frame and on the slide: some templates
        run their body placeholder over the footer or past the slide's bottom edge."""
        limit = self.prs.slide_height - emu(4)
        if hasattr(self, "frame"):
            middle = rect.top + rect.height // 2
            limit = min([limit] + [slot.rect.top - emu(4) for slot in self.frame.slots(layout).values()
                                   if slot.rect.top > middle])
        return rect if rect.top + rect.height <= limit else Rect(rect.left, rect.top, rect.width, limit - rect.top)

    def marker_strip(self, marker: str | None) -> float:
        """The height (pt) the example-data badge takes at the top of the content, 0 without one."""
        return marker_size(marker, self.body_fonts, FLOOR)[1] + MARKER_GAP if marker else 0.0

    def below_marker(self, rect: Rect, marker: str | None) -> Rect:
        """`rect` less a strip at its top for the example-data badge (when there is one)."""
        strip = emu(self.marker_strip(marker))
        return Rect(rect.left, rect.top + strip, rect.width, rect.height - strip)

    # -- the two passes

    def write(self, specs: list[tuple[Spec, str | None]], scale: TypeScale | None = None) -> None:
        """Choose the deck's type scale for all of `specs` (or take `scale`: another deck's, e.g. the
        board deck's for a preview of some of its slides), then add their slides."""
        self.scale = self.choose_scale(specs, scale)
        for spec, layout_name in specs:
            self.add(spec, layout_name)

    def choose_scale(self, specs: list[tuple[Spec, str | None]], given: TypeScale | None = None) -> TypeScale:
        """One size per kind of text for this deck (see scale.py for the rules); with `given`, its
        body and table sizes are kept and the slides are planned at them."""
        laid = [(spec, self.layout(spec.role, name)) for spec, name in specs]
        content = self.structure(self.layout("innehåll"))
        master = self.prs.slide_master
        texts = [(s, lay) for s, lay in laid if isinstance(s, TextSpec) and s.paras]
        lines = [(s, lay) for s, lay in laid if isinstance(s, TimelineSpec) and s.milestones]
        tables = [(s, lay) for s, lay in laid if isinstance(s, TableSpec)]

        def text_slides(size: float) -> int:
            return (sum(len(self.text_pages(s, lay, size)) for s, lay in texts)
                    + sum(plan_timeline(self, s, size, FLOOR).pages for s, _ in lines))

        if given is not None:
            body = given.body
        else:
            body = by_slide_count(ladder(BODY_SIZES, effective_size(content["body"][0], master), BODY_FLOOR,
                                         BODY_CAP), text_slides)
        self.scale = replace(self.scale, body=body)
        if given is not None:
            table = given.table
        else:
            table = by_slide_count(ladder(TABLE_SIZES, body, FLOOR),
                                   lambda size: sum(len(plan_table(self, s, lay, size).pages) for s, lay in tables))
        self.scale = replace(self.scale, table=table)
        for s, lay in texts:
            self._plans[id(s)] = self.text_pages(s, lay, body)
        for s, lay in tables:
            self._plans[id(s)] = plan_table(self, s, lay, table)
        for s, _ in lines:
            self._plans[id(s)] = plan_timeline(self, s, body, table, self.scale.chart)
        for s, lay in laid:
            if isinstance(s, ChartSpec):
                self._plans[id(s)] = chart_pages(self, s)

        # Titles: every slide's, as it will read (continuation titles included).
        plain, display = [], []
        for s, lay in laid:
            box = self.title_box(lay)
            for title in self.slide_titles(s):
                if s.role in DISPLAY_ROLES:
                    display.append((title, box, effective_size(self.structure(lay)["title"][0], master)))
                else:
                    plain.append((title, box))
        title = largest(ladder(TITLE_SIZES, effective_size(content["title"][0], master), TITLE_FLOOR, TITLE_CAP),
                        lambda size: all(title_fits(t, box, self.title_fonts, size) for t, box in plain)) or TITLE_FLOOR
        top = max((size for _, _, size in display if size), default=None)
        display_size = largest(ladder(DISPLAY_SIZES, top, DISPLAY_FLOOR),
                               lambda size: all(title_fits(t, box, self.title_fonts, size, lines=3)
                                                for t, box, _ in display)) or DISPLAY_FLOOR
        return replace(self.scale, title=title, display=display_size,
                       subtitle=min(self._subtitle_size(laid), max(BODY_FLOOR, display_size * 0.75)))

    def _subtitle_size(self, laid) -> float:
        boxes = []
        for s, lay in laid:
            if isinstance(s, TitleSpec) and s.subtitle:
                boxes.append((self.subtitle_paras(s), self.subtitle_ph(lay)))
            elif isinstance(s, SectionSpec) and s.text and self.structure(lay)["body"]:
                boxes.append(([para(s.text, bullet=False, space_before=0)], self.structure(lay)["body"][0]))
        master = self.prs.slide_master
        top = max((effective_size(ph, master) or 0 for _, ph in boxes), default=0) or None
        return largest(ladder(SUBTITLE_SIZES, top, BODY_FLOOR),
                       lambda size: all(total_height(paras, inner_box(ph).width, size, self.body_fonts, self.indent)
                                        <= inner_box(ph).height for paras, ph in boxes)) or BODY_FLOOR

    def layout_box(self, layout, kind: str) -> Box:
        """The text area of a layout's first `kind` placeholder ("title", "body"), measured once
        (a body kept above the frame and on the slide: `on_slide`)."""
        key = (id(layout.part), kind)
        if key not in self._boxes:
            ph = self.structure(layout)[kind][0]
            box = inner_box(ph)
            if kind == "body":
                kept = self.on_slide(Rect(ph.left, ph.top, ph.width, ph.height), layout)
                box = Box(box.width, box.height - pt(ph.height - kept.height))
            self._boxes[key] = box
        return self._boxes[key]

    def text_pages(self, spec: TextSpec, layout, size: float) -> list[list[Para]]:
        """The spec's pages at `size` (kept: the scale's choice tries a size more than once).

        Text that needs one slide more than it would with half the space between paragraphs
        gets the tighter spacing instead: spacing gives way before a "(forts.)" slide does (the
        size never gives way).
        """
        key = (id(spec), id(layout.part), size)
        if key not in self._paginated:
            box = self.layout_box(layout, "body")
            if spec.marker:
                box = Box(box.width, box.height - self.marker_strip(spec.marker))
            pages = paginate(spec.paras, box, size, self.body_fonts, self.indent, self._continued)
            if len(pages) > 1:
                tight = [replace(p, space_before=p.space_before * TIGHT_SPACING) for p in spec.paras]
                fewer = paginate(tight, box, size, self.body_fonts, self.indent, self._continued)
                pages = fewer if len(fewer) < len(pages) else pages
            self._paginated[key] = pages
        return self._paginated[key]

    def slide_titles(self, spec: Spec) -> list[str]:
        """The titles the spec's slides will have (before uniqueness suffixes)."""
        plan = self._plans.get(id(spec))
        if isinstance(plan, list):  # text and chart pages
            count = len(plan)
        elif plan is not None:
            count = plan.pages if isinstance(plan.pages, int) else len(plan.pages)
        else:
            count = 1
        return [self.page_title(spec, n) for n in range(max(1, count))]

    def page_title(self, spec: Spec, n: int) -> str:
        if n == 0:
            return spec.title
        return self.t("forts", rubrik=getattr(spec, "continued", None) or spec.title, nummer=n)

    def title_box(self, layout) -> Box:
        """The title's text area on a slide of `layout`."""
        return self.layout_box(layout, "title")

    # -- slides

    def _unique(self, title: str) -> str:
        candidate, n = title, 2
        while candidate in self.titles:
            candidate = f"{title} ({n})"
            n += 1
        self.titles.add(candidate)
        self.first_title = self.first_title or candidate
        return candidate

    def structure(self, layout) -> dict[str, list]:
        """template.structure of a layout, worked out once per layout (layouts do not change)."""
        key = id(layout.part)
        if key not in self._structures:
            self._structures[key] = structure(layout)
        return self._structures[key]

    def new_slide(self, layout, title: str, notes: list[str], role: str):
        slide = self.prs.slides.add_slide(layout)
        key = id(layout.part)
        if key not in self._pins:
            self._pins[key] = layout_pins(layout)
        pin_placeholders(slide, self._pins[key])
        placed = structure(slide)
        for ph in placed["body"] + placed["tbl"]:
            if ph.height is not None and ph.top is not None:
                ph.height = self.on_slide(Rect(ph.left, ph.top, ph.width, ph.height), layout).height
        title = self._unique(title)
        ph = next(iter(placed["title"]), None)
        if ph is None:
            raise LayoutError(f"bildlayouten '{layout.name}' i {self.template} saknar rubrikplatshållare")
        box = inner_box(ph)
        size = self.scale.display if role in DISPLAY_ROLES else self.scale.title
        lines = {"titel": 6, "avsnitt": 3}.get(role, 2)
        size, shown = fit_title(title, box, self.title_fonts, size, lines=lines, cut=role != "titel",
                                floor=DISPLAY_FLOOR if role == "titel" else TITLE_SHRINK_TO)
        if size is None:  # a title slide's own title is never cut: its box grows (see _title)
            size, shown = self._grow_title(slide, ph, title)
        fill_text(ph.text_frame, [para(shown, bullet=False, space_before=0)], size, self.indent, self.title_font,
                  keep_style=True)
        if shown != title:
            notes = [title] + notes
        if notes:
            fill_text(slide.notes_slide.notes_text_frame, [para(n, bullet=False, space_before=0) for n in notes],
                      NOTES_SIZE, self.indent, self.body_font, keep_style=True)
        return slide

    def finish_slide(self, slide, layout, marker: str | None = None, area: Rect | None = None) -> None:
        """The badge (on slides with example data, at the top right of `area`, the content), the
        frame, and no empty placeholders."""
        if marker:
            self.marker(slide, marker, area or self.content_rect())
        drop_empty_placeholders(slide)
        self.frame.apply(slide, layout, len(self.prs.slides))

    def add(self, spec: Spec, layout_name: str | None) -> None:
        layout = self.layout(spec.role, layout_name)
        if isinstance(spec, TitleSpec):
            self._title(spec, layout)
        elif isinstance(spec, SectionSpec):
            self._section(spec, layout)
        elif isinstance(spec, TextSpec):
            self._text(spec, layout)
        elif isinstance(spec, TableSpec):
            plan = self._plans.get(id(spec)) or plan_table(self, spec, layout, self.scale.table)
            table_slides(self, spec, layout, plan)
        elif isinstance(spec, TimelineSpec):
            plan = self._plans.get(id(spec)) or plan_timeline(self, spec, self.scale.body, self.scale.table,
                                                                self.scale.chart)
            timeline_slides(self, spec, layout, plan)
        elif isinstance(spec, ChartSpec):
            chart_slides(self, spec, layout, self._plans.get(id(spec)) or chart_pages(self, spec))

    def subtitle_ph(self, layout):
        s = self.structure(layout)
        return (s["sub"] or s["body"])[0]

    def subtitle_paras(self, spec: TitleSpec) -> list[Para]:
        return [para(line, bullet=False, space_before=0) for line in spec.subtitle]

    def _grow_title(self, slide, ph, title: str) -> tuple[float, str]:
        """A title slide's title that does not fit its placeholder: the placeholder grows down
        (the subtitle moves below it, keeping its height where the slide allows), at the display
        size or smaller; cut only if even 14 pt on the whole slide height cannot hold it."""
        sub = next(iter(structure(slide)["sub"] or structure(slide)["body"]), None)
        sub_h = sub.height if sub is not None else 0
        limit = int(self.prs.slide_height * 0.95)
        inner = inner_box(ph)
        insets = ph.height - emu(inner.height)
        gap = emu(12)
        sizes = [s for s in (self.scale.display, 36.0, 32.0, 28.0, 24.0, 20.0, 18.0, 16.0, FLOOR)
                 if s <= self.scale.display]
        for size in sizes:
            lines = len(wrap_title(title, inner.width, size, self.title_fonts))
            need = emu(lines * self.title_fonts.get(True).line_height(size)) + insets
            room = limit - ph.top - (gap + min(sub_h, emu(3 * self.scale.subtitle * 1.3)) if sub is not None else 0)
            if need <= room or size == sizes[-1]:
                ph.height = max(ph.height, min(need, limit - ph.top))
                if sub is not None and sub.top < ph.top + ph.height + gap:
                    sub.top = ph.top + ph.height + gap
                    sub.height = max(emu(self.scale.subtitle * 1.3), min(sub_h, limit - sub.top))
                if need <= limit - ph.top:
                    return size, title
                break
        return fit_single(title, inner_box(ph), self.title_fonts, (FLOOR,), bold=True)

    def _title(self, spec: TitleSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "titel")
        sub = structure(slide)["sub"] or structure(slide)["body"]
        self._fill_single(sub[0], self.subtitle_paras(spec), self.scale.subtitle)
        drop_empty_placeholders(slide)

    def _section(self, spec: SectionSpec, layout) -> None:
        slide = self.new_slide(layout, spec.title, [], "avsnitt")
        if spec.text:
            body = structure(slide)["body"]
            if body:
                self._fill_single(body[0], [para(spec.text, bullet=False, space_before=0)], self.scale.subtitle)
        drop_empty_placeholders(slide)

    def _fill_single(self, ph, paras: list[Para], size: float) -> None:
        """A text that cannot continue onto another slide: the deck's size, smaller only if it must."""
        box = inner_box(ph)
        for candidate in [size] + [s for s in (22, 20, 18, 16, FLOOR) if s < size]:
            if total_height(paras, box.width, candidate, self.body_fonts, self.indent) <= box.height:
                fill_text(ph.text_frame, paras, candidate, self.indent, self.body_font)
                return
        _, shown = fit_single(" – ".join(p.text for p in paras), box, self.body_fonts, (FLOOR,))
        fill_text(ph.text_frame, [para(shown, bullet=False, space_before=0)], FLOOR, self.indent, self.body_font)

    def _continued(self, heading: Para) -> Para:
        text = self.t("forts", rubrik=heading.text.rstrip(":"), nummer=1)
        return replace(heading, runs=(Run(text, heading.runs[0].bold),), space_before=0)

    def _text(self, spec: TextSpec, layout) -> None:
        if not spec.paras:
            return
        pages = self._plans.get(id(spec)) or self.text_pages(spec, layout, self.scale.body)
        for n, page in enumerate(pages):
            notes = [p.note for p in page if p.note]
            slide = self.new_slide(layout, self.page_title(spec, n), notes, spec.role)
            body = structure(slide)["body"][0]
            area = Rect(body.left, body.top, body.width, body.height)
            if spec.marker:
                below = self.below_marker(area, spec.marker)
                body.top, body.height = below.top, below.height
            page = [replace(page[0], space_before=0)] + page[1:]
            fill_text(body.text_frame, page, self.scale.body, self.indent, self.body_font)
            self.finish_slide(slide, layout, spec.marker, area)

    # -- drawn shapes

    def chart_look(self) -> Look:
        return Look(self.scale.chart, self.body_font, self.palette)

    def textbox(self, shapes, rect: Rect, paras: list[Para], size: float, name: str):
        """A text box in the body font (see shapes.add_textbox)."""
        return add_textbox(shapes, rect, paras, size, name, self.body_font, self.indent)

    def marker(self, slide, text: str, area: Rect) -> None:
        """The example-data badge at the top right of the content `area`, above the data it marks
        (the content was placed below it: `below_marker`)."""
        width, height = marker_size(text, self.body_fonts, FLOOR)
        add_marker(slide.shapes, Rect(area.left + area.width - emu(width), area.top, emu(width), emu(height)), text,
                   FLOOR, self.body_font, self.indent, self.palette)

    # -- finish

    def finish(self, created: datetime.date, subject: str, author: str) -> bytes:
        props = self.prs.core_properties
        when = datetime.datetime.combine(created, datetime.time(12, 0))
        props.title = property_text(self.first_title or subject)
        props.subject = property_text(subject)
        props.author = property_text(author)
        props.last_modified_by = "vpgen"
        props.revision = 1
        props.created = props.modified = when
        props.last_printed = when
        props.language = LANG
        props.keywords = "verksamhetsplan"
        props.comments = ""
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.version = ""
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def footers(texts, plan) -> list[str]:
    """The footer as the text template words it, longest first: with the region and the nämnd,
    without the region, then the year alone (a narrow footer box takes the longest that fits)."""
    p = plan.plan
    found = [texts("sidfot", region=region, namnd=namnd, planar=p.planar)
             for region, namnd in ((p.region, p.namnd.namn), (None, p.namnd.namn), (None, None))]
    return list(dict.fromkeys(text for text in found if text.strip())) or [""]


def _deck_specs(ctx: Context, deck) -> list[tuple[Spec, str | None]]:
    ctx.charted.clear()
    return [(typeset(spec), section.layout) for section in deck.avsnitt for spec in SECTIONS[section.typ](ctx, section)]


def render_decks(plan, derived, layout, scale: TypeScale | None = None) -> dict[str, bytes]:
    """Every deck the outline names, as .pptx bytes keyed by file name; `scale` fixes the body and
    table sizes (a preview of some slides at the board deck's sizes) instead of choosing them."""
    texts = layout.texts
    outline = layout.outline(plan)
    ctx = Context(plan, derived, texts)
    year = plan.plan.planar
    out: dict[str, bytes] = {}
    for deck in outline.presentationer:
        writer = DeckWriter(layout.pptx_template, dict(outline.layouter), texts, plan, footers(texts, plan))
        writer.write(_deck_specs(ctx, deck), scale)
        subject = f"Verksamhetsplan {year} – {plan.plan.namnd.namn}"
        out[deck_name(year, deck.fil)] = writer.finish(plan.plan.datum, subject, plan.plan.region)
    return out


def deck_scale(plan, derived, layout, kind: str) -> TypeScale | None:
    """The type scale of the (first) deck with a section of `kind`, as render_decks chooses it; None
    when no deck of the outline has one."""
    outline = layout.outline(plan)
    ctx = Context(plan, derived, layout.texts)
    for deck in outline.presentationer:
        if any(section.typ == kind for section in deck.avsnitt):
            writer = DeckWriter(layout.pptx_template, dict(outline.layouter), layout.texts, plan,
                                footers(layout.texts, plan))
            return writer.choose_scale(_deck_specs(ctx, deck))
    return None
