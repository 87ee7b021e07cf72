"""The built-in item bank: eight constructs with short Danish items written for handlekraft.

Not third-party questionnaire texts (COPSOQ, Edmondson's scale and the like): their licences forbid
shipping them or are unclear. HR can add constructs and items, with a source and a licence, in the admin.
A data migration puts these in the database; the demo builder makes sure they are there too.
"""

from __future__ import annotations

# (key, name, description, [(item key, text, reversed), ...])
CONSTRUCTS = [
    (
        "raaderum",
        "Klart råderum",
        "Vi kender vores mandat og rammerne for det.",
        [
            ("raaderum_ved", "Jeg ved, hvilke beslutninger jeg selv må træffe i mit arbejde.", False),
            ("raaderum_rammer", "Rammerne for mit arbejde er tydelige for mig.", False),
            (
                "raaderum_aflaering",
                "Jeg spørger min leder om ting, jeg egentlig godt selv måtte beslutte.",
                True,
            ),
        ],
    ),
    (
        "tryghed",
        "Psykologisk tryghed",
        "Det er sikkert at sige sin mening, prøve nyt og fejle.",
        [
            (
                "tryghed_fejl",
                "Hvis jeg laver en fejl, bliver den brugt til læring og ikke holdt imod mig.",
                False,
            ),
            ("tryghed_sige", "Jeg kan sige min mening, også når jeg er uenig.", False),
            ("tryghed_proeve", "Vi har mod på at prøve nye måder at gøre tingene på.", False),
        ],
    ),
    (
        "stoette",
        "Ledelsesmæssig støtte og nærvær",
        "Lederen er til stede og bakker op.",
        [
            ("stoette_naer", "Min leder er til at få fat på, når jeg har brug for det.", False),
            ("stoette_opbakning", "Min leder bakker mig op, når jeg tager initiativ.", False),
        ],
    ),
    (
        "anerkendelse",
        "Anerkendelse",
        "Det bliver set, når vi lykkes og tager initiativ.",
        [
            ("anerkendelse_set", "Når jeg tager et godt initiativ, bliver det set.", False),
            ("anerkendelse_kolleger", "Vi siger det til hinanden, når noget lykkes.", False),
        ],
    ),
    (
        "tillid",
        "Tillid og samarbejde",
        "Tillid mellem ledelse og medarbejdere, og mellem leder, TR og AMR.",
        [
            ("tillid_ledelse", "Der er tillid mellem ledelse og medarbejdere på min arbejdsplads.", False),
            ("tillid_med", "Leder, TR og AMR samarbejder godt hos os.", False),
        ],
    ),
    (
        "helhed",
        "Helhed og samarbejde på tværs",
        "Initiativ med blik for helheden.",
        [
            ("helhed_tvaers", "Vi hjælper hinanden på tværs af teams, når det er nødvendigt.", False),
            (
                "helhed_blik",
                "Vi træffer beslutninger med blik for helheden og ikke kun for vores eget team.",
                False,
            ),
        ],
    ),
    (
        "handlekraft",
        "Handlekraft og forenkling",
        "Vi kan handle hurtigt, og unødige regler forsvinder.",
        [
            ("handlekraft_hurtigt", "Vi kan handle hurtigt, når en borger har brug for det.", False),
            (
                "handlekraft_regler",
                "Unødige regler og dobbeltarbejde bliver fjernet, når vi peger på dem.",
                False,
            ),
        ],
    ),
    (
        "arbejdsglaede",
        "Arbejdsglæde",
        "Arbejdet giver mening og lyst.",
        [
            ("glaede_mening", "Mit arbejde giver mening for mig.", False),
            ("glaede_lyst", "Jeg går som regel på arbejde med lyst.", False),
        ],
    ),
]


def ensure_bank(construct_model, item_model) -> None:
    for order, (key, name, description, items) in enumerate(CONSTRUCTS):
        construct, _ = construct_model.objects.update_or_create(
            key=key, defaults={"name": name, "description": description, "order": order}
        )
        for item_order, (item_key, text, reversed_) in enumerate(items):
            item_model.objects.update_or_create(
                key=item_key,
                defaults={"construct": construct, "text": text, "reversed": reversed_, "order": item_order},
            )
