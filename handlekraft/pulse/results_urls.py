from django.urls import path

from . import exports, manage_views, plans, views

urlpatterns = [
    path("", views.surveys, name="surveys"),
    path("ny/", manage_views.create, name="create"),
    path("<int:pk>/", views.results, name="survey"),
    path("<int:pk>/styring/", manage_views.manage, name="manage"),
    path("<int:pk>/styring/send/", manage_views.send_codes, name="send-codes"),
    path("<int:pk>/styring/sedler/", manage_views.slips, name="slips"),
    path("<int:pk>/styring/luk/", manage_views.close, name="close"),
    path("<int:pk>/handleplan/", plans.action_plan, name="action-plan"),
    path("<int:pk>/resultater.xlsx", exports.xlsx, name="xlsx"),
    path("<int:pk>/rapport.<str:kind>", exports.report, name="report"),
    path("<int:pk>/handleplaner/", plans.plans_overview, name="action-plans"),
]
