from django.urls import path

from . import proposals, views

app_name = "experiments"
urlpatterns = [
    path("", views.board, name="board"),
    path("ny/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rediger/", views.edit, name="edit"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/beslut/", views.decide, name="decide"),
    path("<int:pk>/evaluer/", views.evaluate, name="evaluate"),
    path("forenkling/", proposals.proposal_list, name="proposals"),
    path("forenkling/nyt/", proposals.proposal_create, name="proposal-create"),
    path("forenkling/<int:pk>/", proposals.proposal_detail, name="proposal"),
]
