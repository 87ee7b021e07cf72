from django.urls import path

from .views import exports, manage, plans, results

urlpatterns = [
    path("", results.surveys, name="surveys"),
    path("ny/", manage.create, name="create"),
    path("<int:pk>/", results.results, name="survey"),
    path("<int:pk>/styring/", manage.manage, name="manage"),
    path("<int:pk>/styring/send/", manage.send_codes, name="send-codes"),
    path("<int:pk>/styring/sedler/", manage.slips, name="slips"),
    path("<int:pk>/styring/luk/", manage.close, name="close"),
    path("<int:pk>/handleplan/", plans.action_plan, name="action-plan"),
    path("<int:pk>/resultater.xlsx", exports.xlsx, name="xlsx"),
    path("<int:pk>/rapport.<str:kind>", exports.report, name="report"),
    path("<int:pk>/handleplaner/", plans.plans_overview, name="action-plans"),
]
