from django.urls import path

from .views import meetings

app_name = "dialogue"
urlpatterns = [
    path("", meetings.meetings, name="meetings"),
    path("nyt/", meetings.create, name="create"),
    path("<int:pk>/", meetings.board, name="board"),
    path("<int:pk>/rediger/", meetings.edit, name="edit"),
    path("<int:pk>/aendringer/", meetings.changes, name="changes"),
    path("<int:pk>/skaerm/", meetings.projector, name="projector"),
    path("<int:pk>/status/", meetings.set_status, name="status"),
    path("<int:pk>/facilitatorer/", meetings.add_facilitator, name="add-facilitator"),
    path("<int:pk>/grupper/", meetings.add_group, name="add-group"),
    path("<int:pk>/noter/", meetings.notes_action, name="notes"),
    path("<int:pk>/noter/<int:note_pk>/", meetings.note_action, name="note"),
    path("<int:pk>/noter/<int:note_pk>/flyt/", meetings.move_note, name="move-note"),
    path("<int:pk>/afstemninger/", meetings.add_poll, name="add-poll"),
    path("<int:pk>/afstemninger/<int:poll_pk>/", meetings.toggle_poll, name="toggle-poll"),
    path("<int:pk>/noter.csv", meetings.export_csv, name="export-csv"),
    path("<int:pk>/noter.docx", meetings.export_docx, name="export-docx"),
]
