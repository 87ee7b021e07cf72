from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "kind", "created", "read"]
    list_filter = ["kind"]
    search_fields = ["title"]
    raw_id_fields = ["recipient"]
