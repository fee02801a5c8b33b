"""The Word verksamhetsplan: the same plan as the deck, as a document with real structure.

Title page, table of contents, then one section per part of the plan (SECTIONS, in order), and
the assignment summary as an appendix. Headings are real Heading 1–3 paragraphs, styrtal and
uppdrag are tables with repeating header rows, numbers are sv-SE. Content strings go into the
document as text only; titles and labels come from layouts/texter-dokument.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Pt

from ..derive import Derived, Table
from ..formatting import sv_number
from ..layout import Layout
from ..model import Area, Fokusomrade, Gemensam, Malsattning, Plan, Styrtal, Uppdrag
from .proposal import Plain, Tracked, change_tables
from .revisions import Revisions
from .word import DocxWriter, fill_header_footer, set_core_properties
from .summary import TRACKED_WIDTHS, add_summary_table, summary_header, summary_row_cells, summary_title

# Relative column widths of the recurring tables.
STYRTAL_WIDTHS = (7.6, 2.1, 3.4, 2.9)       # Styrtal | Riktning | Mål/utfall | Källa
UPPDRAG_NAMND_WIDTHS = (1.1, 12.0, 2.9)     # Nr | Uppdrag | Källa
UPPDRAG_FORV_WIDTHS = (13.1, 2.9)           # Uppdrag | Källa
NOTICE_FILL = "FFF2CC"  # light yellow behind "Underlag saknas" notices
EXAMPLE_FILL = "FFC000"  # amber behind the example-data mark, as on the deck's badge (11:1 with black text)


@dataclass
class _Ctx:
    """What every section needs: where to write, what to write, and the text templates."""

    w: DocxWriter
    plan: Plan
    derived: Derived
    t: object  # generator.texts.Texts
    items: Plain  # writes the compared items: as they are, or (the proposal) with tracked changes

    @property
    def missing(self) -> str:
        return self.t("plan_saknas")

    def kalla(self, kalla) -> str:
        """A källa in a table cell: the one str(Kalla) form ("Förslag DN 2026"), or a dash."""
        return str(kalla) if kalla is not None else self.missing


def render_plan(plan: Plan, derived: Derived, layout: Layout, proposal: bool = False) -> bytes:
    """The plan; `proposal`: the version with every change against last year's plan tracked (needs
    derived.changes), with the change tables as a last appendix."""
    t = layout.texts
    p = plan.plan
    w = DocxWriter(layout.docx_template)
    changes = derived.changes if proposal else None
    items = Tracked(w, changes, Revisions(t("plan_forslag_forfattare"), p.datum)) if changes else Plain(w)
    ctx = _Ctx(w, plan, derived, t, items)
    _title_page(ctx)
    ctx.w.page_break()
    ctx.w.toc(t("plan_innehall"))
    for section in SECTIONS:
        section(ctx)
    if changes is not None:
        ctx.w.page_break()
        ctx.w.heading(t("plan_bilaga", rubrik=t("plan_forandringar", forra=changes.label)), 1)
        change_tables(ctx.w, changes, t, p.planar, lambda kind, obj: _describe(ctx, kind, obj))
    fill_header_footer(ctx.w.doc, t("plan_sidhuvud", namnd=p.namnd.namn, ar=p.planar), t("plan_sidfot_sida"),
                       title_page=True)
    title = t("plan_dokumenttitel", namnd=p.namnd.namn, ar=p.planar)
    set_core_properties(
        ctx.w.doc, title=t("plan_forslag_dokumenttitel", titel=title) if changes else title,
        subject=t("plan_amne", namnd=p.namnd.namn, region=p.region), author=p.region, date=p.datum,
    )
    return ctx.w.finish()


# ---------------------------------------------------------------- building blocks

def _notice(ctx: _Ctx, text: str, label: str | None = None):
    """A shaded paragraph that cannot be missed (and says what it is in words, not only colour)."""
    paragraph = ctx.w.paragraph(text, label=label)
    ctx.w.shade(paragraph, NOTICE_FILL)
    return paragraph


def _example_notice(ctx: _Ctx, text: str):
    """The example-data mark over a table: the deck's words in bold on the deck's amber, then what it means."""
    paragraph = _notice(ctx, text, label=ctx.t("plan_exempeldata_etikett"))
    ctx.w.shade(paragraph, EXAMPLE_FILL)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _lead(ctx: _Ctx, text: str) -> None:
    """A bold lead-in line that stays with the list under it."""
    paragraph = ctx.w.paragraph(label=text)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.space_after = Pt(3)


def _styrtal_cells(ctx: _Ctx, item: Styrtal) -> list[str]:
    """Styrtal | Riktning | Mål/utfall | Källa."""
    t = ctx.t
    malutfall = []
    if item.utfall is not None:
        malutfall.append(t("plan_styrtal_utfall", ar=item.utfall.ar, varde=item.utfall.varde, enhet=item.enhet))
    if item.malvarde is not None:
        malutfall.append(t("plan_styrtal_malvarde", fran=item.malvarde.fran, till=item.malvarde.till,
                           enhet=item.enhet))
    return [
        t("plan_styrtal_text", text=item.text, jamforelse=list(item.jamforelse)),
        t("plan_styrtal_riktning", riktning=item.riktning) if item.riktning else ctx.missing,
        "\n".join(malutfall) or ctx.missing,
        ctx.kalla(item.kalla),
    ]


def _styrtal_table(ctx: _Ctx, caption: str, parent, styrtal: list[Styrtal]) -> None:
    t = ctx.t
    header = [t("plan_kol_styrtal"), t("plan_kol_riktning"), t("plan_kol_malutfall"), t("plan_kol_kalla")]
    ctx.items.table("styrtal", parent, styrtal, caption, header, lambda item: _styrtal_cells(ctx, item),
                    widths=STYRTAL_WIDTHS)
    for item in styrtal:
        fig = ctx.derived.figures_of(item)
        if fig is not None:
            _figures_table(ctx, fig)


def _describe(ctx: _Ctx, kind: str, obj) -> str:
    """An item's wording in the change tables: as the plan writes it (a styrtal with its direction
    and target, a numbered uppdrag with its number)."""
    if kind == "styrtal":
        return " · ".join(cell for cell in _styrtal_cells(ctx, obj)[:3] if cell != ctx.missing)
    if kind.startswith("uppdrag") and obj.nr is not None:
        return ctx.t("plan_forandringar_numrerat", nr=obj.nr, text=obj.text)
    return obj.namn if kind == "fokusområde" else obj.text


FIGURE_YEARS = 8  # the latest years shown in a figures table (the deck's chart shows them all)


def _figures_table(ctx: _Ctx, fig) -> None:
    """A styrtal's figures: one row per område, years as columns, the target last; example values marked *."""
    t = ctx.t
    years = list(fig.years[-FIGURE_YEARS:])
    planar = ctx.plan.plan.planar

    def cell(area: str, year: int) -> str:
        value = fig.values.get((area, year))
        if value is None:
            return ctx.missing
        return sv_number(value, fig.decimals) + (" *" if (area, year) in fig.examples else "")

    target = ctx.missing
    if fig.styrtal.malvarde is not None:
        m = fig.styrtal.malvarde
        target = sv_number(m.fran) + (f"–{sv_number(m.till)}" if m.till is not None and m.till != m.fran else "")
    rows = [[area] + [cell(area, y) for y in years] + [target if area == fig.own else ctx.missing]
            for area in fig.areas]
    shown = {(a, y) for a in fig.areas for y in years}
    example = bool(fig.examples & shown)
    if example:
        _example_notice(ctx, t("plan_siffror_exempel"))
    ctx.w.caption(t("plan_siffror_bildtext", rubrik=fig.title, enhet=fig.unit, exempel=example))
    header = [t("plan_siffror_kol_omrade")] + [str(y) for y in years] + [t("plan_siffror_kol_mal", ar=planar)]
    ctx.w.table(header, rows, widths=[3.6] + [1.5] * len(years) + [2.2],
                numeric=[False] + [True] * (len(years) + 1))
    trend = fig.trend
    lines = [t("plan_siffror_kalla", kalla=fig.entry.datakalla, hamtad=fig.entry.hamtad)]
    if trend is not None:
        lines.insert(0, t("styrtal_trend", fran_ar=trend.fran_ar, till_ar=trend.till_ar, ord=trend.ord,
                          i_riktning=trend.i_malets_riktning, exempel=trend.exempel).strip())
    ctx.w.paragraph(" ".join(lines))


