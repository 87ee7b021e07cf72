"""Django admin, for HR only (and a technical superuser)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from handlekraft.jobs.models import Job

from .erasure import erase_person
from .forms import ImportOrgForm
from .models import (
    Committee,
    CommitteeMember,
    ErasureRecord,
    Membership,
    PersonalToken,
    PlannedRole,
    SiteSettings,
    Unit,
    User,
)
from .tasks import import_org_job


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ["user"]


class PersonAddForm(forms.ModelForm):
    """HR adds a person without a password: they sign in with the municipality's login, or set their own
    password through "Glemt adgangskode"."""

    class Meta:
        model = User
        fields = ["email", "external_id", "name", "language"]

    def save(self, commit: bool = True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """HR manages people and their roles; only a technical superuser touches passwords and technical
    rights, so HR cannot take over an account (least privilege, issue 16)."""

    ordering = ["name"]
    list_display = ["name", "email", "external_id", "is_active", "left_on"]
    list_filter = ["is_active", "membership__role"]
    search_fields = ["name", "email", "external_id"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "external_id", "name", "language", "password"]}),
        (_("Adgang"), {"fields": ["is_active", "sso_subject", "is_staff", "is_superuser"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined", "left_on", "erased", "erase_link"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined", "left_on", "erased", "erase_link"]
    filter_horizontal = []

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        if obj is None:
            return [(None, {"classes": ["wide"], "fields": ["email", "external_id", "name", "language"]})]
        return [
            (None, {"fields": ["email", "external_id", "name", "language"]}),
            (_("Adgang"), {"fields": ["is_active", "sso_subject"]}),
            (_("Datoer"), {"fields": ["last_login", "date_joined", "left_on", "erased", "erase_link"]}),
        ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None and not request.user.is_superuser:
            kwargs["form"] = PersonAddForm
            kwargs["fields"] = ["email", "external_id", "name", "language"]
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # Only a technical superuser hands out technical rights, or links a person to another SSO login
        # (HR could otherwise link its own login to someone else's account).
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, "sso_subject", "is_staff", "is_superuser"]

    def _touches_a_technical_account(self, request, obj) -> bool:
        return obj is not None and (obj.is_superuser or obj.is_staff) and not request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._touches_a_technical_account(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._touches_a_technical_account(
            request, obj
        )

    def get_urls(self):
        erase = self.admin_site.admin_view(self.erase_view)
        return [
            path("<int:pk>/slet-personoplysninger/", erase, name="organisation_user_erase"),
            *super().get_urls(),
        ]

    @admin.display(description=_("Personoplysninger"))
    def erase_link(self, obj):
        if obj is None or obj.pk is None or obj.erased:
            return _("Slettet") if obj is not None and obj.erased else "–"
        url = reverse("admin:organisation_user_erase", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Slet personoplysningerne nu"))

    def erase_view(self, request, pk: int):
        """HR erases one person's data at once (GDPR article 17), after a confirmation; the erasure is
        logged (ErasureRecord) with who did it."""
        person = get_object_or_404(User, pk=pk)
        if (
            not self.has_change_permission(request, person)
            or person.pk == request.user.pk
            or person.is_superuser
            or person.is_staff
        ):
            raise PermissionDenied
        if person.erased:
            messages.info(request, _("Personoplysningerne er allerede slettet."))
            return redirect("admin:organisation_user_change", person.pk)
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            erase_person(person, by=request.user, reason=ErasureRecord.Reason.HR)
            messages.success(request, _("Personoplysningerne er slettet, og sletningen er skrevet i loggen."))
            return redirect("admin:organisation_user_change", person.pk)
        context = {
            **self.admin_site.each_context(request),
            "person": person,
            "title": _("Slet personoplysninger"),
        }
        return TemplateResponse(request, "admin/organisation/erase.html", context)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "external_id", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "external_id"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="organisation_unit_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload UNITS.csv and PEOPLE.csv; the import runs as a background task with a progress bar."""
        form = ImportOrgForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = Job.objects.create(
                title=str(_("Import af organisationen")),
                created_by=request.user,
                back_url=reverse("admin:organisation_unit_import"),
                input={
                    "units": form.cleaned_data["units_text"],
                    "people": form.cleaned_data.get("people_text"),
                    "deactivate_missing": form.cleaned_data["deactivate_missing"],
                },
            )
            import_org_job.enqueue(str(job.pk))
            messages.info(request, _("Importen er startet. Du kan følge den her."))
            return redirect(job.get_absolute_url())
        context = {**self.admin_site.each_context(request), "form": form, "title": _("Importér organisation")}
        return TemplateResponse(request, "admin/organisation/import.html", context)


class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "unit"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["unit"]
    inlines = [CommitteeMemberInline]


admin.site.register(Committee, CommitteeAdmin)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalToken)
class PersonalTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created", "last_used", "revoked"]
    readonly_fields = ["user", "hint", "created", "last_used"]
    fields = ["name", "user", "hint", "created", "last_used", "revoked"]

    def has_add_permission(self, request):
        return False


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    """The log of erasures: read only, never changed or deleted."""

    list_display = ["created", "person", "reason", "erased_by"]
    list_filter = ["reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlannedRole)
class PlannedRoleAdmin(admin.ModelAdmin):
    """Roles that begin on a later date (from the import or OS2mo); they begin by themselves."""

    list_display = ["user", "unit", "role", "starts_on", "ends_on"]
    list_filter = ["role"]
    search_fields = ["user__name", "unit__name"]
    autocomplete_fields = ["user", "unit"]
