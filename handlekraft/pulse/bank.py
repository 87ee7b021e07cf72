"""The built-in item bank: eight constructs with short Danish items written for handlekraft.

Not third-party questionnaire texts (COPSOQ, Edmondson's scale and the like): their licences forbid
shipping them or are unclear. HR can add constructs and items, with a source and a licence, in the admin.
A data migration puts these in the database; the demo builder makes sure they are there too. The texts are
stored in Danish and shown in the reader's language (`Item.shown_text`, `Construct.shown_name`): marked
with gettext_noop here so that their translations are in the catalogue.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

# (key, name, description, [(item key, text, reversed), ...])
CONSTRUCTS = [
    (
        "raaderum",
        gettext_noop("Klart råderum"),
        gettext_noop("Vi kender vores mandat og rammerne for det."),
        [
            (
                "raaderum_ved",
                gettext_noop("Jeg ved, hvilke beslutninger jeg selv må træffe i mit arbejde."),
                False,
            ),
            ("raaderum_rammer", gettext_noop("Rammerne for mit arbejde er tydelige for mig."), False),
            (
                "raaderum_aflaering",
                gettext_noop("Jeg spørger min leder om ting, jeg egentlig godt selv måtte beslutte."),
                True,
            ),
        ],
    ),
    (
        "tryghed",
        gettext_noop("Psykologisk tryghed"),
        gettext_noop("Det er sikkert at sige sin mening, prøve nyt og fejle."),
        [
            (
                "tryghed_fejl",
                gettext_noop("Hvis jeg laver en fejl, bliver den brugt til læring og ikke holdt imod mig."),
                False,
            ),
            ("tryghed_sige", gettext_noop("Jeg kan sige min mening, også når jeg er uenig."), False),
            ("tryghed_proeve", gettext_noop("Vi har mod på at prøve nye måder at gøre tingene på."), False),
        ],
    ),
    (
        "stoette",
        gettext_noop("Ledelsesmæssig støtte og nærvær"),
        gettext_noop("Lederen er til stede og bakker op."),
        [
            ("stoette_naer", gettext_noop("Min leder er til at få fat på, når jeg har brug for det."), False),
            ("stoette_opbakning", gettext_noop("Min leder bakker mig op, når jeg tager initiativ."), False),
        ],
    ),
    (
        "anerkendelse",
        gettext_noop("Anerkendelse"),
        gettext_noop("Det bliver set, når vi lykkes og tager initiativ."),
        [
            ("anerkendelse_set", gettext_noop("Når jeg tager et godt initiativ, bliver det set."), False),
            ("anerkendelse_kolleger", gettext_noop("Vi siger det til hinanden, når noget lykkes."), False),
        ],
    ),
    (
        "tillid",
        gettext_noop("Tillid og samarbejde"),
        gettext_noop("Tillid mellem ledelse og medarbejdere, og mellem leder, TR og AMR."),
        [
            (
                "tillid_ledelse",
                gettext_noop("Der er tillid mellem ledelse og medarbejdere på min arbejdsplads."),
                False,
            ),
            ("tillid_med", gettext_noop("Leder, TR og AMR samarbejder godt hos os."), False),
        ],
    ),
    (
        "helhed",
        gettext_noop("Helhed og samarbejde på tværs"),
        gettext_noop("Initiativ med blik for helheden."),
        [
            (
                "helhed_tvaers",
                gettext_noop("Vi hjælper hinanden på tværs af teams, når det er nødvendigt."),
                False,
            ),
            (
                "helhed_blik",
                gettext_noop(
                    "Vi træffer beslutninger med blik for helheden og ikke kun for vores eget team."
                ),
                False,
            ),
        ],
    ),
    (
        "handlekraft",
        gettext_noop("Handlekraft og forenkling"),
        gettext_noop("Vi kan handle hurtigt, og unødige regler forsvinder."),
        [
            (
                "handlekraft_hurtigt",
                gettext_noop("Vi kan handle hurtigt, når en borger har brug for det."),
                False,
            ),
            (
                "handlekraft_regler",
                gettext_noop("Unødige regler og dobbeltarbejde bliver fjernet, når vi peger på dem."),
                False,
            ),
        ],
    ),
    (
        "arbejdsglaede",
        gettext_noop("Arbejdsglæde"),
        gettext_noop("Arbejdet giver mening og lyst."),
        [
            ("glaede_mening", gettext_noop("Mit arbejde giver mening for mig."), False),
            ("glaede_lyst", gettext_noop("Jeg går som regel på arbejde med lyst."), False),
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