def _numbered_uppdrag_table(ctx: _Ctx, caption: str, kind: str, parent, uppdrag: list[Uppdrag], kalla=None) -> None:
    """Nr | Uppdrag | Källa; `kalla` gives an item's källa when it has a default (gemensamma)."""
    t = ctx.t
    source = kalla or (lambda item: item.kalla)
    ctx.items.table(kind, parent, uppdrag, caption, [t("plan_kol_nr"), t("plan_kol_uppdrag"), t("plan_kol_kalla")],
                    lambda u: [str(u.nr) if u.nr is not None else ctx.missing, u.text, ctx.kalla(source(u))],
                    widths=UPPDRAG_NAMND_WIDTHS)


def _uppdrag_table(ctx: _Ctx, caption: str, parent, uppdrag: list[Uppdrag]) -> None:
    t = ctx.t
    ctx.items.table("uppdrag_förvaltning", parent, uppdrag, caption, [t("plan_kol_uppdrag"), t("plan_kol_kalla")],
                    lambda u: [u.text, ctx.kalla(u.kalla)], widths=UPPDRAG_FORV_WIDTHS)


def _economy_table(ctx: _Ctx, caption: str, table: Table) -> None:
    """A computed table from Derived, its total row, and the example-data notice when it applies."""
    t = ctx.t
    if table.anmarkning:
        ctx.w.paragraph(table.anmarkning).paragraph_format.keep_with_next = True
    if table.exempel:
        _example_notice(ctx, t("plan_exempeldata"))
        caption = t("plan_exempeldata_bildtext", rubrik=caption)

    def cells(row):
        return [row.namn] + [sv_number(v, d) for v, d in zip(row.values, table.decimals)]

    rows = [cells(row) for row in table.rows] + [cells(table.total)]
    numbers = len(table.columns) - 1
    numeric = [False] + [True] * numbers
    # Number columns about 3 cm each, the name column takes the rest of the 16 cm.
    widths = [max(6.0, 16.0 - 3.0 * numbers)] + [3.0] * numbers
    ctx.w.caption(caption)
    ctx.w.table(list(table.columns), rows, widths=widths, numeric=numeric, total=True)
    if table.kommentar:
        ctx.w.paragraph(table.kommentar)


