"""What each section of the outline shows: plan content turned into slide specs (specs.py).

Specs are unpaginated and layout-free; deck.py fits them to the template and continues them
onto "(forts.)" slides. Every title, label and tag format comes from the layout's text
templates; content strings are only ever values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..derive import Derived, Table
from ..formatting import shorten, sv_date, sv_list, sv_number
from ..model import Area, Plan, Styrtal, Uppdrag
from .deck_changes import beslutsforslag, forandringar, item_runs, labelled, note, utgar
from .fit import Para, Run, para
from .specs import (ChartPanel, ChartSeries, ChartSpec, Milestone, SectionSpec, Spec, TableSpec, TextSpec,
                    TimelineSpec, TitleSpec)


@dataclass
class Context:
    plan: Plan
    derived: Derived
    t: callable  # Texts
    _group: int = field(default=0)
    charted: set[str] = field(default_factory=set)  # figure groups whose charts are in the deck already

    def group(self) -> int:
        self._group += 1
        return self._group

    @property
    def namnd(self) -> str:
        return self.plan.plan.namnd.namn


def styrtal_values(s: Styrtal) -> dict:
    """The template values of a styrtal line: numbers formatted, direction not said twice."""
    unit = f" {s.enhet}" if s.enhet else ""
    malvarde = None
    if s.malvarde is not None:
        malvarde = sv_number(s.malvarde.fran)
        if s.malvarde.till is not None:
            malvarde += f"–{sv_number(s.malvarde.till)}"
        malvarde += unit
    return dict(
        text=s.text, jamforelse=list(s.jamforelse), riktning=s.riktning,
        riktning_i_text=s.said_in_text is not None,
        utfall=f"{sv_number(s.utfall.varde)}{unit}" if s.utfall else None,
        utfall_ar=s.utfall.ar if s.utfall else None, malvarde=malvarde, kalla=s.kalla,
    )


def trend_text(ctx: Context, s: Styrtal) -> str | None:
    """' Trend 2023–2024: minskar, i målets riktning.' when the styrtal has two years of figures."""
    fig = ctx.derived.figures_of(s)
    trend = fig.trend if fig is not None else None
    if trend is None:
        return None
    return ctx.t("styrtal_trend", fran_ar=trend.fran_ar, till_ar=trend.till_ar, ord=trend.ord,
                 i_riktning=trend.i_malets_riktning, exempel=trend.exempel)


def styrtal_paras(ctx: Context, items: list[Styrtal], level: int = 0) -> list[Para]:
    if not items:
        return []
    group = ctx.group()
    out = [para(ctx.t("styrtal_etikett"), bold=True, bullet=False, heading=True, group=group, space_before=10)]
    for s in items:
        runs = (Run(ctx.t("styrtal_rad", **styrtal_values(s))),)
        trend = trend_text(ctx, s)
        if trend:
            runs += (Run(trend, True),)
        line = note(ctx, f"Styrtal ”{shorten(s.text, 60)}”", s.kalla, s,
                    lambda old: ctx.t("styrtal_rad", **styrtal_values(old)))
        out.append(Para(item_runs(ctx, s, runs), level=level, group=group, note=line))
    return out


def uppdrag_paras(ctx: Context, label: str, items: list[Uppdrag], numbered: bool, kalla_default=None,
                  show_kalla: bool = True) -> list[Para]:
    if not items:
        return []
    group = ctx.group()
    out = [para(label, bold=True, bullet=False, heading=True, group=group, space_before=10)]
    for u in items:
        kalla = u.kalla or kalla_default
        text = ctx.t("uppdrag_rad", text=u.text, kalla=u.kalla if show_kalla else None)
        runs = ((Run(ctx.t("uppdrag_nr_rad", nr=u.nr), True),) if numbered and u.nr is not None else ()) + (Run(text),)
        what = f"Nr {u.nr}" if u.nr is not None else f"Uppdrag ”{shorten(u.text, 60)}”"
        out.append(Para(item_runs(ctx, u, runs), group=group, note=note(ctx, what, kalla, u)))
    return out


# ---------------------------------------------------------------- sections

def titel(ctx: Context, section) -> list[Spec]:
    pres = ctx.plan.plan.presentationer[section.innehall]
    return [TitleSpec(pres.titel, [ctx.t("titel_undertitel", namnd=ctx.namnd),
                                   ctx.t("titel_region", region=ctx.plan.plan.region),
                                   ctx.t("titel_datum", datum=pres.datum.isoformat())])]


def tidplan(ctx: Context, section) -> list[Spec]:
    years = {m.datum.year for m in ctx.plan.plan.tidplan}  # dates in more than one year carry their year
    items = [Milestone(ctx.t("tidplan_datum", datum=m.datum, flera_ar=len(years) > 1), m.rubrik, m.text)
             for m in ctx.plan.plan.tidplan]
    described = "; ".join(
        f"{sv_date(m.datum, 'd MMMM y')}: {m.rubrik}{(' ' + m.text) if m.text else ''}" for m in ctx.plan.plan.tidplan)
    return [TimelineSpec(ctx.t("tidplan"), items, ctx.t("tidplan_alt", antal=len(items), punkter=described))]


def punktlista(ctx: Context, section) -> list[Spec]:
    items = getattr(ctx.plan.omvarld, {
        "omvärldsfaktorer": "omvarldsfaktorer", "interna_utmaningar": "interna_utmaningar",
        "övergripande": "overgripande", "storregionalt_samarbete": "storregionalt_samarbete",
    }[section.innehall])
    return [TextSpec(ctx.t(section.rubrik), [para(text) for text in items])] if items else []


def malsattningar(ctx: Context, section) -> list[Spec]:
    def line(g) -> str:
        return ctx.t("malsattning_rad", nr=g.nr, text=g.text)

    paras = [Para(item_runs(ctx, g, (Run(line(g)),)), note=note(ctx, f"Målsättning {g.nr}", None, g, line))
             for g in ctx.plan.malsattningar.malsattningar]
    return [TextSpec(ctx.t("malsattningar"), paras)]


def malsattningar_med_styrtal(ctx: Context, section) -> list[Spec]:
    paras: list[Para] = []
    for goal in ctx.derived.goals_with_styrtal:
        outer = ctx.group()
        paras.append(para(ctx.t("malsattning_rad", nr=goal.nr, text=goal.text), bold=True, bullet=False,
                          space_before=12 if paras else 0, groups=(outer,)))
        paras += [replace(p, groups=(outer, p.group)) for p in styrtal_paras(ctx, goal.styrtal)]
    if not paras:
        return []
    charts = [spec for goal in ctx.derived.goals_with_styrtal for spec in chart_specs(ctx, f"mal:{goal.nr}")]
    return [TextSpec(ctx.t("malsattningar_styrtal"), paras)] + charts


def heading_runs(ctx: Context, obj, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """A heading line's runs: labelled when new or changed, never quieter (it heads its group)."""
    change = ctx.derived.change_of(obj)
    return labelled(ctx, change.status if change is not None and change.status != "oförändrad" else None, runs)


