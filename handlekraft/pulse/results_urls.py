from django.urls import path

from . import views

urlpatterns = [
    path("", views.surveys, name="surveys"),
    path("<int:pk>/", views.results, name="survey"),
]