# ---------------------------------------------------------------- sections, in document order

def _title_page(ctx: _Ctx) -> None:
    t, p = ctx.t, ctx.plan.plan
    ctx.w.title(t("plan_titel", ar=p.planar))
    ctx.w.paragraph(t("plan_undertitel", namnd=p.namnd.namn), style="Subtitle")
    ctx.w.paragraph(t("plan_titelsida_region", region=p.region))
    ctx.w.paragraph(t("plan_titelsida_forvaltning", forvaltning=p.forvaltning))
    ctx.w.paragraph(t("plan_titelsida_datum", datum=p.datum))
    if isinstance(ctx.items, Tracked):
        ctx.w.paragraph(t("plan_forslag_titelsida", forra=ctx.items.changes.label))


def _tidplan(ctx: _Ctx) -> None:
    t, p = ctx.t, ctx.plan.plan
    ctx.w.page_break()
    ctx.w.heading(t("plan_tidplan"), 1)
    rows = []
    for milstolpe in p.tidplan:
        what = milstolpe.rubrik + (f"\n{milstolpe.text}" if milstolpe.text else "")
        rows.append([t("plan_tidplan_datum", datum=milstolpe.datum), what])
    ctx.w.caption(t("plan_tidplan_bildtext", ar=p.planar))
    ctx.w.table([t("plan_tidplan_kol_datum"), t("plan_tidplan_kol_milstolpe")], rows, widths=(3.8, 12.2))


def _omvarld(ctx: _Ctx) -> None:
    t, o = ctx.t, ctx.plan.omvarld
    ctx.w.heading(t("plan_omvarld"), 1)
    ctx.w.heading(t("plan_omvarld_faktorer"), 2)
    ctx.w.bullets(o.omvarldsfaktorer)
    if o.interna_utmaningar:
        ctx.w.heading(t("plan_omvarld_interna"), 2)
        ctx.w.bullets(o.interna_utmaningar)


def _detailed(goal: Malsattning | None) -> bool:
    return goal is not None and bool(goal.styrtal or goal.fokusomraden)


def _malsattningar(ctx: _Ctx) -> None:
    t = ctx.t
    goals = ctx.plan.malsattningar.malsattningar
    detailed = [g for g in goals if _detailed(g)]
    ctx.w.page_break()
    ctx.w.heading(t("plan_malsattningar"), 1)
    ctx.w.paragraph(t("plan_malsattningar_intro", antal=ctx.derived.counts.malsattningar,
                      namnd=ctx.plan.plan.namnd.namn, nummer=[g.nr for g in detailed]))
    ctx.items.bullets("målsättning", None, goals, lambda g: t("plan_malsattning_rad", nr=g.nr, text=g.text))
    ctx.items.blocks("målsättning", None, goals, lambda goal: _goal(ctx, goal))


