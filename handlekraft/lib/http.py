"""Requests as the views get them, named for the type checker (Django builds a plain `HttpRequest`).

`HtmxRequest`: django-htmx's middleware has said whether htmx sent it (`request.htmx`). The signed-in
kind, whose user is a person, is `organisation.http.SignedInRequest`.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    htmx: HtmxDetails
