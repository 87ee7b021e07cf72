from django.urls import path

from . import ical, status_views, views

app_name = "plan"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("fora/<int:pk>/", views.forum_page, name="forum"),
    path("aktiviteter/ny/", views.activity_edit, name="activity-create"),
    path("aktiviteter/<int:pk>/", views.activity_detail, name="activity"),
    path("aktiviteter/<int:pk>/rediger/", views.activity_edit, name="activity-edit"),
    path("opfoelgning/", views.follow_ups, name="follow-ups"),
    path("opfoelgning/ny/", views.follow_up_create, name="follow-up-create"),
    path("opfoelgning/<int:pk>/", views.follow_up_detail, name="follow-up"),
    path("opfoelgning/<int:pk>/rediger/", views.follow_up_edit, name="follow-up-edit"),
    path("kalender/", ical.subscribe, name="calendar"),
    path("kalender/mine.ics", ical.personal_feed, name="ical-mine"),
    path("kalender/fora/<int:pk>.ics", ical.forum_feed, name="ical-forum"),
    path("status/", status_views.status_page, name="status"),
    path("status/opdater/", status_views.refresh, name="status-refresh"),
    path("status/rapport.<str:kind>", status_views.report, name="status-report"),
    path("onboarding/", views.onboarding_overview, name="onboarding"),
    path("onboarding/mine/", views.my_onboarding, name="my-onboarding"),
    path("onboarding/<int:pk>/tr-amr/", views.onboarding_tick, name="onboarding-tick"),
    path("velkommen/", views.welcome, name="welcome"),
    path("velkommen/boks/", views.welcome_box, name="welcome-box"),
    path("velkommen/skjul/", views.welcome_dismiss, name="welcome-dismiss"),
]
