from django.contrib import admin

from .models import Notification, OutgoingEmail


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created", "read"]
    list_filter = ["kind"]
    search_fields = ["title"]
    raw_id_fields = ["recipient"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """What waits to be sent and why (the last error); read only. The bodies stay out of the list."""

    list_display = ["subject", "to", "created", "sent_at", "attempts", "last_error"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["to", "subject"]
    readonly_fields = [
        "to",
        "subject",
        "body",
        "key",
        "created",
        "send_after",
        "sent_at",
        "attempts",
        "last_error",
    ]

    def has_add_permission(self, request):
        return False
