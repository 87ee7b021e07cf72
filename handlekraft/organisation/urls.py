from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import DKFDSPasswordResetForm, DKFDSSetPasswordForm
from .views import organisation, profile, signing_in

urlpatterns = [
    path("login/", signing_in.LoginView.as_view(), name="login"),
    path("logout/", signing_in.LogoutView.as_view(), name="logout"),
    path("login/kode/", signing_in.code_login, name="code-login"),
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
    path("organisation/", organisation.organisation, name="organisation"),
    path("organisation/enheder/<str:external_id>/", organisation.unit_detail, name="unit"),
    path(
        "organisation/enheder/<str:external_id>/engangskoder/",
        organisation.sign_in_codes,
        name="sign-in-codes",
    ),
    path("organisation/udvalg/<int:pk>/", organisation.committee_detail, name="committee"),
    path("profil/", profile.profile, name="profile"),
    path("profil/noegler/<int:pk>/tilbagekald/", profile.revoke_token, name="token-revoke"),
    path("profil/mine-data.<str:kind>", profile.my_data, name="my-data"),
    path("profil/historier-efter-fratraedelse/", profile.keep_stories, name="keep-stories"),
]
