"""The assignment summary: every numbered uppdrag to the nämnd, as a Word table and as a spreadsheet.

Rows are `Derived.summary` in its order (the nämnd's own uppdrag by number, then the gemensamma in
plan order) and the count in the title is its length — the deck counts the same list. When the plan
is compared with last year's, a column Förändring (ny, ändrad, oförändrad) follows Källa, and the
uppdrag that last year's plan had and this one drops follow: a table in the document, a sheet
Utgår in the spreadsheet.
"""

from __future__ import annotations

import datetime
import io

import xlsxwriter

from ..derive import Derived, SummaryRow
from ..layout import Layout
from ..messages import loose_key
from ..model import Plan
from ..sanitize import property_text
from ..typography import sv_typography
from .word import DocxWriter, fill_header_footer, set_core_properties

# Relative column widths: Nr | Uppdrag | Källa | Målsättning/fokusområde
SUMMARY_WIDTHS = (1.0, 6.9, 2.5, 5.6)
# … with Förändring after Källa; the proposal's appendix: a wider Nr for "24 27" as a tracked change
STATUS_WIDTHS = (1.0, 6.0, 2.3, 2.3, 4.4)
TRACKED_WIDTHS = (1.5, 6.6, 2.4, 5.5)


def summary_title(plan: Plan, derived: Derived, texts) -> str:
    return texts("summary_titel", namnd=plan.plan.namnd.in_sentence, antal=len(derived.summary))


def summary_header(texts, status: bool = False) -> list[str]:
    keys = ("nr", "uppdrag", "kalla") + (("forandring",) if status else ()) + ("placering",)
    return [texts(f"summary_kol_{key}") for key in keys]


def summary_row_cells(row: SummaryRow, missing: str, status: str | None = None) -> list[str]:
    """Nr | Uppdrag | Källa | (Förändring) | Målsättning/fokusområde of one derive.SummaryRow."""
    cells = [str(row.nr), row.text, str(row.kalla) if row.kalla else missing, row.placering]
    return cells[:3] + [status] + cells[3:] if status is not None else cells


def status_text(texts, row: SummaryRow) -> str:
    """'Ny', 'Ändrad', 'Oförändrad' for a row of a compared plan."""
    return texts(f"summary_forandring_{loose_key(row.status or 'oförändrad')}")


def add_summary_table(writer: DocxWriter, plan: Plan, derived: Derived, texts, status: bool = False) -> None:
    """Caption and table; shared by the summary document and the plan's appendix. `status`: the
    column Förändring (only where the plan is compared with last year's)."""
    missing = texts("plan_saknas")
    rows = [summary_row_cells(row, missing, status_text(texts, row) if status else None) for row in derived.summary]
    writer.caption(texts("summary_bildtext", namnd=plan.plan.namnd.in_sentence))
    writer.table(summary_header(texts, status), rows, widths=STATUS_WIDTHS if status else SUMMARY_WIDTHS)


def removed_header(texts, forra: str, short: bool = False) -> list[str]:
    """Nr (in last year's plan) | Uppdrag | Källa | Placering (then); `short`: "Nr" for a narrow column."""
    return [texts("summary_kol_nr") if short else texts("summary_utgar_kol_nr", forra=forra),
            texts("summary_kol_uppdrag"), texts("summary_kol_kalla"), texts("summary_utgar_kol_placering", forra=forra)]


def render_summary_docx(plan: Plan, derived: Derived, layout: Layout) -> bytes:
    t = layout.texts
    p = plan.plan
    writer = DocxWriter(layout.docx_template)
    writer.title(summary_title(plan, derived, t), space_before=False)
    writer.paragraph(t("summary_intro", ar=p.planar, datum=p.datum))
    changes = derived.changes
    if changes is not None:
        writer.paragraph(t("summary_forandring_intro", forra=changes.label, utgar=len(derived.removed_summary)))
    add_summary_table(writer, plan, derived, t, status=changes is not None)
    if derived.removed_summary:
        missing = t("plan_saknas")
        writer.caption(t("summary_utgar_bildtext", forra=changes.label))
        writer.table(removed_header(t, changes.label, short=True),
                     [summary_row_cells(row, missing) for row in derived.removed_summary], widths=SUMMARY_WIDTHS)
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
STATUS_WIDTH = 13  # Förändring, after Källa when the plan is compared with last year's
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

    changes = derived.changes
    header = summary_header(t, changes is not None) + [t(f"summary_kol_{key}")
                                                        for key in ("ansvarig", "status", "kommentar")]
    widths = XLSX_WIDTHS[:3] + ((STATUS_WIDTH,) if changes is not None else ()) + XLSX_WIDTHS[3:]
    for col, (title, width) in enumerate(zip(header, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, head)
    missing = t("plan_saknas")
    follow_up = len(header) - 3  # Ansvarig, Status, Kommentar: the last three columns
    for r, row in enumerate(derived.summary, start=1):
        cells = summary_row_cells(row, missing, status_text(t, row) if changes is not None else None)
        sheet.write_number(r, 0, row.nr, number)
        for col, value in enumerate(cells[1:], start=1):
            sheet.write_string(r, col, sv_typography(value), text)
        for col in range(follow_up, len(header)):
            sheet.write_blank(r, col, None, text)
    last = len(derived.summary)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, last, len(header) - 1)
    if last:
        sheet.data_validation(1, follow_up + 1, last, follow_up + 1, {
            "validate": "list", "source": t("summary_statusval").split("|"),
            "input_message": t("summary_statusval_hjalp"), "error_type": "information",
        })
    _print_setup(sheet, t)
    if changes is not None:
        _removed_sheet(workbook, derived, t, (head, text, number))
    workbook.close()
    return out.getvalue()


def _print_setup(sheet, t) -> None:
    """A4 landscape, one page wide, header row on every page."""
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_footer(t("summary_xlsx_sidfot"))


def _removed_sheet(workbook, derived: Derived, t, formats) -> None:
    """The sheet Utgår: last year's numbered uppdrag that the plan drops, with their number and place then."""
    head, text, number = formats
    sheet = workbook.add_worksheet(t("summary_blad_utgar"))
    header = removed_header(t, derived.changes.label)
    for col, (title, width) in enumerate(zip(header, (13, 70, 17, 45))):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, title, head)
    missing = t("plan_saknas")
    for r, row in enumerate(derived.removed_summary, start=1):
        sheet.write_number(r, 0, row.nr, number)
        for col, value in enumerate(summary_row_cells(row, missing)[1:], start=1):
            sheet.write_string(r, col, sv_typography(value), text)
    sheet.freeze_panes(1, 0)
    if derived.removed_summary:
        sheet.autofilter(0, 0, len(derived.removed_summary), len(header) - 1)
    _print_setup(sheet, t)
