from django.urls import path

from .views import summaries

app_name = "summaries"
urlpatterns = [
    path("", summaries.summaries, name="list"),
    path("<int:pk>/", summaries.detail, name="detail"),
    path("<int:pk>/kor-igen/", summaries.rerun, name="rerun"),
    path("<int:pk>/temaer/<int:theme_pk>/", summaries.theme_action, name="theme"),
    path("<int:pk>/noter/<int:note_pk>/", summaries.move_note, name="move-note"),
    path("<int:pk>/tekster/", summaries.texts, name="texts"),
    path("<int:pk>/rapport.<str:kind>", summaries.report, name="report"),
]
