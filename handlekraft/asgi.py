import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handlekraft.settings")
from django.conf import settings

# Refuse to start, rather than fail at the first request, when production has no SECRET_KEY.
if not settings.SECRET_KEY:  # Django itself raises "The SECRET_KEY setting must not be empty" here
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see README.md, Configuration).")

application = get_asgi_application()
