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


@pytest.mark.parametrize(
    "text",
    [
        f"Borgerens cpr er {VALID[:6]}-{VALID[6:]}, ring tilbage",
        f"{VALID[:6]} {VALID[6:]} har fået ny hjælper",
        f"Hun har nummer {VALID}.",
        f"Vedr. {VALID[:6]}/{VALID[6:]}",
        f"CPR-nr.: {AFTER_2007_NO_MOD11[:6]}-{AFTER_2007_NO_MOD11[6:]}",
        f"Barnet ({AFTER_2007_NO_MOD11}) starter i vuggestuen",
    ],
)
def test_it_finds_cpr_numbers_with_and_without_separator(text):
    assert find_cpr(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ordrenummer 0101901009 er afsendt",  # valid-looking, but the context says order number
        "Ring på tlf. 0101901009",  # phone context
        "Mødet er 01.01.1990 kl. 10",  # a date
        "Ring til 12 34 56 78",  # a phone number
        "Kontonummer 1234-5678901234",  # a bank account
        "Faktura 3213904001",  # 32nd of March is no date
        "Sagsnr. 0101901000",  # invalid modulus 11 before 2007, and a case number
        "0101901000 er ikke et CPR-nummer",  # before 2007 and fails modulus 11
        "Beløbet var 12345678901 kr.",  # eleven digits
        "Varenummer 010190-1009-22",  # part of a longer code
    ],
)
def test_it_lets_other_numbers_through(text):
    assert find_cpr(text) == [], text


def test_a_future_birth_date_is_not_a_cpr_number():
    future = "0101364003"  # 1 January 2036 by its 7th digit, passes modulus 11
    assert passes_modulus11(future)
    assert find_cpr(f"Nummer {future}") == []


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
