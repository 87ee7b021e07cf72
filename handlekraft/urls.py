from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from handlekraft import views
from handlekraft.api import api
from handlekraft.api import docs as api_docs

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Browsers and tools that ask for /favicon.ico without reading the page get the site's icon.
    path("favicon.ico", views.favicon),
    path("readyz", views.readyz, name="readyz"),
    path("sprog/<str:code>/", views.set_language, name="set-language"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("privatliv/", views.privacy, name="privacy"),
    path("api/", api_docs, name="api-docs"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("", include("handlekraft.organisation.urls")),
    path("raaderum/", include("handlekraft.mandates.urls")),
    path("proevehandlinger/", include("handlekraft.experiments.urls")),
    path("historier/", include("handlekraft.stories.urls")),
    path("dialog/", include("handlekraft.dialogue.urls")),
    path("opsamling/", include("handlekraft.summaries.urls")),
    path("puls/", include("handlekraft.pulse.urls")),
    path("plan/", include("handlekraft.plan.urls")),
    path("maaling/", include(("handlekraft.pulse.results_urls", "pulse"), namespace="results")),
    path("m/", include(("handlekraft.dialogue.participant_urls", "participant"))),
    path("notifikationer/", include("handlekraft.notifications.urls")),
    path("job/", include("handlekraft.jobs.urls")),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "handlekraft.views.bad_request"
handler403 = "handlekraft.views.permission_denied"
handler404 = "handlekraft.views.page_not_found"
handler500 = "handlekraft.views.server_error"
