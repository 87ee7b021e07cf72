from django.urls import path

from . import views

urlpatterns = [path("<uuid:pk>/", views.job_detail, name="job")]
