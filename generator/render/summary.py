"""The assignment summary: every numbered uppdrag to the nämnd, as a Word table and as a spreadsheet.

Rows are `Derived.summary` in its order (the nämnd's own uppdrag by number, then the gemensamma in
plan order) and the count in the title is its length — the deck counts the same list.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter

from ..derive import Derived
from ..layout import Layout
from ..model import Plan
from ..sanitize import property_text
from ..typography import sv_typography
from .word import DocxWriter, fill_header_footer, set_core_properties

# Relative column widths: Nr | Uppdrag | Källa | Målsättning/fokusområde
SUMMARY_WIDTHS = (1.0, 6.9, 2.5, 5.6)


def summary_title(plan: Plan, derived: Derived, texts) -> str:
    return texts("summary_titel", namnd=plan.plan.namnd.namn, antal=len(derived.summary))


def summary_header(texts) -> list[str]:
    return [texts(f"summary_kol_{key}") for key in ("nr", "uppdrag", "kalla", "placering")]


def summary_cells(derived: Derived, texts) -> list[list[str]]:
    missing = texts("plan_saknas")
    return [[str(row.nr), row.text, str(row.kalla) if row.kalla else missing, row.placering]
            for row in derived.summary]


def add_summary_table(writer: DocxWriter, plan: Plan, derived: Derived, texts) -> None:
    """Caption and table; shared by the summary document and the plan's appendix."""
    writer.caption(texts("summary_bildtext", namnd=plan.plan.namnd.namn))
    writer.table(summary_header(texts), summary_cells(derived, texts), widths=SUMMARY_WIDTHS,
                 numeric=[False, False, False, False])


def render_summary_docx(plan: Plan, derived: Derived, layout: Layout) -> bytes:
    t = layout.texts
    p = plan.plan
    writer = DocxWriter(layout.docx_template)
    writer.title(summary_title(plan, derived, t), space_before=False)
    writer.paragraph(t("summary_intro", ar=p.planar, datum=p.datum))
    add_summary_table(writer, plan, derived, t)
    fill_header_footer(writer.doc, t("summary_sidhuvud", namnd=p.namnd.namn, ar=p.planar), t("plan_sidfot_sida"),
                       title_page=False)
    set_core_properties(
        writer.doc, title=t("summary_dokumenttitel", namnd=p.namnd.namn, ar=p.planar),
        subject=t("summary_amne", namnd=p.namnd.namn, ar=p.planar, region=p.region),
        author=p.region, date=p.datum,
    )
    return writer.finish()


# ---------------------------------------------------------------- spreadsheet

# Column widths in characters: Nr, Uppdrag, Källa, Målsättning/fokusområde, Ansvarig, Status, Kommentar.
XLSX_WIDTHS = (6, 70, 17, 45, 24, 15, 45)
NAVY = "#1F4E79"


def render_summary_xlsx(plan: Plan, derived: Derived, layout: Layout) -> bytes:
    """A follow-up sheet: the summary's columns plus empty Ansvarig, Status, Kommentar."""
    t = layout.texts
    p = plan.plan
    out = io.BytesIO()
    # Content is data: no string is ever turned into a formula, number or link.
    workbook = xlsxwriter.Workbook(out, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    })
    workbook.set_properties({
        "title": property_text(summary_title(plan, derived, t)),
        "subject": property_text(t("summary_amne", namnd=p.namnd.namn, ar=p.planar, region=p.region)),
        "author": property_text(p.region),
        "company": property_text(p.region),
        "keywords": property_text(t("summary_dokumenttitel", namnd=p.namnd.namn, ar=p.planar)),
        # Fixed from the content so the same content gives the same bytes.
        "created": datetime.datetime.combine(p.datum, datetime.time()),
    })
    sheet = workbook.add_worksheet(t("summary_blad"))
    head = workbook.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": NAVY, "text_wrap": True,
                                "valign": "top", "border": 1, "border_color": "#BFBFBF"})
    text = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1, "border_color": "#BFBFBF"})
    number = workbook.add_format({"valign": "top", "align": "center", "border": 1, "border_color": "#BFBFBF"})

    header = summary_header(t) + [t(f"summary_kol_{key}") for key in ("ansvarig", "status", "kommentar")]
    for col, (title, width) in enumerate(zip(header, XLSX_WIDTHS)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, head)
    missing = t("plan_saknas")
    for r, row in enumerate(derived.summary, start=1):
        sheet.write_number(r, 0, row.nr, number)
        sheet.write_string(r, 1, sv_typography(row.text), text)
        sheet.write_string(r, 2, sv_typography(str(row.kalla)) if row.kalla else missing, text)
        sheet.write_string(r, 3, sv_typography(row.placering), text)
        for col in (4, 5, 6):
            sheet.write_blank(r, col, None, text)
    last = len(derived.summary)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, last, len(header) - 1)
    if last:
        sheet.data_validation(1, 5, last, 5, {
            "validate": "list", "source": t("summary_statusval").split("|"),
            "input_message": t("summary_statusval_hjalp"), "error_type": "information",
        })
    # Printing: A4 landscape, one page wide, header row on every page.
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_footer(t("summary_xlsx_sidfot"))
    workbook.close()
    return out.getvalue()