def malstruktur(ctx: Context, section) -> list[Spec]:
    specs = []
    for goal in ctx.derived.goals_with_fokus:
        paras = []
        for fokus in goal.fokusomraden:
            group = ctx.group()
            runs = (Run(ctx.t("malstruktur_fokus", nr=fokus.nr, namn=fokus.namn, kalla=fokus.kalla), True),)
            paras.append(Para(heading_runs(ctx, fokus, runs), bullet=False, heading=bool(fokus.delomraden),
                              group=group, space_before=14))
            paras += [Para(heading_runs(ctx, d, (Run(ctx.t("malstruktur_delomrade", nr=d.nr, namn=d.namn,
                                                                kalla=d.kalla)),)), level=1, group=group)
                      for d in fokus.delomraden]
        specs.append(TextSpec(ctx.t("malstruktur", nr=goal.nr, text=goal.text), paras))
    return specs


def fokusomraden(ctx: Context, section) -> list[Spec]:
    specs = []
    label_namnd = ctx.t("uppdrag_namnd_etikett", namnd=ctx.plan.plan.namnd.bestamd_form)

    def mal_line(m) -> str:
        return ctx.t("mal_rad", text=m.text, kalla=m.kalla)

    for place in ctx.derived.fokus_places:
        fokus = place.fokus
        base = ctx.t("fokus_rubrik", nr=fokus.nr, namn=place.title_name)
        mal = []
        if fokus.mal is not None:
            mal = [Para(item_runs(ctx, fokus.mal, (Run(mal_line(fokus.mal)),)), bullet=False, space_before=0,
                        note=note(ctx, "Mål", fokus.mal.kalla, fokus.mal, mal_line))]
        styrtal = styrtal_paras(ctx, fokus.styrtal) or [para(ctx.t("inga_styrtal"), bullet=False, space_before=10)]
        uppdrag = (uppdrag_paras(ctx, label_namnd, fokus.uppdrag.namnd, numbered=True)
                   + uppdrag_paras(ctx, ctx.t("uppdrag_forvaltning_etikett"), fokus.uppdrag.forvaltning, numbered=False))
        uppdrag = uppdrag or [para(ctx.t("inga_uppdrag"), bullet=False, space_before=10)]
        specs.append(TextSpec(ctx.t("fokus_styrtal", rubrik=base), mal + styrtal))
        specs += chart_specs(ctx, f"fokus:{fokus.nr}")
        specs.append(TextSpec(ctx.t("fokus_uppdrag", rubrik=base), mal + uppdrag))
    return specs


