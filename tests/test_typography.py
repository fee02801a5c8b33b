"""Swedish typography at render time: no-break spaces and en dashes where Swedish wants them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.formatting import sv_number
from generator.typography import NBSP, sv_typography

N = NBSP


@pytest.mark.parametrize("written, shown", [
    ("Justering 3,1 % eller 4,6 Mnkr", f"Justering 3,1{N}% eller 4,6{N}Mnkr"),
    ("Sammanfattning (57 st)", f"Sammanfattning (57{N}st)"),
    ("Schablonanslag 16 503 kr/åa", f"Schablonanslag 16{N}503{N}kr/åa"),
    ("per 1 000 invånare", f"per 1{N}000 invånare"),
    ("inom 4 år", f"inom 4{N}år"),
    ("Nr 27. Att främja", f"Nr{N}27. Att främja"),
    ("bredband om minst 100 Mbit/s", f"bredband om minst 100{N}Mbit/s"),
])
def test_a_number_and_its_unit_stay_on_one_line(written, shown):
    assert sv_typography(written) == shown


@pytest.mark.parametrize("written, shown", [
    ("Att främja. (DN 2025)", f"Att främja. (DN{N}2025)"),
    ("(Förslag DN 2026)", f"(Förslag{N}DN{N}2026)"),
    ("(Förslag till DN 2026)", f"(Förslag{N}till{N}DN{N}2026)"),
    ("(Från FM)", f"(Från{N}FM)"),
    ("(Ny målformulering 2026)", f"(Ny{N}målformulering{N}2026)"),
    ("(inte en källa här)", "(inte en källa här)"),
])
def test_a_kalla_tag_is_one_unit(written, shown):
    assert sv_typography(written) == shown


@pytest.mark.parametrize("written, shown", [
    ("17 juni", f"17{N}juni"),
    ("senast 10 augusti 2025.", f"senast 10{N}augusti{N}2025."),
])
def test_a_date_stays_on_one_line(written, shown):
    assert sv_typography(written) == shown


@pytest.mark.parametrize("written, shown", [
    ("1-2 årig eftergymnasial", "1–2 årig eftergymnasial"),
    ("Andelen förvärvsarbetande, 20-64 år", f"Andelen förvärvsarbetande, 20–64{N}år"),
    ("barn 0-17 år", f"barn 0–17{N}år"),
    ("Mål 6,3-6,1%", "Mål 6,3–6,1%"),
    ("Program 2026-2030", "Program 2026–2030"),
    ("1-2-årig", "1–2-årig"),
])
def test_a_numeric_range_takes_an_en_dash(written, shown):
    assert sv_typography(written) == shown


@pytest.mark.parametrize("kept", ["2025-09-29", "Vp-2026", "jan-april", "UF-företag", "−2,4", "Nr 27-talet", "2024 76"])
def test_dates_compounds_and_lone_numbers_are_left_alone(kept):
    assert sv_typography(kept).replace(NBSP, " ") == kept


def test_it_is_idempotent_and_leaves_text_without_numbers_as_it_is():
    text = "Andelen 20-64 år (DN 2025), 17 juni: 4,6 Mnkr och (57 st)."
    once = sv_typography(text)
    assert sv_typography(once) == once
    assert sv_typography("Grön omställning") == "Grön omställning"
    assert sv_typography("") == ""


@pytest.mark.parametrize("value, decimals, shown", [
    ("11700.25", 1, "11\u00a0700,3"), ("-300.25", 1, "-300,3"), ("-1.25", 1, "-1,3"), ("2.5", 0, "3"),
    ("0.125", 2, "0,13"), ("12000.5", 1, "12\u00a0000,5"), ("3.0", None, "3,0"),
])
def test_numbers_round_halves_away_from_zero_as_excel_does(value: str, decimals, shown: str):
    """A table whose rows and total are rounded alike adds up as shown; CLDR's own rounding (to even)
    made 11 700,25 → 11 700,2 beside Excel's 11 700,3."""
    assert sv_number(Decimal(value), decimals) == shown
