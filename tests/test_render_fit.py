"""Continuing text onto "(forts.)" slides: as few slides as it takes, broken at the outermost group
boundary the content allows, then as evenly filled as possible; headings stay with their text."""

from __future__ import annotations


from generator.render.fit import Box, Fonts, Indent, Run, balanced_breaks, break_cost, paginate, para

from .test_render_deck import DECK, NUMBERED, deck_of, render, slide_texts, title_of

FONTS = Fonts("Calibri")


def continued(heading):
    return para(heading.text.rstrip(":") + " (forts.)", bold=True, bullet=False, heading=True, group=heading.group)


def test_twelve_equal_items_over_two_pages_are_six_and_six_not_eleven_and_one():
    starts = balanced_breaks([10.0] * 12, 110.0, [0.0] * 12)
    assert starts == [0, 6]


def test_a_break_is_never_after_a_heading_and_prefers_the_outer_group_boundary():
    own = [para("Nämndens egna uppdrag", heading=True, group=1, groups=(1,), bullet=False)]
    own += [para(f"Nr {n}. Att göra något.", group=1, groups=(1, 10)) for n in range(7)]
    shared = [para("Gemensamma uppdrag", heading=True, group=2, groups=(2,), bullet=False)]
    shared += [para(f"Nr {50 + n}. Att göra något annat.", group=2, groups=(2, 20 + n // 3)) for n in range(9)]
    box = Box(600, FONTS.get(False).line_height(18) * 12 + 6 * 11)
    pages = paginate(own + shared, box, 18, FONTS, Indent(), continued)
    assert [len(page) for page in pages] == [8, 10]  # at "gemensamma", though 11 lines fit the first page
    assert pages[1][0].text == "Gemensamma uppdrag"
    assert break_cost(own[0], own[1]) == float("inf")
    # inside a målsättning > between two målsättningar > between "egna" and "gemensamma"
    assert break_cost(shared[2], shared[3]) > break_cost(shared[3], shared[4]) > break_cost(own[-1], shared[0])


def test_a_group_that_goes_on_repeats_its_heading_marked_continued():
    items = [para("Förvaltningen får i uppdrag:", heading=True, group=5, bullet=False)]
    items += [para(f"Att göra sak nummer {n} i hela länet.", group=5) for n in range(20)]
    box = Box(600, (FONTS.get(False).line_height(18) + 6) * 15)
    pages = paginate(items, box, 18, FONTS, Indent(), continued)
    assert len(pages) == 2 and abs(len(pages[0]) - len(pages[1])) <= 2
    assert pages[1][0].text == "Förvaltningen får i uppdrag (forts.)"


def test_the_sample_summary_continues_at_the_gemensamma_not_inside_a_malsattning():
    prs = deck_of(render()[DECK])
    slides = [s for s in prs.slides if title_of(s).startswith("Sammanfattning av uppdrag")]
    numbers = [[int(m.group(1)) for t in slide_texts(s) if (m := NUMBERED.match(t))] for s in slides]
    assert numbers == [[27, 28, 29, 30, 31, 32, 33], [50, 51, 52, 54, 55, 56, 41, 38, 59, 61]]
    assert slide_texts(slides[0])[0] == "Nämndens egna uppdrag (7 st)"
    assert slide_texts(slides[1])[0] == "Gemensamma uppdrag från fullmäktige (10 st)"


def test_words_with_no_break_spaces_are_measured_as_one():
    from generator.render.fit import wrap

    lines = wrap((Run("Ramanslag 4,6\u00a0Mnkr"),), FONTS.get(False).width("Ramanslag 4,6", 18) + 2, 18, FONTS)
    assert ["".join(r.text for r in line) for line in lines] == ["Ramanslag", "4,6\u00a0Mnkr"]