def gemensamma_inledning(ctx: Context, section) -> list[Spec]:
    return [SectionSpec(ctx.t("gemensamma_inledning"), ctx.t("gemensamma_inledning_text"))]


def gemensamma(ctx: Context, section) -> list[Spec]:
    specs: list[Spec] = []
    pending_topics: list = []

    index = {id(group): i for i, group in enumerate(ctx.plan.gemensamma.gemensamma)}

    def body(group) -> list[Para]:
        outer = ctx.group()
        out = [para(ctx.derived.gemensam_title(group), bold=True, bullet=False, space_before=14)]
        out += styrtal_paras(ctx, group.styrtal)
        label = ctx.t("gemensamma_uppdrag_etikett", mottagare=group.uppdrag_till)
        out += uppdrag_paras(ctx, label, group.uppdrag, numbered=True,
                             kalla_default=ctx.plan.gemensamma.kalla)
        return [replace(p, groups=(outer,) + ((p.group,) if p.group is not None else ())) for p in out]

    def charts(groups) -> list[Spec]:
        return [spec for g in groups for spec in chart_specs(ctx, f"gemensam:{index[id(g)]}")]

    def flush() -> None:
        if pending_topics:
            title = ctx.t("gemensamma_rubrik", vad="; ".join(g.tema for g in pending_topics))
            specs.append(TextSpec(title, [p for g in pending_topics for p in body(g)]))
            specs.extend(charts(pending_topics))
            pending_topics.clear()

    # Consecutive groups without a målsättning (themes) share a slide, as in the reference.
    for group in ctx.plan.gemensamma.gemensamma:
        if group.malsattning is None:
            pending_topics.append(group)
            continue
        flush()
        title = ctx.t("gemensamma_rubrik", vad=ctx.t("gemensamma_malsattning_kort", nr=group.malsattning))
        specs.append(TextSpec(title, body(group)))
        specs.extend(charts([group]))
    flush()
    return specs


