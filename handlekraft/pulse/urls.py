from django.urls import path

from .views import answer

app_name = "pulse"
urlpatterns = [
    path("", answer.answer, name="answer"),
]