def _goal(ctx: _Ctx, goal: Malsattning) -> None:
    """A målsättning with styrtal or fokusområden (this year or, in the proposal, last year)."""
    t = ctx.t
    if not (_detailed(goal) or _detailed(ctx.items.previous(goal))):
        return
    ctx.items.heading(goal, lambda g: t("plan_malsattning_rubrik", nr=g.nr, text=g.text), 1)
    if ctx.items.any("styrtal", goal, goal.styrtal):
        _styrtal_table(ctx, t("plan_malsattning_styrtal_bildtext", nr=goal.nr), goal, goal.styrtal)
    ctx.items.blocks("fokusområde", goal, goal.fokusomraden, lambda fokus: _fokus(ctx, fokus, level=2))


def _fokus(ctx: _Ctx, fokus: Fokusomrade, level: int) -> None:
    """A fokusområde: heading at `level`, its mål, styrtal and uppdrag, then its delområden one level down."""
    t = ctx.t
    key = "plan_fokus_rubrik" if level == 2 else "plan_delomrade_rubrik"
    ctx.items.heading(fokus, lambda f: t(key, nr=f.nr, namn=f.namn, kalla=f.kalla), level)
    if fokus.delomraden:
        names = ", ".join(f"{d.nr} {d.namn}" for d in fokus.delomraden)
        ctx.w.paragraph(t("plan_fokus_delomraden", antal=len(fokus.delomraden), delomraden=names))
    ctx.items.blocks("mål", fokus, [fokus.mal] if fokus.mal is not None else [],
                     lambda mal: ctx.items.paragraph(mal, lambda m: t("plan_mal", text=m.text, kalla=m.kalla),
                                                     label=t("plan_mal_etikett")))
    leaf = not fokus.delomraden
    styrtal = ctx.items.any("styrtal", fokus, fokus.styrtal)  # the proposal also shows what went
    if styrtal:
        _styrtal_table(ctx, t("plan_styrtal_bildtext", nr=fokus.nr), fokus, fokus.styrtal)
    if leaf and not fokus.styrtal:
        ctx.items.note(t("plan_inga_styrtal"), new=styrtal)
    uppdrag = fokus.uppdrag
    namnd = ctx.items.any("uppdrag_nämnd", fokus, uppdrag.namnd)
    forvaltning = ctx.items.any("uppdrag_förvaltning", fokus, uppdrag.forvaltning)
    if namnd:
        _numbered_uppdrag_table(ctx, t("plan_uppdrag_namnd_bildtext", namnd=ctx.plan.plan.namnd.bestamd_form),
                                "uppdrag_nämnd", fokus, uppdrag.namnd)
    if forvaltning:
        _uppdrag_table(ctx, t("plan_uppdrag_forvaltning_bildtext"), fokus, uppdrag.forvaltning)
    if leaf and not uppdrag.namnd and not uppdrag.forvaltning:
        ctx.items.note(t("plan_inga_uppdrag"), new=namnd or forvaltning)
    ctx.items.blocks("fokusområde", fokus, fokus.delomraden, lambda sub: _fokus(ctx, sub, level + 1))


def _gemensamma(ctx: _Ctx) -> None:
    t = ctx.t
    ctx.w.page_break()
    ctx.w.heading(t("plan_gemensamma"), 1)
    ctx.w.paragraph(t("plan_gemensamma_intro"))
    ctx.items.blocks("grupp", None, ctx.plan.gemensamma.gemensamma, lambda group: _gemensam(ctx, group))


def _gemensam(ctx: _Ctx, group: Gemensam) -> None:
    t, derived = ctx.t, ctx.derived
    ctx.items.heading(group, derived.gemensam_title, 2)
    if ctx.items.any("styrtal", group, group.styrtal):
        _styrtal_table(ctx, t("plan_gemensam_styrtal_bildtext", nr=group.malsattning, tema=group.tema), group,
                       group.styrtal)
    _numbered_uppdrag_table(ctx, t("plan_gemensam_uppdrag_bildtext", mottagare=group.uppdrag_till),
                            "uppdrag_gemensamt", group, group.uppdrag, kalla=derived.gemensam_kalla)