def uppdragssammanfattning(ctx: Context, section) -> list[Spec]:
    """Every numbered uppdrag to the nämnd: its own, then the gemensamma (each under its heading
    when there are both), so a continuation slide starts at one of those, or at a målsättning."""
    rows = ctx.derived.summary
    parts = [(False, [r for r in rows if not r.gemensam]), (True, [r for r in rows if r.gemensam])]
    parts = [(shared, items) for shared, items in parts if items]
    paras: list[Para] = []
    for shared, items in parts:
        outer = ctx.group()
        if len(parts) > 1:
            key = "sammanfattning_gemensamma" if shared else "sammanfattning_egna"
            paras.append(para(ctx.t(key, antal=len(items)), bold=True, bullet=False, heading=True, group=outer,
                              groups=(outer,), space_before=12 if paras else 0))
        places: dict[str, int] = {}
        for row in items:
            inner = places.setdefault(row.placering if shared else "", ctx.group())
            runs = labelled(ctx, row.status, (Run(ctx.t("uppdrag_nr_rad", nr=row.nr), True), Run(row.text)))
            paras.append(Para(runs, group=outer, groups=(outer, inner), note=note(ctx, f"Nr {row.nr}", row.kalla)))
    namnd = ctx.plan.plan.namnd.in_sentence
    title = ctx.t("sammanfattning_uppdrag", namnd=namnd, antal=len(rows))
    return [TextSpec(title, paras, continued=ctx.t("sammanfattning_uppdrag_forts", namnd=namnd))]


def sammanfattning_antal(ctx: Context, section) -> list[Spec]:
    c = ctx.derived.counts

    def row(key: str, total: int, new: int | None) -> tuple[str, ...]:
        return (ctx.t(key), str(total), "–" if new is None else str(new), "–" if new is None else str(total - new))

    rows = [
        row("sammanfattning_rad_malsattningar", c.malsattningar, None),
        row("sammanfattning_rad_fokus", c.fokus, c.fokus_nya),
        row("sammanfattning_rad_styrtal", c.styrtal, c.styrtal_nya),
        row("sammanfattning_rad_uppdrag_namnd", c.uppdrag_namnd, c.uppdrag_namnd_nya),
        row("sammanfattning_rad_uppdrag_forvaltning", c.uppdrag_forvaltning, c.uppdrag_forvaltning_nya),
        row("sammanfattning_rad_gemensamma", c.uppdrag_gemensamma, c.uppdrag_gemensamma_nya),
    ]
    return [TableSpec(ctx.t("sammanfattning_antal"), tuple(ctx.t("sammanfattning_kolumner").split("|")), rows,
                      widths=(3.2, 1, 1, 1), numeric=(False, True, True, True),
                      footnote=ctx.t("sammanfattning_fotnot"))]


def ekonomiska_forutsattningar(ctx: Context, section) -> list[Spec]:
    fu = ctx.plan.ekonomi.forutsattningar
    paras = [
        para(ctx.t("ekonomi_index", namnd=ctx.namnd, index=fu.index_procent, mnkr=fu.upprakning_mnkr)),
        para(ctx.t("ekonomi_netto", netto=fu.ramanslag_netto_mnkr, foregaende=fu.ramanslag_foregaende_mnkr)),
    ] + [para(text) for text in fu.punkter]
    title = ctx.t("ekonomi_forutsattningar", planar=ctx.plan.plan.planar, beslutsdatum=fu.beslutsdatum.isoformat())
    return [TextSpec(title, paras)]


def resursfordelningsmodell(ctx: Context, section) -> list[Spec]:
    rf = ctx.plan.ekonomi.resursfordelning
    fu = ctx.plan.ekonomi.forutsattningar
    group = ctx.group()
    paras = [para(rf.rubrik, bold=True, bullet=False, heading=True, group=group, space_before=0),
             para(ctx.t("resurs_justering", procent=fu.index_procent, mnkr=fu.upprakning_mnkr), group=group)]
    paras += [para(ctx.t("resurs_del", namn=d.namn, procent=d.procent, mnkr=d.mnkr), level=1, group=group)
              for d in rf.upprakning]
    paras.append(para(ctx.t("resurs_schablon", kr=rf.schablonanslag_kr_per_aa), group=group, space_before=12))
    paras += [para(ctx.t("resurs_schablondel", namn=d.namn, kr=d.kr_per_aa), level=1, group=group) for d in rf.schablon]
    paras.append(para(ctx.t("resurs_projekt", timmar=rf.projektfinansiering_timmar_per_aa), group=group, space_before=12))
    paras.append(para(ctx.t("resurs_sjuklon", procent=rf.sjuklon_avrakning_procent), group=group))
    paras += [para(ctx.t("resurs_reserv", namn=r.namn, mnkr=r.mnkr), group=group) for r in rf.reserver]
    return [TextSpec(ctx.t("resursfordelning", namnd=ctx.namnd, ar=rf.ar), paras)]


