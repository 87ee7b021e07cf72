from django.urls import path

from . import feeds, views

app_name = "stories"
urlpatterns = [
    path("", views.feed, name="feed"),
    path("mine/", views.mine, name="mine"),
    path("ny/", views.create, name="create"),
    path("fag/", views.professions, name="professions"),
    path("fag/<slug:slug>/", views.profession, name="profession"),
    path("abonner/", feeds.subscribe, name="subscribe"),
    path("atom/", feeds.atom, name="atom"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rediger/", views.edit, name="edit"),
    path("<int:pk>/samtykke/", views.consent, name="consent"),
    path("<int:pk>/kolleger/<int:person_pk>/fjern/", views.remove_person, name="remove-person"),
    path("<int:pk>/anerkend/", views.recognise, name="recognise"),
    path("<int:pk>/skjul/", views.hide, name="hide"),
]
