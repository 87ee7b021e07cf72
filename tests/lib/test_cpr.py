"""The personal-data guard refuses CPR numbers and lets ordinary numbers through."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from handlekraft.lib.cpr import find_cpr, passes_modulus11, validate_no_cpr

# 01.01.1990, 7th digit 1 (1900s), passes modulus 11.
VALID = "0101901009"
# 12.03.2010, 7th digit 4 (2000s for years 00-36), fails modulus 11: issued after 2007, still a CPR number.
AFTER_2007_NO_MOD11 = "1203104001"


def test_the_test_numbers_are_what_they_claim():
    assert passes_modulus11(VALID)
    assert not passes_modulus11(AFTER_2007_NO_MOD11)


# (text, is a CPR number). Both ways, with every kind of separator; the refused ones include numbers that
# fail modulus 11 with a birth date before 2007 and numbers next to words such as "tlf" or "ordre".
NBSP, EN_DASH, NB_HYPHEN, ZWSP, SOFT_HYPHEN, MINUS, THIN = (
    "\u00a0",
    "\u2013",
    "\u2011",
    "\u200b",
    "\u00ad",
    "\u2212",
    "\u202f",
)
TABLE = [
    # --- refused: a valid date and four digits, whatever stands between them
    (f"Borgerens cpr er {VALID[:6]}-{VALID[6:]}, ring tilbage", True),
    (f"{VALID[:6]} {VALID[6:]} har fået ny hjælper", True),
    (f"Hun har nummer {VALID}.", True),
    (f"Vedr. {VALID[:6]}/{VALID[6:]}", True),
    (f"CPR-nr.: {AFTER_2007_NO_MOD11[:6]}-{AFTER_2007_NO_MOD11[6:]}", True),
    (f"Barnet ({AFTER_2007_NO_MOD11}) starter i vuggestuen", True),
    ("07 07 61 4285", True),
    ("07.07.61-4285", True),
    ("07.07.61.4285", True),
    ("07/07/61 4285", True),
    (f"070761{NBSP}4285", True),
    (f"0707{NBSP}61{NBSP}4285", True),
    (f"070761{EN_DASH}4285", True),
    (f"070761 {EN_DASH} 4285", True),
    (f"070761{NB_HYPHEN}4285", True),
    (f"070761{MINUS}4285", True),
    (f"0707{ZWSP}614285", True),
    (f"070761{ZWSP}-{ZWSP}4285", True),
    (f"070761{SOFT_HYPHEN}4285", True),
    (f"070761{THIN}4285", True),
    ("070761\n\n4285", True),
    ("070761\r\n\r\n4285", True),
    ("070761 -\n4285", True),
    ("Ring til borgeren på tlf 0707614285", True),
    ("tlf. 070761-4285", True),
    ("Ordre 0101901009 er afsendt", True),
    ("Ordrenummer 0101901009 er afsendt", True),
    ("Sagsnr. 0101901000", True),
    ("0101901000 er et nummer med en fejl i kontrolcifferet", True),
    ("0101 901009", True),
    ("01 01 90 10 09", True),
    ("0 1 0 1 9 0 1 0 0 9", True),
    ("010203-1234", True),
    ("CPR 010203-1234", True),
    ("cpr: 010203 1234", True),
    ("født 311299-1234", True),
    ("290200-4123 (skudår)", True),
    ("Varenummer 010190-1009-22", True),
    (f"Mødet 2025-03-12 {VALID} gik godt.", True),
    (f"Den 12.03.2025 mødte vi {VALID[:6]}-{VALID[6:]} i døren.", True),
    ("Nummer 0101364003", True),  # 1 January 2036 by its 7th digit: no such person yet, still refused
    ("Tallet er ١٢٠٣١٠٤٠٠١", True),  # Arabic-Indic digits are digits too
    # --- allowed: phone numbers, amounts, dates, and digits whose first six are no date
    ("Ring til 12 34 56 78", False),
    ("Ring til +45 12345678", False),
    ("Ring til +45 12 34 56 78", False),
    ("Tlf. 20128812 / 30115522", False),
    ("Mødet er 01.01.1990 kl. 10", False),
    ("Den 12.03.2025 og den 2025-03-12 gik det godt, kl. 10.30.", False),
    ("Fra 2026-12-02 til 2026-12-09", False),
    ("Beløbet var 12345678901 kr.", False),
    ("Det kostede 1.234.567,89 kr.", False),
    ("Budgettet er 12.500.000 kr. for 2027", False),
    ("Faktura 3213904001", False),  # the 32nd of March is no date
    ("Kontonummer 1234-5678901234", False),
    ("Nummer 0013901009", False),  # day 00
    ("Nummer 1513901009", False),  # month 15
    ("Nummer 2902014001", False),  # 29 February 2001 was no date
    ("EAN 5701234567899", False),
    ("Vi prøvede en ny vagtplan i uge 12 med 4 kolleger og 2 elever.", False),
    ("Postnummer 8000 og 8200", False),
    ("12345 borgere i 2026", False),
    ("Kl. 07.30-15.30, pause 11.30", False),
    ("Version 1.2.3.4.5", False),
]


def test_the_table_has_at_least_sixty_cases_both_ways():
    assert len(TABLE) >= 60
    assert {cpr for _text, cpr in TABLE} == {True, False}


@pytest.mark.parametrize(("text", "cpr"), TABLE)
def test_the_cpr_table(text, cpr):
    assert bool(find_cpr(text)) is cpr, text


def test_the_refusal_is_danish_and_points_at_the_number_without_repeating_it():
    with pytest.raises(ValidationError) as caught:
        validate_no_cpr(f"Ring til borgeren, cpr {VALID[:6]}-{VALID[6:]}")
    message = caught.value.messages[0]
    assert "CPR-nummer" in message
    assert "010190-XXXX" in message
    assert VALID[6:] not in message  # the control digits are never echoed
    assert caught.value.code == "cpr"


def test_ordinary_text_passes():
    validate_no_cpr("Vi prøvede en ny vagtplan i uge 12 med 4 kolleger og 2 elever.")


def test_api_schemas_refuse_cpr_with_the_same_message():
    import pydantic

    from handlekraft.lib.cpr import FreeText

    class Note(pydantic.BaseModel):
        text: FreeText

    assert Note(text="Helt almindelig tekst").text == "Helt almindelig tekst"
    with pytest.raises(pydantic.ValidationError) as caught:
        Note(text=f"cpr {VALID}")
    assert "CPR-nummer" in str(caught.value)


def test_a_token_name_with_a_cpr_number_is_refused_next_to_the_field(client_as):
    html = (
        client_as("employee")
        .post("/profil/", {"action": "token", "token-name": f"Til {VALID}"})
        .content.decode()
    )
    assert 'id="id_token-name-error"' in html
    assert "CPR-nummer" in html
