from django.urls import path

from . import plans, views

urlpatterns = [
    path("", views.surveys, name="surveys"),
    path("<int:pk>/", views.results, name="survey"),
    path("<int:pk>/handleplan/", plans.action_plan, name="action-plan"),
    path("<int:pk>/handleplaner/", plans.plans_overview, name="action-plans"),
]