def _table_spec(ctx: Context, title: str, table: Table, widths: tuple[float, ...], side: str | None) -> TableSpec:
    def cells(row) -> tuple[str, ...]:
        return (row.namn,) + tuple(sv_number(v, d) for v, d in zip(row.values, table.decimals))

    return TableSpec(
        title, table.columns, [cells(r) for r in table.rows], total=cells(table.total), widths=widths,
        numeric=(False,) + (True,) * len(table.decimals), intro=table.anmarkning, side=side,
        marker=ctx.t("exempeldata") if table.exempel else None,
    )


def tabell(ctx: Context, section) -> list[Spec]:
    plan, d = ctx.plan.plan, ctx.derived
    if section.innehall == "fördelning":
        title = ctx.t("tabell_fordelning", namnd_bestamd=plan.namnd.bestamd_form, planar=plan.planar)
        return [_table_spec(ctx, title, d.fordelning, (2.6, 1.2, 1.2, 1.2), d.fordelning.kommentar)]
    if section.innehall == "uppräkning_föreningar":
        title = ctx.t("tabell_foreningar", planar=plan.planar)
        return [_table_spec(ctx, title, d.foreningar, (2.6, 1.2, 1.2, 1.2), None)]
    su = ctx.plan.ekonomi.satsningsutrymme
    title = ctx.t("tabell_satsningar", datum=su.datum.isoformat())
    return [_table_spec(ctx, title, d.satsningsutrymme, (3.0, 1.0), None)]


def internkontroll(ctx: Context, section) -> list[Spec]:
    paras = []
    by_area: dict[str, list[str]] = {}
    for risk in ctx.plan.internkontroll.risker:
        by_area.setdefault(risk.omrade, []).append(risk.risk)
    for area, risks in by_area.items():
        group = ctx.group()
        paras.append(para(area, bold=True, bullet=False, heading=True, group=group, space_before=12))
        paras += [para(text, group=group) for text in risks]
    return [TextSpec(ctx.t("internkontroll"), paras)]


def anvisningar(ctx: Context, section) -> list[Spec]:
    anv = ctx.plan.anvisningar
    paras = [Para((Run(ctx.t("anvisningar_syfte"), True), Run(anv.syfte)), bullet=False, space_before=0),
             para(ctx.t("anvisningar_instruktioner"), bold=True, bullet=False, space_before=12)]
    for n, step in enumerate(anv.steg, start=1):
        group = ctx.group()
        paras.append(para(ctx.t("anvisningar_steg", nr=n, rubrik=step.rubrik), bold=True, bullet=False,
                          heading=True, group=group, space_before=10))
        if step.underrubrik:
            paras.append(para(step.underrubrik, bullet=False, level=0, group=group, space_before=2))
        paras.append(para(step.text, level=0, group=group))
    paras.append(para(ctx.t("anvisningar_deadline", deadline=anv.deadline, text=anv.deadline_text), bold=True,
                      bullet=False, space_before=12))
    title = ctx.t("anvisningar", planar=ctx.plan.plan.planar, namnd=ctx.namnd)
    return [TextSpec(title, paras)]


def area_missing(ctx: Context, area: Area) -> list[str]:
    """What an area still lacks, as lines for an 'Underlag saknas' slide (empty when complete)."""
    gaps = ctx.derived.area_gaps(area)
    if gaps.file_missing:
        return [ctx.t("omrade_saknas_fil", fil=gaps.fil)]
    lines = []
    if gaps.insatser:
        lines.append(ctx.t("omrade_saknas_insatser", antal=gaps.insatser[0], minst=gaps.insatser[1]))
    if gaps.utmaningar:
        lines.append(ctx.t("omrade_saknas_utmaningar", antal=gaps.utmaningar[0], minst=gaps.utmaningar[1]))
    return lines


