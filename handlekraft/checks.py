"""Our own `manage.py check --deploy` checks."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

NO_REAL_MAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@register(Tags.security, deploy=True)
def mail_reaches_people(app_configs, **kwargs) -> list[Error]:
    """With DEBUG off, mail to the console puts live reset links and pulse codes in the logs."""
    if settings.DEBUG or settings.EMAIL_BACKEND not in NO_REAL_MAIL or settings.EMAIL_CONSOLE_OK:
        return []
    return [
        Error(
            "E-mail goes to the console or nowhere although DEBUG is off: reset links and answer codes "
            "would end up in the logs.",
            hint="Set EMAIL_URL (smtp://user:password@relay:587), or EMAIL_CONSOLE_OK=1 for a demo "
            "without mail.",
            id="handlekraft.E001",
        )
    ]
