from django.urls import path

from .views import areas, exports, poker, questions

app_name = "mandates"
urlpatterns = [
    path("", areas.my_mandates, name="mine"),
    path("maa-jeg-selv/", areas.search, name="search"),
    path("enheder/<str:external_id>/", areas.unit_mandates, name="unit"),
    path("enheder/<str:external_id>/nyt/", areas.area_create, name="create"),
    path("enheder/<str:external_id>/tavle/", exports.board, name="board"),
    path("enheder/<str:external_id>/raaderum.pdf", exports.pdf, name="pdf"),
    path("enheder/<str:external_id>/raaderum.xlsx", exports.xlsx, name="xlsx"),
    path("omraader/<int:pk>/", areas.area_detail, name="area"),
    path("omraader/<int:pk>/rediger/", areas.area_edit, name="edit"),
    path("omraader/<int:pk>/arkiver/", areas.area_archive, name="archive"),
    path("omraader/<int:pk>/versioner/<int:number>/", areas.version_detail, name="version"),
    path("spoergsmaal/", questions.my_questions, name="questions"),
    path("spoergsmaal/nyt/", questions.ask, name="ask"),
    path("spoergsmaal/<int:pk>/", questions.question_detail, name="question"),
    path("aflaering/", questions.unlearning, name="unlearning"),
    path("enheder/<str:external_id>/poker/", poker.sessions, name="poker-list"),
    path("enheder/<str:external_id>/poker/ny/", poker.start, name="poker-start"),
    path("poker/<int:pk>/", poker.session_page, name="poker"),
    path("poker/<int:pk>/stem/", poker.vote, name="poker-vote"),
    path("poker/<int:pk>/styr/", poker.control, name="poker-control"),
]
