from django.urls import path

from .views import experiments, proposals

app_name = "experiments"
urlpatterns = [
    path("", experiments.board, name="board"),
    path("ny/", experiments.create, name="create"),
    path("<int:pk>/", experiments.detail, name="detail"),
    path("<int:pk>/rediger/", experiments.edit, name="edit"),
    path("<int:pk>/start/", experiments.start, name="start"),
    path("<int:pk>/beslut/", experiments.decide, name="decide"),
    path("<int:pk>/evaluer/", experiments.evaluate, name="evaluate"),
    path("forenkling/", proposals.proposal_list, name="proposals"),
    path("forenkling/nyt/", proposals.proposal_create, name="proposal-create"),
    path("forenkling/<int:pk>/", proposals.proposal_detail, name="proposal"),
]
