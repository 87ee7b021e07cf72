from django.urls import path

from .views import feeds, stories

app_name = "stories"
urlpatterns = [
    path("", stories.feed, name="feed"),
    path("mine/", stories.mine, name="mine"),
    path("ny/", stories.create, name="create"),
    path("fag/", stories.professions, name="professions"),
    path("fag/<slug:slug>/", stories.profession, name="profession"),
    path("abonner/", feeds.subscribe, name="subscribe"),
    path("atom/", feeds.atom, name="atom"),
    path("<int:pk>/", stories.detail, name="detail"),
    path("<int:pk>/rediger/", stories.edit, name="edit"),
    path("<int:pk>/samtykke/", stories.consent, name="consent"),
    path("<int:pk>/kolleger/<int:person_pk>/fjern/", stories.remove_person, name="remove-person"),
    path("<int:pk>/anerkend/", stories.recognise, name="recognise"),
    path("<int:pk>/skjul/", stories.hide, name="hide"),
]
