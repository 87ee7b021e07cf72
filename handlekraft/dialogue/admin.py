from django.contrib import admin

from .models import MeetingTemplate


@admin.register(MeetingTemplate)
class MeetingTemplateAdmin(admin.ModelAdmin):
    """Dialogmateriale: HR adds templates; the built-in ones can be adjusted."""

    list_display = ["name", "starts_poker", "builtin"]
    readonly_fields = ["builtin"]
    fields = [
        "name",
        "introduction",
        "participant_text",
        "shows_description",
        "columns",
        "starts_poker",
        "builtin",
    ]
