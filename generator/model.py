"""The content format: one pydantic model per content file, declared once.

Field aliases are the Swedish keys the content files use; descriptions are the
documentation `vpgen schema` prints. Cross-field rules live in checks.py.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from .kalla import Kalla, parse_kalla
from .sanitize import clean_text
from .yamlsrc import YamlFloat

MAX_TEXT = 2000
_SAID_DIRECTION = re.compile(r"\bska (öka|minska)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _text(value: object) -> str:
    if value is None:
        raise ValueError("texten saknas — skriv texten efter kolonet (eller efter '- '), eller ta bort raden")
    if isinstance(value, bool):
        raise ValueError("ska vara en text — sätt true/false inom citattecken om det är texten som menas")
    if isinstance(value, dict):
        raise ValueError("ska vara en text, men raden läses som 'nyckel: värde' — "
                         "sätt texten inom citattecken (\"…\") om den innehåller ': '")
    if isinstance(value, YamlFloat):
        value = value.raw
    elif isinstance(value, (int, float)):
        value = str(value)
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise ValueError("ska vara en text, inte en lista — skriv texten på samma rad som nyckeln")
    cleaned = clean_text(value)
    if not cleaned:
        raise ValueError("texten är tom — skriv en text eller ta bort raden")
    if len(cleaned) > MAX_TEXT:
        raise ValueError(f"texten är {len(cleaned)} tecken lång — högst {MAX_TEXT} tecken får plats")
    return cleaned


def _kalla(value: object) -> Kalla:
    if isinstance(value, Kalla):
        return value
    if not isinstance(value, str):
        raise ValueError("källan ska vara en text, t.ex. \"DN 2025\" eller \"Förslag DN 2026\"")
    return parse_kalla(value)


def parse_number(value: object) -> Decimal:
    """A number as written: 151.3, 151,3 or "16 503" all work; no NaN, no infinity."""
    if isinstance(value, bool):
        raise ValueError("ska vara ett tal, t.ex. 151,3")
    if isinstance(value, YamlFloat):
        value = value.raw
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("ska vara ett tal, t.ex. 151,3")
    text = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("\u2212", "-").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{value}' är inte ett tal — skriv t.ex. 151,3 eller 16 503") from None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise ValueError(f"'{value}' är inte ett rimligt tal")
    return number


def _date(value: object) -> object:
    """Only a real date or an ISO date text: 20250929 is not read as seconds since 1970."""
    if isinstance(value, datetime.datetime):
        raise ValueError("ska vara ett datum utan klockslag, t.ex. 2025-09-29")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            y, m, d = (int(part) for part in value.strip().split("-"))
            return datetime.date(y, m, d)
        except ValueError:
            raise ValueError(f"datumet {value.strip()} finns inte i kalendern — skriv ett riktigt datum (ÅÅÅÅ-MM-DD)") from None
    shown = value.raw if isinstance(value, YamlFloat) else value
    if isinstance(shown, (str, int, float)) and not isinstance(shown, bool):
        raise ValueError(f"'{shown}' är inget datum — skriv datumet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29")
    raise ValueError("ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2025-09-29")


def _integer(value: object) -> object:
    """Whole numbers as written; `true` is not 1."""
    if isinstance(value, bool):
        raise ValueError("ska vara ett heltal, t.ex. 27")
    return value


def _flag(value: object) -> bool:
    """Only true or false (YAML 1.2); `ja`, `yes` and 1 are not booleans here."""
    if isinstance(value, bool):
        return value
    raise ValueError("ska vara true eller false")


def _riktning(value: object) -> object:
    return value.strip().casefold() if isinstance(value, str) else value


def _nr(value: object) -> str:
    if isinstance(value, YamlFloat):
        return value.raw
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise ValueError("ska vara ett nummer som \"4.1\" eller \"4.1.1\"")


Text = Annotated[str, BeforeValidator(_text)]
KallaTag = Annotated[Kalla, BeforeValidator(_kalla), PlainSerializer(str)]
Number = Annotated[Decimal, BeforeValidator(parse_number)]
Amount = Annotated[Decimal, BeforeValidator(parse_number), Field(ge=Decimal("-1e6"), le=Decimal("1e6"))]
NonNegative = Annotated[Decimal, BeforeValidator(parse_number), Field(ge=0, le=Decimal("1e9"))]
Percent = Annotated[Decimal, BeforeValidator(parse_number), Field(ge=-100, le=1000)]
FokusNr = Annotated[str, BeforeValidator(_nr), Field(pattern=r"^\d+(\.\d+)+$")]
Heltal = Annotated[int, BeforeValidator(_integer)]
Year = Annotated[int, BeforeValidator(_integer), Field(ge=2000, le=2100)]
Datum = Annotated[datetime.date, BeforeValidator(_date)]
Flagga = Annotated[bool, BeforeValidator(_flag)]
Riktning = Annotated[Literal["öka", "minska"], BeforeValidator(_riktning)]
ItemId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]


def F(alias: str, description: str, **kwargs):
    """A field whose content key is `alias` (Swedish) and whose docs are `description`."""
    return Field(alias=alias, description=description, **kwargs)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


# ---------------------------------------------------------------- plan.yaml

class Namnd(Model):
    namn: Text = F("namn", "Nämndens namn som det skrivs i rubriker, t.ex. 'Regional tillväxtnämnd'.")
    bestamd_form: Text = F("bestämd_form", "Bestämd form i löptext, t.ex. 'Regionala tillväxtnämnden får i uppdrag'.")
    i_lopptext: Text | None = F("i_löptext", "Namnet mitt i en mening, när det skrivs annorlunda där, t.ex. "
                                "'regional tillväxtnämnd' ('Sammanfattning av uppdrag till regional tillväxtnämnd'). "
                                "Utelämnas det skrivs namnet som i rubriker.", default=None)

    @property
    def in_sentence(self) -> str:
        """The name inside a sentence: i_löptext, else the name as written (never guessed)."""
        return self.i_lopptext or self.namn


class Presentation(Model):
    titel: Text = F("titel", "Titelbildens rubrik.")
    datum: Datum = F("datum", "Datum på titelbilden (ÅÅÅÅ-MM-DD).")


class Milstolpe(Model):
    datum: Datum = F("datum", "Dag för milstolpen (ÅÅÅÅ-MM-DD).")
    rubrik: Text = F("rubrik", "Vad som händer, kort.")
    text: Text | None = F("text", "Förklaring under rubriken.", default=None)


class OmradeRef(Model):
    namn: Text = F("namn", "Områdets namn, t.ex. 'Energi och klimat'.")
    fil: str = F(
        "fil", "Områdesfilens namn i mappen omraden/, t.ex. 'energi-och-klimat.yaml'.",
        pattern=r"^[a-z0-9][a-z0-9-]*\.yaml$",
    )
    ansvarig: Text = F("ansvarig", "Ansvarig roll (inte personnamn), t.ex. 'områdeschef Energi och klimat'.")


class PlanFile(Model):
    """plan.yaml: vem planen gäller, när, tidplanen och vilka områden som ska lämna underlag."""

    region: Text = F("region", "Regionens namn, t.ex. 'Region Örebro län'.")
    namnd: Namnd = F("nämnd", "Nämnden som planen gäller.")
    forvaltning: Text = F("förvaltning", "Förvaltningen som bereder planen.")
    planar: Year = F("planår", "Året planen gäller, t.ex. 2026.")
    datum: Datum = F("datum", "Planens datum; används som dokumentens datum.")
    presentationer: dict[str, Presentation] = F(
        "presentationer",
        "Titelbilder: en per presentation som dispositionen i layouts/ nämner (t.ex. förslag, ekonomi).",
    )
    tidplan: list[Milstolpe] = F("tidplan", "Milstolparna i ordning.", min_length=1)
    omraden: list[OmradeRef] = F("områden", "Områdena som lämnar underlag, i presentationsordning.")
    foregaende: Text | None = F(
        "föregående", "Förra årets antagna plan, som förslaget jämförs med: en mapp med samma innehållsformat, "
        "skriven relativt innehållsmappen (t.ex. 'vp-2025'), eller 'git:' och en tagg eller commit där "
        "innehållsmappen ligger i ett git-arkiv (t.ex. 'git:vp-2025'). Utan den görs ingen jämförelse.",
        default=None)
    beslutsforslag: list[Text] = F(
        "beslutsförslag", "Förslag till beslut, t.ex. 'Nämnden föreslås besluta att …', en punkt per rad som "
        "börjar med '- ' (en att-sats per punkt). Visas på bilden Förslag till beslut.", default_factory=list)


# ---------------------------------------------------------------- malsattningar.yaml

class Utfall(Model):
    ar: Year = F("år", "Året utfallet gäller.")
    varde: Number = F("värde", "Utfallet som tal.")


class Malvarde(Model):
    fran: Number = F("från", "Målvärde, eller intervallets början.")
    till: Number | None = F("till", "Intervallets slut, om målet är ett intervall.", default=None)


class Styrtal(Model):
    id: str | None = F(
        "id", "Kort id som kopplar styrtalet till sina siffror i styrtal-data.yaml, t.ex. 'sjukfranvaro' "
        "(små bokstäver a–z, siffror och bindestreck), och till samma styrtal i förra årets plan.",
        default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: Text = F("text", "Vad som mäts, som i beslutet.")
    riktning: Riktning | None = F(
        "riktning", "'öka' eller 'minska'. Utelämnas när texten själv anger målet.", default=None
    )
    jamforelse: list[Text] = F("jämförelse", "Län att jämföra med.", default_factory=list)
    enhet: Text | None = F("enhet", "Enhet för utfall och mål, t.ex. '%'.", default=None)
    utfall: Utfall | None = F("utfall", "Senaste utfall.", default=None)
    malvarde: Malvarde | None = F("målvärde", "Målvärde eller målintervall.", default=None)
    kalla: KallaTag | None = F("källa", "Var styrtalet kommer ifrån, t.ex. 'Förslag DN 2026'.", default=None)

    @property
    def said_in_text(self) -> str | None:
        """The 'ska öka' / 'ska minska' the text itself says, as written; None when it says neither."""
        found = _SAID_DIRECTION.search(self.text)
        return found.group(0) if found else None


ID_HELP = ("Kort id (små bokstäver a–z, siffror och bindestreck) som följer {vad} från år till år; "
           "jämförelsen med förra årets plan kopplar ihop poster med samma id även när texten ändrats.")


class Uppdrag(Model):
    id: ItemId | None = F("id", ID_HELP.format(vad="uppdraget"), default=None)
    nr: Heltal | None = F("nr", "Uppdragets nummer (bara uppdrag till nämnden har nummer).", default=None, ge=1, le=9999)
    text: Text = F("text", "Uppdraget, som i beslutet ('Att …').")
    kalla: KallaTag | None = F("källa", "Var uppdraget kommer ifrån, t.ex. 'FM 2026'.", default=None)


class UppdragLista(Model):
    namnd: list[Uppdrag] = F("nämnd", "Numrerade uppdrag till nämnden.", default_factory=list)
    forvaltning: list[Uppdrag] = F("förvaltning", "Onumrerade uppdrag till förvaltningen.", default_factory=list)


class Mal(Model):
    text: Text = F("text", "Fokusområdets mål.")
    kalla: KallaTag | None = F("källa", "Var målet kommer ifrån.", default=None)


class Fokusomrade(Model):
    id: ItemId | None = F("id", ID_HELP.format(vad="fokusområdet"), default=None)
    nr: FokusNr = F("nr", "Numret inom citattecken, t.ex. \"4.1\" eller \"4.1.1\".")
    namn: Text = F("namn", "Fokusområdets namn.")
    kalla: KallaTag | None = F("källa", "T.ex. 'Ny målformulering 2026'.", default=None)
    mal: Mal | None = F("mål", "Målet (krävs när fokusområdet inte har delområden).", default=None)
    styrtal: list[Styrtal] = F("styrtal", "Styrtal för målet.", default_factory=list)
    uppdrag: UppdragLista = F("uppdrag", "Uppdrag till nämnd och förvaltning.", default_factory=UppdragLista)
    delomraden: list[Fokusomrade] = F("delområden", "Underliggande fokusområden (t.ex. 4.1.1, 4.1.2).", default_factory=list)


class Malsattning(Model):
    id: ItemId | None = F("id", ID_HELP.format(vad="målsättningen"), default=None)
    nr: Heltal = F("nr", "Målsättningens nummer (1–10).", ge=1, le=99)
    text: Text = F("text", "Målsättningen.")
    styrtal: list[Styrtal] = F("styrtal", "Styrtal direkt under målsättningen.", default_factory=list)
    fokusomraden: list[Fokusomrade] = F("fokusområden", "Nämndens fokusområden under målsättningen.", default_factory=list)


def walk_fokus(fokus: list[Fokusomrade], loc: tuple, parent: Fokusomrade | None = None):
    """Every fokusområde, depth first, with its key path and the fokusområde it is a delområde of."""
    for i, item in enumerate(fokus):
        yield item, loc + (i,), parent
        yield from walk_fokus(item.delomraden, loc + (i, "delområden"), item)


class MalsattningarFile(Model):
    """malsattningar.yaml: regionens målsättningar, med nämndens fokusområden, mål, styrtal och uppdrag."""

    malsattningar: list[Malsattning] = F("målsättningar", "Alla målsättningar i nummerordning.", min_length=1)


# ---------------------------------------------------------------- gemensamma.yaml

class Gemensam(Model):
    malsattning: Heltal | None = F("målsättning", "Målsättningens nummer, när uppdragen hör till en.", default=None)
    tema: Text | None = F("tema", "Rubrik när uppdragen inte hör till en målsättning, t.ex. 'Beredskap och säkerhet'.", default=None)
    formulering: Text | None = F(
        "formulering", "Målsättningen som fullmäktige formulerade den här, om den skiljer sig från listan.", default=None
    )
    styrtal: list[Styrtal] = F("styrtal", "Gemensamma styrtal.", default_factory=list)
    uppdrag_till: Text = F("uppdrag_till", "Vem som får uppdragen, t.ex. 'Regionstyrelsen och nämnderna'.")
    uppdrag: list[Uppdrag] = F("uppdrag", "Numrerade gemensamma uppdrag.", min_length=1)


class GemensammaFile(Model):
    """gemensamma.yaml: målsättningar med uppdrag från fullmäktige till samtliga nämnder."""

    kalla: KallaTag = F("källa", "Källa för de gemensamma uppdragen när inget annat anges, t.ex. 'Från FM'.")
    gemensamma: list[Gemensam] = F("gemensamma", "Grupper av gemensamma uppdrag i presentationsordning.", min_length=1)


# ---------------------------------------------------------------- ekonomi.yaml

class Forutsattningar(Model):
    beslutsdatum: Datum = F("beslutsdatum", "När fullmäktige beslutade de ekonomiska förutsättningarna.")
    index_procent: Percent = F("index_procent", "Uppräkning av ramanslaget efter index, i procent.")
    upprakning_mnkr: Amount = F("uppräkning_mnkr", "Uppräkningen i Mnkr.")
    ramanslag_foregaende_mnkr: NonNegative = F("ramanslag_föregående_mnkr", "Föregående års ramanslag netto, Mnkr.")
    ramanslag_netto_mnkr: NonNegative = F("ramanslag_netto_mnkr", "Planårets ramanslag netto, Mnkr.")
    punkter: list[Text] = F("punkter", "Övriga förutsättningar, en punkt per rad.", default_factory=list)


class Uppraknigsdel(Model):
    namn: Text = F("namn", "Vad som räknas upp, t.ex. 'Lönekostnadsökningar'.")
    procent: Percent = F("procent", "Uppräkning i procent.")
    mnkr: Amount = F("mnkr", "Belopp i Mnkr.")


class Schablondel(Model):
    namn: Text = F("namn", "Kostnadsslag, t.ex. 'Resor och konferens'.")
    kr_per_aa: NonNegative = F("kr_per_åa", "Kronor per årsarbetare.")


class Reserv(Model):
    namn: Text = F("namn", "Reservens namn, t.ex. 'Planeringsreserv'.")
    mnkr: Amount = F("mnkr", "Belopp i Mnkr.")


class Resursfordelning(Model):
    ar: Year = F("år", "Året modellen togs fram.")
    rubrik: Text = F("rubrik", "Rubrik över modellen, t.ex. 'Områden och verksamhet'.")
    upprakning: list[Uppraknigsdel] = F("uppräkning", "Delarna i uppräkningen; summan ska bli uppräkningen i Mnkr.", min_length=1)
    schablonanslag_kr_per_aa: NonNegative = F("schablonanslag_kr_per_åa", "Schablonanslaget per årsarbetare; summan av delarna.")
    schablon: list[Schablondel] = F("schablon", "Schablonanslagets delar.", min_length=1)
    projektfinansiering_timmar_per_aa: NonNegative = F("projektfinansiering_timmar_per_åa", "Timmar per årsarbetare vid projektfinansiering.")
    sjuklon_avrakning_procent: Percent = F("sjuklöneavräkning_procent", "Avräkning för sjuklönekostnader, procent.")
    reserver: list[Reserv] = F("reserver", "Reserver i Mnkr.", default_factory=list)


class ExempelTabell(Model):
    """What every economy table has: the example-data flag and a note above it."""

    exempel: Flagga = F("exempel", "true när raderna är exempeldata som ska ersättas.", default=False)
    anmarkning: Text | None = F("anmärkning", "Text över tabellen, t.ex. 'Justering kan komma att ske innan beslut.'",
                                default=None)


class FordelningRad(Model):
    namn: Text = F("namn", "Område eller verksamhet.")
    foregaende_mnkr: Amount = F("föregående_mnkr", "Föregående års ramanslag, Mnkr.")
    planar_mnkr: Amount = F("planår_mnkr", "Planårets ramanslag, Mnkr.")


class Fordelning(ExempelTabell):
    kommentar: Text | None = F("kommentar", "Kommentar bredvid tabellen.", default=None)
    rader: list[FordelningRad] = F("rader", "En rad per område; summan ska bli ramanslaget.", min_length=1)


class ForeningRad(Model):
    namn: Text = F("namn", "Förening eller stiftelse.")
    bidrag_foregaende_tkr: NonNegative = F("bidrag_föregående_tkr", "Föregående års bidrag, tkr.")
    upprakning_procent: Percent = F("uppräkning_procent", "Föreslagen uppräkning, procent.")


class Foreningar(ExempelTabell):
    rader: list[ForeningRad] = F("rader", "En rad per förening eller stiftelse.", min_length=1)


class SatsningRad(Model):
    namn: Text = F("namn", "Post, t.ex. 'Planeringsreserv'.")
    mnkr: Amount = F("mnkr", "Belopp i Mnkr; negativt för det som redan är intecknat.")


class Satsningsutrymme(ExempelTabell):
    datum: Datum = F("datum", "Datum för beräkningen.")
    rader: list[SatsningRad] = F("rader", "Posterna; summan är utrymmet.", min_length=1)


class EkonomiFile(Model):
    """ekonomi.yaml: ramanslag, index, resursfördelningsmodell och tabellerna."""

    forutsattningar: Forutsattningar = F("förutsättningar", "Ekonomiska förutsättningar från fullmäktige.")
    resursfordelning: Resursfordelning = F("resursfördelningsmodell", "Resursfördelningsmodellen inom nämnden.")
    fordelning: Fordelning = F("fördelning", "Fördelning av ramanslaget per område.")
    foreningar: Foreningar = F("uppräkning_föreningar", "Uppräkning per förening/stiftelse.")
    satsningsutrymme: Satsningsutrymme = F("satsningsutrymme", "Preliminärt utrymme för satsningar.")


# ---------------------------------------------------------------- internkontroll.yaml

class Risk(Model):
    omrade: Text = F("område", "Riskområde, t.ex. 'HR'.")
    risk: Text = F("risk", "Risken, som en mening ('Risk att …').")


class InternkontrollFile(Model):
    """internkontroll.yaml: risker i nämndens internkontrollplan."""

    risker: list[Risk] = F("risker", "En post per risk.", min_length=1)


# ---------------------------------------------------------------- omvarld.yaml

class OmvarldFile(Model):
    """omvarld.yaml: framtida utmaningar, övergripande frågor och storregionalt samarbete."""

    omvarldsfaktorer: list[Text] = F("omvärldsfaktorer", "Framtida utmaningar i omvärlden.", min_length=1)
    interna_utmaningar: list[Text] = F("interna_utmaningar", "Framtida interna utmaningar.", default_factory=list)
    overgripande: list[Text] = F("övergripande", "Övergripande frågor för alla områden.", default_factory=list)
    storregionalt_samarbete: list[Text] = F("storregionalt_samarbete", "Aktuella frågor i storregionalt samarbete.", default_factory=list)


# ---------------------------------------------------------------- anvisningar.yaml

class Steg(Model):
    rubrik: Text = F("rubrik", "Stegets rubrik.")
    underrubrik: Text | None = F("underrubrik", "Kort ledtext, t.ex. 'Beskriv insatserna:'.", default=None)
    text: Text = F("text", "Vad områdeschefen ska göra.")


class AnvisningarFile(Model):
    """anvisningar.yaml: instruktionerna till områdescheferna och deadline."""

    syfte: Text = F("syfte", "Varför områdena lämnar underlag.")
    steg: list[Steg] = F("steg", "Instruktionerna i ordning.", min_length=1)
    minst_insatser: Heltal = F("minst_insatser", "Minsta antal insatser per område.", ge=0, le=100)
    minst_utmaningar: Heltal = F("minst_utmaningar", "Minsta antal utmaningar per område.", ge=0, le=100)
    deadline: Datum = F("deadline", "Sista dag för områdenas underlag (ÅÅÅÅ-MM-DD).")
    deadline_text: Text = F(
        "deadline_text", "Hur och till vem områdeschefen lämnar in sin områdesfil (roller, inte namn). Inget datum: "
        "sista dagen står i deadline och visas därifrån överallt.")


# ---------------------------------------------------------------- omraden/<område>.yaml

class InsatsGrupp(Model):
    fokusomrade: FokusNr = F("fokusområde", "Fokusområdets nummer inom citattecken, t.ex. \"4.1\".")
    rubrik: Text | None = F("rubrik", "Egen rubrik; annars fokusområdets namn.", default=None)
    punkter: list[Text] = F("punkter", "Insatserna, en per rad som börjar med '- '.", default_factory=list)


class Utmaning(Model):
    rubrik: Text | None = F("rubrik", "Utmaningens rubrik.", default=None)
    punkter: list[Text] = F("punkter", "Beskrivning, en punkt per rad som börjar med '- '.", min_length=1)


class OmradeFile(Model):
    """omraden/<område>.yaml: ett områdes insatser och utmaningar."""

    omrade: Text = F("område", "Områdets namn, samma som i plan.yaml.")
    insatser: list[InsatsGrupp] = F("insatser", "Insatser grupperade per fokusområde.", default_factory=list)
    utmaningar: list[Utmaning] = F("utmaningar", "Utmaningar: rubrik och punkter.", default_factory=list)

    @property
    def antal_insatser(self) -> int:
        return sum(len(group.punkter) for group in self.insatser)


CONTENT_FILES: dict[str, type[Model]] = {
    "plan.yaml": PlanFile,
    "malsattningar.yaml": MalsattningarFile,
    "gemensamma.yaml": GemensammaFile,
    "ekonomi.yaml": EkonomiFile,
    "internkontroll.yaml": InternkontrollFile,
    "omvarld.yaml": OmvarldFile,
    "anvisningar.yaml": AnvisningarFile,
}
AREA_DIR = "omraden"


# ---------------------------------------------------------------- the whole plan

class Area(BaseModel):
    """An area the plan expects, with its file's content when the file exists."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    ref: OmradeRef
    content: OmradeFile | None
    source: str  # the file as messages show it