def _partly_filled(area: Area) -> bool:
    """The area's file has some insatser or utmaningar, just not enough: 'delvis ifyllt', not 'saknas'."""
    content = area.content
    return content is not None and bool(content.antal_insatser or content.utmaningar)


def _top_fokus_count(ctx: Context) -> int:
    """The plan's fokusområden under its målsättningar (4.1, 4.2, 4.3: three), as the slide title counts them."""
    return sum(len(goal.fokusomraden) for goal in ctx.derived.goals_with_fokus)


def _utmaning_paras(ctx: Context, utmaningar: list) -> list[Para]:
    """Each utmaning its own group. Utmaningar without a heading that follow one with a heading get a
    heading of their own ('Övriga utmaningar'), so they do not read as more points of the one above."""
    paras: list[Para] = []
    headed = False
    label: int | None = None  # the group of the current 'Övriga utmaningar' heading
    for challenge in utmaningar:
        if challenge.rubrik:
            gid, label, headed = ctx.group(), None, True
            paras.append(para(challenge.rubrik, bold=True, bullet=False, heading=True, group=gid, space_before=10))
        elif headed and label is None:
            gid = label = ctx.group()
            paras.append(para(ctx.t("omrade_utmaningar_ovriga"), bold=True, bullet=False, heading=True, group=gid,
                              space_before=10))
        else:
            gid = label if label is not None else ctx.group()
        paras += [para(text, group=gid, level=0) for text in challenge.punkter]
    return paras


def omraden(ctx: Context, section) -> list[Spec]:
    specs: list[Spec] = []
    for area in ctx.plan.omraden:
        name = area.ref.namn
        specs.append(SectionSpec(ctx.t("omrade_avsnitt", omrade=name)))
        missing = area_missing(ctx, area)
        if missing:
            lines = missing + [ctx.t("omrade_saknas_ansvarig", ansvarig=area.ref.ansvarig, deadline=ctx.plan.anvisningar.deadline)]
            title = ctx.t("omrade_delvis" if _partly_filled(area) else "omrade_saknas", omrade=name)
            specs.append(TextSpec(title, [para(x, bullet=False) for x in lines]))
        content = area.content
        if content is None:
            continue
        if content.insatser:
            paras = []
            for group in content.insatser:
                gid = ctx.group()
                heading = group.rubrik or ctx.derived.fokus_names.get(group.fokusomrade, group.fokusomrade)
                paras.append(para(heading, bold=True, bullet=False, heading=True, group=gid, space_before=10))
                paras += [para(text, group=gid) for text in group.punkter]
            title = ctx.t("omrade_insatser", omrade=name, antal=_top_fokus_count(ctx))
            specs.append(TextSpec(title, paras))
        if content.utmaningar:
            specs.append(TextSpec(ctx.t("omrade_utmaningar", omrade=name), _utmaning_paras(ctx, content.utmaningar)))
    return specs


# ---------------------------------------------------------------- styrtal figures as charts

def _unit_title(ctx: Context, unit: str | None) -> str:
    return ctx.t("diagram_enhet", enhet=unit)


def _target_text(fig) -> str:
    t = fig.styrtal.malvarde
    text = sv_number(t.fran) + (f"–{sv_number(t.till)}" if t.till is not None and t.till != t.fran else "")
    return text + (f" {fig.unit}" if fig.unit and fig.unit != "index" else "")


def _value_text(fig, value) -> str:
    return sv_number(value, fig.decimals) + (f" {fig.unit}" if fig.unit and fig.unit != "index" else "")


def _source(ctx: Context, fig) -> str:
    return ctx.t("diagram_kalla", kalla=fig.entry.datakalla)


def _notes(ctx: Context, fig) -> list[str]:
    """The fetch date goes to the speaker notes (the slide's source line stays short)."""
    entry = fig.entry
    if entry.hamtad is None:
        return []
    return [ctx.t("diagram_anteckning_hamtad", rubrik=fig.title, kalla=entry.datakalla, hamtad=entry.hamtad,
                  kolada=entry.kolada)]


