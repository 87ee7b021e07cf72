"""The participants' short addresses: /m/ and /m/{join_code} (the QR code points here)."""

from django.urls import path

from .views import participant

urlpatterns = [
    path("", participant.start, name="start"),
    path("<str:code>/", participant.join, name="join"),
    path("<str:code>/noter/<int:pk>/", participant.change_note, name="change-note"),
    path("<str:code>/afstemninger/<int:poll_pk>/", participant.vote, name="vote"),
]
