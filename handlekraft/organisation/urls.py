from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import DKFDSPasswordResetForm, DKFDSSetPasswordForm

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "adgangskode/nulstil/",
        auth_views.PasswordResetView.as_view(form_class=DKFDSPasswordResetForm),
        name="password_reset",
    ),
    path(
        "adgangskode/nulstil/sendt/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "adgangskode/ny/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=DKFDSSetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "adgangskode/ny/faerdig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/enheder/<str:external_id>/", views.unit_detail, name="unit"),
    path("organisation/udvalg/<int:pk>/", views.committee_detail, name="committee"),
    path("profil/", views.profile, name="profile"),
    path("profil/noegler/<int:pk>/tilbagekald/", views.revoke_token, name="token-revoke"),
]