def line_panel(ctx: Context, fig):
    """The own county's values over the years, with the target band or line."""
    years = list(fig.own_years)
    last = years[-1]
    if fig.target is not None and ctx.plan.plan.planar > last:
        last = ctx.plan.plan.planar  # the target is the plan year's: the band reaches it
    categories = list(range(years[0], last + 1))
    real = [None if (fig.own, y) in fig.examples else fig.values.get((fig.own, y)) for y in categories]
    example = [fig.values.get((fig.own, y)) if (fig.own, y) in fig.examples else None for y in categories]
    # A real value next to an example one is repeated in the example line, so the two lines meet.
    joints = [i for i, v in enumerate(real) if v is not None and any(
        0 <= j < len(example) and example[j] is not None for j in (i - 1, i + 1))]
    for i in joints:
        example[i] = real[i]
    has_example = any(v is not None for i, v in enumerate(example) if i not in joints)
    band = target = None
    if fig.target is not None:
        lo, hi = fig.target
        if lo == hi:
            target = lo
        else:
            band = (lo, hi)
    first, final = years[0], years[-1]
    examples = sorted(y for (area, y) in fig.examples if area == fig.own)
    alt = ctx.t(
        "diagram_linje_alt", rubrik=fig.title, omrade=fig.own, fran_ar=first, till_ar=final,
        fran=_value_text(fig, fig.values[(fig.own, first)]), till=_value_text(fig, fig.values[(fig.own, final)]),
        riktning=("ökade" if fig.values[(fig.own, final)] > fig.values[(fig.own, first)] else
                  "minskade" if fig.values[(fig.own, final)] < fig.values[(fig.own, first)] else "var oförändrat"),
        mal=_target_text(fig) if fig.target is not None else None, malar=ctx.plan.plan.planar,
        antal=len(years), exempel=_years_text(examples))
    planar = ctx.plan.plan.planar
    return ChartPanel(
        kind="linje", title=fig.title, categories=[str(y) for y in categories],
        target_at=categories.index(planar) if planar in categories else None, ceiling=_ceiling(fig),
        values=ChartSeries(ctx.t("diagram_utfall"), real), decimals=fig.decimals,
        value_axis_title=_unit_title(ctx, fig.unit), category_axis_title=ctx.t("diagram_ar"),
        source=_source(ctx, fig), alt=alt,
        note=ctx.t("diagram_exempel_linje") if has_example else None,
        band=band, band_name=ctx.t("diagram_mal", mal=_target_text(fig)) if band else "",
        target=target, target_name=ctx.t("diagram_mal", mal=_target_text(fig)) if target is not None else "",
        examples=ChartSeries(ctx.t("diagram_exempelserie"), example) if has_example else None,
        joints=joints if has_example else [], example=has_example, notes=_notes(ctx, fig),
    )


def _ceiling(fig):
    """A share (per cent) cannot pass 100: its axis stops there."""
    return Decimal(100) if (fig.unit or "").strip().lower() in ("%", "procent") else None


def _years_text(years: list[int]) -> str | None:
    """'2021–2023' for a run of years, else '2019, 2021 och 2023'; None for none."""
    if not years:
        return None
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}–{years[-1]}"
    return sv_list([str(y) for y in years])


def bar_panel(ctx: Context, fig):
    """The latest year with comparison figures: one bar per county, the own county highlighted."""
    year = fig.latest_common_year
    if year is None:
        return None
    areas = [a for a in fig.areas if (a, year) in fig.values]
    areas.sort(key=lambda a: -fig.values[(a, year)])
    values = [fig.values[(a, year)] for a in areas]
    own_value = fig.values[(fig.own, year)]
    higher = [f"{a} ({_value_text(fig, fig.values[(a, year)])})" for a in areas if fig.values[(a, year)] > own_value]
    lower = [f"{a} ({_value_text(fig, fig.values[(a, year)])})" for a in areas
             if a != fig.own and fig.values[(a, year)] < own_value]
    same = [a for a in areas if a != fig.own and fig.values[(a, year)] == own_value]
    example = any((a, year) in fig.examples for a in areas)
    alt = ctx.t("diagram_stapel_alt", rubrik=fig.title, ar=year, enhet=fig.unit, omrade=fig.own,
                varde=_value_text(fig, own_value), hogre=higher, lagre=lower, samma=same, exempel=example)
    return ChartPanel(
        kind="stapel", ceiling=_ceiling(fig), title=ctx.t("diagram_stapel_rubrik", rubrik=fig.title, ar=year, omrade=fig.own),
        categories=areas, values=ChartSeries(str(year), values), decimals=fig.decimals,
        value_axis_title=_unit_title(ctx, fig.unit), category_axis_title=ctx.t("diagram_lan"),
        source=_source(ctx, fig), alt=alt, note=ctx.t("diagram_exempel_stapel") if example else None,
        highlight=areas.index(fig.own), example=example, notes=_notes(ctx, fig),
    )


