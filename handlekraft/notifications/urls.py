from django.urls import path

from . import views

urlpatterns = [
    path("", views.notification_list, name="notifications"),
    path("<int:pk>/aabn/", views.open_notification, name="notification-open"),
    path("alle-laest/", views.mark_all_read, name="notifications-read"),
    path("fravalg/<str:token>/", views.unsubscribe_email, name="email-unsubscribe"),
]
