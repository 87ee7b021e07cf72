"""The built-in dialogue material ("Informations- og dialogmaterialer"): four meeting templates, each
with an introduction for the facilitator and a short text for the participants; those about aktørskab
show the municipality's own description of it (Indstillinger). A data migration puts them in the
database; the demo builder makes sure they are there too (tests that empty the database between runs
remove them)."""

from __future__ import annotations

TEMPLATES = [
    {
        "name": "Hvad er aktørskab for os?",
        "introduction": (
            "Et møde på 45–60 minutter i LMU eller på et personalemøde. Læs kommunens beskrivelse af "
            "aktørskab højt, og giv deltagerne fem minutter til at skrive noter på deres telefon i de tre "
            "kolonner. Tal derefter noterne igennem kolonne for kolonne, saml dem i grupper, og slut med at "
            "markere det, I vil arbejde videre med, som »Vejen videre«."
        ),
        "participant_text": (
            "Vi taler om, hvad aktørskab betyder i vores hverdag. Skriv kort og konkret, én tanke pr."
            " note: hvad giver mening, hvad mangler vi svar på, og hvad skal vi være opmærksomme på? "
            "Du er anonym, medmindre du selv skriver dit navn."
        ),
        "shows_description": True,
        "columns": [
            {
                "key": "mening",
                "title": "Det, der giver mening",
                "prompts": [
                    "Hvornår har du sidst oplevet godt aktørskab her hos os?",
                    "Hvad i beskrivelsen af aktørskab passer på vores arbejde?",
                ],
            },
            {
                "key": "svar",
                "title": "Det, vi mangler svar på",
                "prompts": [
                    "Hvad er du i tvivl om, at du selv må beslutte?",
                    "Hvor er hjørneflagene ikke tydelige nok?",
                ],
            },
            {
                "key": "opmaerksom",
                "title": "Det, vi skal være opmærksomme på",
                "prompts": [
                    "Hvad kan stå i vejen – fx tid, tillid eller frygt for at lave fejl?",
                ],
            },
        ],
        "starts_poker": False,
    },
    {
        "name": "Temadag om aktørskab",
        "introduction": (
            "Til en temadag, fx på direktionens seminar eller for et område. Kolonnerne er de fire "
            "temaer fra "
            "arbejdet med aktørskab. Lad deltagerne skrive til alle fire, og del dem derefter i grupper, der "
            "hver tager ét tema og samler noterne til et par pointer."
        ),
        "participant_text": (
            "I dag arbejder vi på tværs af områderne med, hvordan vi handler med faglighed og "
            "initiativ. Skriv dine input under hvert spørgsmål, én tanke pr. note. Alle noter samles "
            "i en opsamling til Hovedudvalget; du er anonym, medmindre du selv skriver dit navn."
        ),
        "shows_description": True,
        "columns": [
            {
                "key": "organisation",
                "title": "Organisation – kultur, retning og fælles forståelse",
                "prompts": ["Hvad skal der til, for at vi har en fælles forståelse af aktørskab?"],
            },
            {
                "key": "relationer",
                "title": "Roller og relationer – samspil, tillid og uformelt lederskab",
                "prompts": ["Hvordan styrker vi tilliden mellem leder, TR, AMR og medarbejdere?"],
            },
            {
                "key": "ledelse",
                "title": "Ledelse – råderum, retning og nærvær",
                "prompts": ["Hvor kan ledere give slip – og stadig sikre retning?"],
            },
            {
                "key": "praksis",
                "title": "Arbejdsfællesskab og opgavepraksis",
                "prompts": ["Hvordan hjælper vi hinanden med at løse kerneopgaven bedre?"],
            },
        ],
        "starts_poker": False,
    },
    {
        "name": "Råderumsworkshop",
        "introduction": (
            "En workshop for et team om jeres råderum. Start med at skrive, hvad I beslutter selv i dag, og "
            "hvad I gerne ville kunne beslutte. Saml noterne i grupper, der svarer til beslutningsområder. "
            "Slut med delegationspoker, hvor leder og medarbejdere hver vælger et niveau for hvert område."
        ),
        "participant_text": (
            "Vi finder ud af, hvad vi selv må beslutte, og hvor grænserne går. Skriv eksempler fra "
            "din hverdag: beslutninger, du tog selv, og beslutninger, du var i tvivl om. Én tanke pr."
            " note."
        ),
        "shows_description": False,
        "columns": [
            {"key": "selv", "title": "Det beslutter vi selv i dag", "prompts": []},
            {
                "key": "gerne",
                "title": "Det vil vi gerne kunne beslutte",
                "prompts": ["Hvor spørger vi lederen om noget, vi egentlig godt selv kunne beslutte?"],
            },
            {
                "key": "hjoerneflag",
                "title": "Hjørneflag: det skal være tydeligt",
                "prompts": ["Hvilke grænser og hvilken orientering skal være på plads?"],
            },
        ],
        "starts_poker": True,
    },
    {
        "name": "Opfølgning på arbejdsmiljørapporten",
        "introduction": (
            "Til HU, OMU eller LMU, når arbejdsmiljørapporten eller en måling foreligger. Gennemgå "
            "resultaterne kort, og lad deltagerne skrive, hvad der går godt, hvad der skal handles på, og "
            "forslag til handlinger. Markér de handlinger, I beslutter, som »Vejen videre«."
        ),
        "participant_text": (
            "Vi ser på arbejdsmiljørapporten sammen. Skriv, hvad der går godt, hvad vi skal gøre "
            "noget ved, og dine forslag til handlinger. Én tanke pr. note; du er anonym, medmindre du"
            " selv skriver dit navn."
        ),
        "shows_description": False,
        "columns": [
            {"key": "godt", "title": "Det går godt", "prompts": []},
            {
                "key": "handle",
                "title": "Det skal vi gøre noget ved",
                "prompts": [
                    "Hvilke af barriererne kan vi genkende – fx uklart mandat eller manglende anerkendelse?"
                ],
            },
            {"key": "forslag", "title": "Forslag til handlinger", "prompts": ["Hvem gør hvad, og hvornår?"]},
        ],
        "starts_poker": False,
    },
]


def ensure_templates(model) -> None:
    """Creates or updates the built-in templates (`model` is MeetingTemplate, or its migration state:
    an early migration's state lacks the fields added later, which are then left out)."""
    fields = {f.name for f in model._meta.get_fields()}
    for template in TEMPLATES:
        values = {key: value for key, value in template.items() if key != "name" and key in fields}
        model.objects.update_or_create(name=template["name"], defaults={**values, "builtin": True})