def _group_title(ctx: Context, group: str) -> str:
    kind, _, key = group.partition(":")
    if kind == "fokus":
        place = next((p for p in ctx.derived.fokus_places if p.fokus.nr == key), None)
        name = place.title_name if place else ctx.derived.fokus_names.get(key, key)
        return ctx.t("diagram_rubrik", rubrik=ctx.t("fokus_rubrik", nr=key, namn=name))
    if kind == "gemensam":
        gem = ctx.plan.gemensamma.gemensamma[int(key)]
        vad = ctx.t("gemensamma_malsattning_kort", nr=gem.malsattning) if gem.malsattning is not None else gem.tema
        return ctx.t("diagram_rubrik", rubrik=ctx.t("gemensamma_rubrik", vad=vad))
    return ctx.t("diagram_rubrik", rubrik=ctx.t("diagram_malsattning", nr=key))


DIAGRAM_KINDS = {"fokusområden": "fokus", "gemensamma": "gemensam", "målsättningar": "mal"}


def chart_specs(ctx: Context, group: str) -> list[Spec]:
    """The charts of one figure group ("fokus:4.1.1", "mal:4", "gemensam:3"), once per deck: the
    fokusområden, målsättningar and gemensamma sections put them right after the slide they
    illustrate; a styrtal_diagram section shows the groups that are not in the deck yet."""
    if group in ctx.charted:
        return []
    panels = []
    for fig in ctx.derived.figures:
        if fig.group != group:
            continue
        if fig.own_years:
            panels.append(line_panel(ctx, fig))
        bar = bar_panel(ctx, fig) if fig.comparison else None
        if bar is not None:
            panels.append(bar)
    if not panels:
        return []
    ctx.charted.add(group)
    return [ChartSpec(_group_title(ctx, group), panels, marker=ctx.t("exempeldata"))]


def styrtal_diagram(ctx: Context, section) -> list[Spec]:
    """Per fokusområde (or gemensam group, or målsättning) with figures not shown yet: its charts."""
    wanted = DIAGRAM_KINDS.get(section.innehall) if section.innehall else None
    groups = dict.fromkeys(fig.group for fig in ctx.derived.figures
                           if wanted is None or fig.group.startswith(wanted + ":"))
    return [spec for group in groups for spec in chart_specs(ctx, group)]


def avslutning(ctx: Context, section) -> list[Spec]:
    return [SectionSpec(ctx.t("fragor"))]


SECTIONS = {
    "titel": titel, "tidplan": tidplan, "punktlista": punktlista, "målsättningar": malsattningar,
    "målsättningar_med_styrtal": malsattningar_med_styrtal, "målstruktur": malstruktur,
    "fokusområden": fokusomraden, "gemensamma_inledning": gemensamma_inledning, "gemensamma": gemensamma,
    "uppdragssammanfattning": uppdragssammanfattning, "sammanfattning_antal": sammanfattning_antal,
    "ekonomiska_förutsättningar": ekonomiska_forutsattningar, "resursfördelningsmodell": resursfordelningsmodell,
    "tabell": tabell, "internkontroll": internkontroll, "anvisningar": anvisningar, "områden": omraden,
    "avslutning": avslutning, "styrtal_diagram": styrtal_diagram,
    "förändringar": forandringar, "utgår": utgar, "beslutsförslag": beslutsforslag,
}