def _ekonomi(ctx: _Ctx) -> None:
    t, e, year = ctx.t, ctx.plan.ekonomi, ctx.plan.plan.planar
    f, r = e.forutsattningar, e.resursfordelning
    ctx.w.page_break()
    ctx.w.heading(t("plan_ekonomi"), 1)

    ctx.w.heading(t("plan_forutsattningar", ar=year), 2)
    ctx.w.paragraph(t("plan_forutsattningar_intro", datum=f.beslutsdatum))
    ctx.w.bullets([
        t("plan_forutsattningar_index", procent=f.index_procent, mnkr=f.upprakning_mnkr),
        t("plan_forutsattningar_netto", netto=f.ramanslag_netto_mnkr, foregaende=f.ramanslag_foregaende_mnkr,
          ar_foregaende=year - 1),
        *f.punkter,
    ])

    ctx.w.heading(t("plan_resursfordelning"), 2)
    ctx.w.paragraph(t("plan_resursfordelning_intro", rubrik=r.rubrik, ar=r.ar))
    # The stated totals (checked against their parts by checks.py) are the total rows.
    rows = [[d.namn, sv_number(d.procent), sv_number(d.mnkr)] for d in r.upprakning]
    rows.append([t("plan_upprakning_summa"), sv_number(f.index_procent), sv_number(f.upprakning_mnkr)])
    ctx.w.caption(t("plan_upprakning_bildtext"))
    ctx.w.table([t("plan_upprakning_kol_post"), t("plan_upprakning_kol_procent"), t("plan_upprakning_kol_mnkr")],
                rows, widths=(10, 3, 3), numeric=[False, True, True], total=True)
    rows = [[d.namn, sv_number(d.kr_per_aa, 0)] for d in r.schablon]
    rows.append([t("plan_schablon_summa"), sv_number(r.schablonanslag_kr_per_aa, 0)])
    ctx.w.caption(t("plan_schablon_bildtext"))
    ctx.w.table([t("plan_schablon_kol_post"), t("plan_schablon_kol_kr")], rows, widths=(12, 4),
                numeric=[False, True], total=True)
    ctx.w.caption(t("plan_resurs_ovrigt_bildtext"))
    ctx.w.bullets([
        t("plan_resurs_projekt", timmar=r.projektfinansiering_timmar_per_aa),
        t("plan_resurs_sjuklon", procent=r.sjuklon_avrakning_procent),
        *[t("plan_resurs_reserv", namn=res.namn, mnkr=res.mnkr) for res in r.reserver],
    ])

    heading = t("plan_fordelning", ar=year)
    ctx.w.heading(heading, 2)
    _economy_table(ctx, heading, ctx.derived.fordelning)
    heading = t("plan_foreningar", ar=year)
    ctx.w.heading(heading, 2)
    _economy_table(ctx, heading, ctx.derived.foreningar)
    heading = t("plan_satsningar")
    ctx.w.heading(heading, 2)
    ctx.w.paragraph(t("plan_satsningar_datum", datum=e.satsningsutrymme.datum)).paragraph_format.keep_with_next = True
    _economy_table(ctx, heading, ctx.derived.satsningsutrymme)


def _internkontroll(ctx: _Ctx) -> None:
    t = ctx.t
    ctx.w.heading(t("plan_internkontroll"), 1)
    rows = [[risk.omrade, risk.risk] for risk in ctx.plan.internkontroll.risker]
    ctx.w.caption(t("plan_internkontroll_bildtext"))
    ctx.w.table([t("plan_internkontroll_kol_omrade"), t("plan_internkontroll_kol_risk")], rows, widths=(3, 13))


def _anvisningar(ctx: _Ctx) -> None:
    t, a = ctx.t, ctx.plan.anvisningar
    ctx.w.page_break()
    ctx.w.heading(t("plan_anvisningar"), 1)
    ctx.w.paragraph(a.syfte, label=t("plan_anvisningar_syfte_etikett"))
    for nr, steg in enumerate(a.steg, start=1):
        ctx.w.heading(t("plan_anvisningar_steg", nr=nr, rubrik=steg.rubrik), 2)
        ctx.w.paragraph(steg.text, label=f"{steg.underrubrik} " if steg.underrubrik else None)
    ctx.w.paragraph(t("plan_anvisningar_minst", insatser=a.minst_insatser, utmaningar=a.minst_utmaningar))
    ctx.w.paragraph(a.deadline_text, label=t("plan_anvisningar_deadline_etikett", datum=a.deadline))


