"""Legal frames (lovbundne rammer): topics that law or central rules fix, so a team can never say "yes"
to them from an unrelated decision area.

A question touches a frame when it matches one of the frame's patterns; a decision area holds the frame
when its title or keywords match the frame's `holder` pattern. "Må jeg selv?" answers such a question only
from an area that holds the frame, and otherwise says it found no clear answer (mandates/search.py).

The patterns are written from the rules themselves (forvaltningsloven and straffeloven on tavshedspligt,
serviceloven on magtanvendelse, the medicine instructions, the rules on gifts, consent to photos,
underretningspligten in barnets lov) and the everyday words people use for them; they are matched against
the lower-cased text. Keep them narrow: a pattern that fires on an ordinary question takes the answer away
from the area that really answers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    key: str
    patterns: tuple[re.Pattern[str], ...]
    holder: re.Pattern[str]

    def touches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


def _p(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


# Words for a person the municipality serves, or their family.
PERSON = r"(borger|beboer|bruger|klient|patient|elev|barn|børn|ung|dreng|pige|familie|forælder|forældre|mor|far|pårørende|datter|søn|kollega|medarbejder)\w*"
# Information about a person that the duty of confidentiality covers.
PRIVATE = (
    r"(helbred\w*|diagnose\w*|sygdom\w*|syg\b|sygemeld\w*|journal\w*|sagsakt\w*|akter\b|sag\b|sagen\b|oplysning\w*|"
    r"cpr\w*|adresse\w*|hospital\w*|indlagt|medicin\w*|adhd|autis\w*|misbrug\w*|lægen\b|hvorfor)"
)
TELL = r"(fortæl\w*|sige|siger|sagt|dele|deler|videregiv\w*|udlever\w*|give\w* (oplysning|besked|indsigt)\w*|sende|vise|oplyse\w*|læse|se\b|tale med|snakke med|vide\b)"

FRAMES = (
    Frame(
        "tavshedspligt",
        _p(
            r"tavshedspligt|fortrolig|videregiv|databeskyt|persondata|gdpr|samtykke til at dele",
            rf"\b{TELL}\b.*\b{PRIVATE}",
            rf"\b{PRIVATE}.*\b{TELL}\b.*\b{PERSON}",
            r"\b(oplysning\w*|sagsakt\w*|journal\w*)\b",
        ),
        re.compile(r"tavshedspligt|videregivelse|fortrolighed"),
    ),
    Frame(
        "magtanvendelse",
        _p(
            r"magtanvend|tvang|fastholde|fastholdelse|tilbagehold|\bbæltefiks|\bspærre\w* inde",
            r"\bholde\w*\b.*\b(fast|tilbage)\b",
            r"\bholde\w* (armene|hænderne|i armen|om armen)",
            r"\blåse\w*\b.*\b(dør|døren|inde|ude)\b|\b(dør|døren|hoveddøren)\b.*\blåse",
            r"\b(alarm|pejlemærke|gps|sensor)\w*\b.*\b(dør|døren|beboer|borger)",
            r"\btage\w*\b.*\b(telefon|mobil)\w*\b.*\bfra\b|\btage\w* (telefonen|mobilen) fra",
        ),
        re.compile(r"magtanvendelse|tvang"),
    ),
    Frame(
        "medicin",
        _p(
            r"medicin|\bpiller?\b|pillen|\btablet(ter|terne)?\b|panodil|pamol|ibuprofen|hovedpinepille|sovepille|"
            r"smertestillende|morfin|insulin|\bdosis|doser|hostesaft|\bsalve|inhalator|vaccin",
        ),
        re.compile(r"medicin"),
    ),
    Frame(
        "gaver",
        _p(
            r"\b(tage\w* imod|modtage\w*|få|får|fået)\b.*\b(gave\w*|penge\w*|pengegave\w*|vin\b|gavekort\w*|chokolade\w*|drikkepenge|arv)",
            r"\b(give|giver) (mig|os|dig|personalet)\b.*\b(gave\w*|penge|kr\.?|kroner|vin\b|gavekort\w*|chokolade\w*)",
            r"(vil|ville) give (mig|os|personalet)\b",
            r"testamente|\barv\b|\barve\b|drikkepenge|bestikkelse|pengegave|samlet ind til",
            r"\blåne\w* penge (af|fra)",
        ),
        re.compile(r"(gave\w*|penge)\b.*\bfra borger|pengegave|modtage gaver|bestikkelse"),
    ),
    Frame(
        "foto",
        _p(
            rf"\b(billede\w*|\w*foto\w*|video(er|en|erne)?|optagel\w*)\b.*\b(af|med)\b.*\b{PERSON}",
            r"\b(tage|dele|poste|lægge|hænge|offentliggør)\w*\b.*\b(billede\w*|\w*foto\w*|video(er|en|erne)?)\b",
            r"\bfilme\w*\b|\bfotografer\w*",
            r"\b(facebook|instagram|tiktok|youtube)\b",
        ),
        re.compile(r"\bfoto|billeder|video"),
    ),
    Frame(
        "underretning",
        _p(
            r"underret|omsorgssvigt|overgreb|mistrivs|mistrives|forsømt|forsømte|\bvold\b|blå mærker|\bslået\b|bliver slået|tæsk",
            r"\b(bekymret|bekymring|bange for|mistanke)\b.*\b(barn|børn|elev\w*|ung\w*|nyfødt\w*|spædbarn\w*|dreng\w*|pige\w*)",
            r"\bvirker (fuld|beruset|påvirket)\b|\b(fuld|beruset|påvirket) (far|mor|forælder)",
        ),
        re.compile(r"underretning"),
    ),
)


def frames_touched(text: str) -> list[Frame]:
    lowered = (text or "").lower()
    return [f for f in FRAMES if f.touches(lowered)]


def holds(frame: Frame, title: str, keywords: str) -> bool:
    return bool(frame.holder.search(f"{title}\n{keywords}".lower()))
