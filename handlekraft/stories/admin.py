from django.contrib import admin

from .models import AuditEntry, Profession


@admin.register(Profession)
class ProfessionAdmin(admin.ModelAdmin):
    """HR keeps the list of professions ("fagområder") that stories are browsed by."""

    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The log of hidden and restored stories: read only, so it stays a true record."""

    list_display = ["created", "action", "story", "actor"]
    list_filter = ["action"]
    readonly_fields = ["created", "action", "story", "actor", "reason"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
