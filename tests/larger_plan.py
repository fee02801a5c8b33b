"""A larger plan than the sample, for the deck's fit and type scale: the sample content with two
more målsättningar (fokusområden with delområden, long Swedish compound words, ranges and units
in the styrtal), more gemensamma groups, two more areas, longer economy tables and styrtal
figures for two of the new styrtal (a share with comparison counties, a count).

    python -m tests.larger_plan DIR      # write the content folder to DIR (to build or look at)

Deterministic: the same folder every time. 47 numbered uppdrag to the nämnd; 88 slides in our template,
107 in python-pptx's default one (4:3).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

SAMPLE = Path(__file__).resolve().parent.parent / "content"

LONG = [
    "kompetensförsörjningsinsatser", "innovationsstödssystemet", "samverkansöverenskommelser",
    "arbetsmarknadsutbildningarna", "landsbygdsutvecklingsprogrammet", "näringslivsutvecklingsarbetet",
    "folkhälsoutvecklingen", "kulturverksamheternas", "besöksnäringsstrategin", "klimatomställningsarbetet",
]
PHRASES = [
    "i nära samverkan med länets kommuner, civilsamhället och näringslivet",
    "med särskilt fokus på barn och unga 16-24 år",
    "så att fler i åldern 20-64 år kommer i arbete",
    "genom att stärka {w} i hela länet",
    "och följa upp resultaten årligen i delårsrapport och verksamhetsberättelse",
    "där {w} samordnas med de nationella målen",
    "inom ramen för en budget på 4,6 Mnkr per år",
]


def _sentence(n: int, words: int = 3) -> str:
    parts = [PHRASES[(n + k) % len(PHRASES)].format(w=LONG[(n + k) % len(LONG)]) for k in range(words)]
    return "Att utveckla " + LONG[n % len(LONG)] + " " + " ".join(parts) + "."


def _leaf(nr: str, name: str, first: int, seed: int) -> dict:
    return {
        "nr": nr, "namn": name,
        "mål": {"text": f"Region Örebro län är en drivande kraft för {LONG[seed % len(LONG)]} och "
                        f"{LONG[(seed + 3) % len(LONG)]} {PHRASES[seed % len(PHRASES)].format(w=LONG[seed % 10])}.",
                "källa": "Förslag DN 2026"},
        "styrtal": [
            {"text": f"Andel av befolkningen 20-64 år som deltar i {LONG[(seed + k) % len(LONG)]} ({nr})",
             "riktning": "öka" if k % 2 == 0 else "minska", "källa": "Förslag DN 2026" if k % 2 else "DN 2025"}
            | ({"enhet": "%", "jämförelse": ["Jönköping", "Kronoberg", "Värmland", "Västmanland"]} if k == 0 else {})
            for k in range(4)
        ] + [{"text": f"Antal deltagare i {LONG[(seed + 5) % len(LONG)]} per 1 000 invånare ({nr})",
              "jämförelse": ["Jönköping", "Kronoberg", "Värmland", "Västmanland"], "riktning": "öka",
              "källa": "Förslag DN 2026"}],
        "uppdrag": {
            "nämnd": [{"nr": first + k, "text": _sentence(seed + k, 2 + k % 2), "källa": "FM 2026"} for k in range(3)],
            "förvaltning": [{"text": _sentence(seed + 7 + k, 1 + k % 3), "källa": "Förslag DN 2026"} for k in range(3)],
        },
    }


def _goals() -> list[dict]:
    return [
        {"nr": 11, "text": "Ett livskraftigt och tillgängligt kulturliv i hela länet för alla åldersgrupper.",
         "fokusområden": [
             {"nr": "11.1", "namn": "Kulturens infrastruktur och arbetsmarknadsutbildningarna", "delområden": [
                 _leaf("11.1.1", "Kulturverksamheternas förutsättningar", 101, 1),
                 _leaf("11.1.2", "Landsbygdsutvecklingsprogrammets kulturinsatser", 104, 2)]},
             _leaf("11.2", "Tillgänglighet och delaktighet för barn och unga 16-24 år", 107, 3),
             _leaf("11.3", "Besöksnäringsstrategin och platsutveckling", 110, 4)]},
        {"nr": 12, "text": "Ett hållbart och klimatneutralt Örebro län senast 2045.",
         "fokusområden": [
             _leaf("12.1", "Klimatomställningsarbetet i näringslivet", 113, 5),
             _leaf("12.2", "Energieffektivisering och förnybar energiförsörjning", 116, 6)]},
    ]


def _gemensamma() -> list[dict]:
    return [{"målsättning": goal, "uppdrag_till": "Regionstyrelsen och nämnderna",
             "uppdrag": [{"nr": 300 + 3 * i + k, "text": _sentence(20 + 3 * i + k, 2)} for k in range(3)]}
            for i, goal in enumerate((1, 2, 3, 5))]


def _area(name: str, seed: int) -> str:
    data = {
        "område": name,
        "insatser": [{"fokusområde": nr, "punkter": [_sentence(seed + k, 1) for k in range(3)]}
                     for nr in ("4.1", "4.3", "11.2")],
        "utmaningar": [{"rubrik": f"Utmaning {k + 1}: {LONG[(seed + k) % len(LONG)]}",
                        "punkter": [_sentence(seed + 10 + k, 2)]} for k in range(4)],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


FIGURES = [
    {"id": "kulturdeltagande", "styrtal": "Andel av befolkningen 20-64 år som deltar i arbetsmarknadsutbildningarna (11.2)",
     "rubrik": "Deltagande i kulturverksamheterna",
     "datakälla": "Myndigheten för kulturanalys",
     "värden": [{"år": y, "värde": v, "exempel": True} for y, v in ((2020, 41.5), (2021, 43.0), (2022, 44.2),
                                                                      (2023, 46.8), (2024, 47.1))]
     + [{"område": a, "år": 2024, "värde": v, "exempel": True}
        for a, v in (("Jönköping", 49.0), ("Kronoberg", 45.5), ("Värmland", 44.0), ("Västmanland", 46.0))]},
    {"id": "deltagare", "styrtal": "Antal deltagare i kulturverksamheternas per 1 000 invånare (11.1.2)", "rubrik": "Deltagare per 1 000 invånare",
     "datakälla": "Regionens uppföljning",
     "värden": [{"år": y, "värde": v, "exempel": True} for y, v in ((2021, 112), (2022, 118), (2023, 121), (2024, 130))]},
]


def larger_plan(dest: Path) -> Path:
    """Write the larger plan's content folder to `dest` (which must not exist); returns it."""
    shutil.copytree(SAMPLE, dest)

    def append(name: str, items: list, indent: str = "  ") -> None:
        text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100)
        with open(dest / name, "a", encoding="utf-8") as handle:
            handle.write("".join(indent + line + "\n" for line in text.splitlines()))

    append("malsattningar.yaml", _goals())
    with open(dest / "gemensamma.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n")
    append("gemensamma.yaml", _gemensamma())
    areas = [("Kultur och bildning", "kultur-och-bildning.yaml", 30), ("Kollektivtrafik och infrastruktur",
                                                                       "kollektivtrafik.yaml", 40)]
    append("plan.yaml", [{"namn": n, "fil": f, "ansvarig": f"områdeschef {n}"} for n, f, _ in areas])
    for name, fil, seed in areas:
        (dest / "omraden" / fil).write_text(_area(name, seed), encoding="utf-8")
    path = dest / "ekonomi.yaml"
    text = path.read_text(encoding="utf-8")
    fum = "    - {namn: FUM,                           föregående_mnkr: 2.0,  planår_mnkr: 2.0}\n"
    rows = "".join(f"    - {{namn: {LONG[i].capitalize()} och samverkan, föregående_mnkr: 0.0, planår_mnkr: 0.0}}\n"
                   for i in range(8))
    text = text.replace(fum, fum + rows, 1)
    last = "    - {namn: Idrottsförbund i länet,          bidrag_föregående_tkr: 3300,  uppräkning_procent: 3.1}\n"
    rows = "".join(f"    - {{namn: Föreningen för {LONG[i]}, bidrag_föregående_tkr: {1000 + 250 * i}, "
                   f"uppräkning_procent: 3.1}}\n" for i in range(6))
    path.write_text(text.replace(last, last + rows, 1), encoding="utf-8")
    append("styrtal-data.yaml", FIGURES)
    return dest


if __name__ == "__main__":
    print(larger_plan(Path(sys.argv[1])))