def _overgripande(ctx: _Ctx) -> None:
    if ctx.plan.omvarld.overgripande:
        ctx.w.heading(ctx.t("plan_overgripande"), 1)
        ctx.w.bullets(ctx.plan.omvarld.overgripande)


def _area_gaps(ctx: _Ctx, area: Area) -> list[str]:
    """What an area still owes, in words; empty when its underlag is complete."""
    t, a = ctx.t, ctx.plan.anvisningar
    gaps = ctx.derived.area_gaps(area)
    base = dict(omrade=area.ref.namn, fil=gaps.fil, ansvarig=area.ref.ansvarig)
    if gaps.file_missing:
        return [t("plan_saknas_fil", deadline=a.deadline, **base)]
    out = []
    for short, key in ((gaps.insatser, "plan_saknas_insatser"), (gaps.utmaningar, "plan_saknas_utmaningar")):
        if short:
            out.append(t("plan_saknas_antal", antal=short[0], minst=short[1], vad=t(key, antal=short[0]), **base))
    return out


def _omraden(ctx: _Ctx) -> None:
    t = ctx.t
    ctx.w.page_break()
    ctx.w.heading(t("plan_omraden"), 1)
    ctx.w.paragraph(t("plan_omraden_intro"))
    for area in ctx.plan.omraden:
        ctx.w.heading(area.ref.namn, 2)
        ctx.w.paragraph(t("plan_omrade_ansvarig", ansvarig=area.ref.ansvarig)).paragraph_format.keep_with_next = True
        gaps = _area_gaps(ctx, area)
        content = area.content
        if gaps:
            partly = content is not None and bool(content.antal_insatser or content.utmaningar)
            ctx.w.heading(t("plan_underlag_delvis" if partly else "plan_underlag_saknas"), 3)
            for gap in gaps:
                _notice(ctx, gap)
        if content is None:
            continue
        if content.insatser:
            ctx.w.heading(t("plan_insatser", omrade=area.ref.namn), 3)
            for group in content.insatser:
                # The plan's own fokusområde names the group; the area's heading follows when it differs.
                namn = ctx.derived.fokus_names.get(group.fokusomrade, "")
                rubrik = group.rubrik if group.rubrik and group.rubrik != namn else None
                _lead(ctx, t("plan_insatser_fokus", nr=group.fokusomrade, namn=namn, rubrik=rubrik))
                ctx.w.bullets(group.punkter)
        if content.utmaningar:
            ctx.w.heading(t("plan_utmaningar", omrade=area.ref.namn), 3)
            # Utmaningar without a heading after one with a heading get 'Övriga utmaningar', so they do
            # not read as more points of the heading above (the deck does the same).
            headed = labelled = False
            for utmaning in content.utmaningar:
                if utmaning.rubrik:
                    _lead(ctx, utmaning.rubrik)
                    headed, labelled = True, False
                elif headed and not labelled:
                    _lead(ctx, t("plan_utmaningar_ovriga"))
                    labelled = True
                ctx.w.bullets(utmaning.punkter)


def _storregionalt(ctx: _Ctx) -> None:
    if ctx.plan.omvarld.storregionalt_samarbete:
        ctx.w.heading(ctx.t("plan_storregionalt"), 1)
        ctx.w.bullets(ctx.plan.omvarld.storregionalt_samarbete)


def _bilaga(ctx: _Ctx) -> None:
    t = ctx.t
    ctx.w.page_break()
    ctx.w.heading(t("plan_bilaga", rubrik=summary_title(ctx.plan, ctx.derived, t)), 1)
    if not isinstance(ctx.items, Tracked):
        add_summary_table(ctx.w, ctx.plan, ctx.derived, t)
        return
    ctx.items.summary_table(t("summary_bildtext", namnd=ctx.plan.plan.namnd.in_sentence), summary_header(t),
                            ctx.derived.summary, ctx.derived.removed_summary,
                            lambda row: summary_row_cells(row, ctx.missing), widths=TRACKED_WIDTHS)


# The document's order follows the reference: the proposal (tidplan … gemensamma), the economy,
# then the areas' presentation (anvisningar, övergripande, areas, storregionalt samarbete).
SECTIONS = (_tidplan, _omvarld, _malsattningar, _gemensamma, _ekonomi, _internkontroll,
            _anvisningar, _overgripande, _omraden, _storregionalt, _bilaga)
