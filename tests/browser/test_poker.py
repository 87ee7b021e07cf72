"""Delegation poker live in two browsers: the employee votes by keyboard, the leader reveals and records."""

from __future__ import annotations

from tests.browser.test_main_flow import log_in
from tests.browser.test_mandates import demo  # noqa: F401 (fixture)


def test_poker_live_between_leader_and_employee(open_page, demo):  # noqa: F811
    # Each in a context of their own, closed when the test ends (the poker page polls).
    leader, employee = open_page(), open_page()
    log_in(leader, "leder@eksempel.dk")
    leader.goto("/raaderum/enheder/SO-SOL/poker/ny/")
    leader.page.get_by_label("Indretning af fællesarealer").check()
    leader.page.get_by_role("button", name="Start").click()
    leader.page.wait_for_url("**/raaderum/poker/**")
    leader.check()
    url = leader.page.url

    log_in(employee, "medarbejder@eksempel.dk")
    employee.page.goto(url)
    employee.check()
    # Keyboard only: focus the first card, arrow to 6, and submit with Enter.
    employee.page.get_by_label("1 Fortælle – lederen beslutter og fortæller").focus()
    for _ in range(5):
        employee.page.keyboard.press("ArrowDown")
    assert employee.page.get_by_label("6 Spørge ind – I beslutter, lederen spørger ind bagefter").is_checked()
    employee.page.keyboard.press("Enter")
    employee.page.get_by_text("Dit kort: 6.").wait_for()
    employee.check()

    # The leader's status panel polls and shows that Mads has voted, but not what.
    leader.page.get_by_text("1 har lagt et kort: Mads Andersen").wait_for(timeout=6000)
    leader.page.get_by_role("button", name="Vend kortene").click()
    leader.page.get_by_role("heading", name="Kortene er vendt").wait_for()
    leader.check()

    # The employee's page follows by itself.
    employee.page.get_by_role("heading", name="Kortene er vendt").wait_for(timeout=6000)
    employee.check()
    assert employee.page.get_by_role("cell", name="Mads Andersen").is_visible()

    leader.page.get_by_label("Aftalt niveau").select_option("6")
    leader.page.get_by_role("button", name="Registrér og gå videre").click()
    leader.page.get_by_role("heading", name="Aftalt").wait_for()
    leader.check()
