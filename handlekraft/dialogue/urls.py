from django.urls import path

from . import views

app_name = "dialogue"
urlpatterns = [
    path("", views.meetings, name="meetings"),
    path("nyt/", views.create, name="create"),
    path("<int:pk>/", views.board, name="board"),
    path("<int:pk>/rediger/", views.edit, name="edit"),
    path("<int:pk>/aendringer/", views.changes, name="changes"),
    path("<int:pk>/skaerm/", views.projector, name="projector"),
    path("<int:pk>/status/", views.set_status, name="status"),
    path("<int:pk>/facilitatorer/", views.add_facilitator, name="add-facilitator"),
    path("<int:pk>/grupper/", views.add_group, name="add-group"),
    path("<int:pk>/noter/<int:note_pk>/", views.note_action, name="note"),
    path("<int:pk>/afstemninger/", views.add_poll, name="add-poll"),
    path("<int:pk>/afstemninger/<int:poll_pk>/", views.toggle_poll, name="toggle-poll"),
    path("<int:pk>/noter.csv", views.export_csv, name="export-csv"),
    path("<int:pk>/noter.docx", views.export_docx, name="export-docx"),
]