# What a previous (adopted) plan must have: the comparison needs no more. Its other files are not read.
PREVIOUS_FILES: dict[str, type[Model]] = {
    "plan.yaml": PlanFile,
    "malsattningar.yaml": MalsattningarFile,
    "gemensamma.yaml": GemensammaFile,
}


class PreviousPlan(BaseModel):
    """Last year's adopted plan, as far as the comparison reads it (PREVIOUS_FILES)."""

    model_config = ConfigDict(frozen=True)

    plan: PlanFile
    malsattningar: MalsattningarFile
    gemensamma: GemensammaFile
    source: str  # where it was read, as messages name it: "content/vp-2025", "git:vp-2025:content"


class Plan(BaseModel):
    """Every content file, validated; what the renderers receive."""

    model_config = ConfigDict(frozen=True)

    plan: PlanFile
    malsattningar: MalsattningarFile
    gemensamma: GemensammaFile
    ekonomi: EkonomiFile
    internkontroll: InternkontrollFile
    omvarld: OmvarldFile
    anvisningar: AnvisningarFile
    omraden: list[Area]
    # figures.StyrtalDataFile when content/styrtal-data.yaml exists (typed loosely: that module
    # builds on this one); None means no figures and no charts.
    styrtal_data: object | None = None
    # Last year's adopted plan when plan.yaml names one (föregående) or the build is told to compare.
    previous: PreviousPlan | None = None
