from django.urls import path

from .views import calendar, follow_ups, onboarding, status, timeline

app_name = "plan"
urlpatterns = [
    path("", timeline.timeline, name="timeline"),
    path("fora/<int:pk>/", timeline.forum_page, name="forum"),
    path("aktiviteter/ny/", timeline.activity_edit, name="activity-create"),
    path("aktiviteter/<int:pk>/", timeline.activity_detail, name="activity"),
    path("aktiviteter/<int:pk>/rediger/", timeline.activity_edit, name="activity-edit"),
    path("opfoelgning/", follow_ups.follow_ups, name="follow-ups"),
    path("opfoelgning/ny/", follow_ups.follow_up_create, name="follow-up-create"),
    path("opfoelgning/<int:pk>/", follow_ups.follow_up_detail, name="follow-up"),
    path("opfoelgning/<int:pk>/rediger/", follow_ups.follow_up_edit, name="follow-up-edit"),
    path("kalender/", calendar.subscribe, name="calendar"),
    path("kalender/mine.ics", calendar.personal_feed, name="ical-mine"),
    path("kalender/fora/<int:pk>.ics", calendar.forum_feed, name="ical-forum"),
    path("status/", status.status_page, name="status"),
    path("status/opdater/", status.refresh, name="status-refresh"),
    path("status/rapport.<str:kind>", status.report, name="status-report"),
    path("onboarding/", onboarding.onboarding_overview, name="onboarding"),
    path("onboarding/mine/", onboarding.my_onboarding, name="my-onboarding"),
    path("onboarding/<int:pk>/tr-amr/", onboarding.onboarding_tick, name="onboarding-tick"),
    path("velkommen/", onboarding.welcome, name="welcome"),
    path("velkommen/boks/", onboarding.welcome_box, name="welcome-box"),
    path("velkommen/skjul/", onboarding.welcome_dismiss, name="welcome-dismiss"),
]
