from django.urls import path

from . import views

app_name = "summaries"
urlpatterns = [
    path("", views.summaries, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/kor-igen/", views.rerun, name="rerun"),
    path("<int:pk>/temaer/<int:theme_pk>/", views.theme_action, name="theme"),
    path("<int:pk>/noter/<int:note_pk>/", views.move_note, name="move-note"),
    path("<int:pk>/tekster/", views.texts, name="texts"),
    path("<int:pk>/rapport.<str:kind>", views.report, name="report"),
]
