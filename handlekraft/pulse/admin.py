"""HR keeps the item bank: constructs and items, with their source and licence. Responses, codes and
aggregates are deliberately not in the admin: no screen shows a single response, not even to HR."""

from django.contrib import admin

from .models import Construct, Item


class ItemInline(admin.TabularInline):
    model = Item
    extra = 0
    fields = ["key", "text", "reversed", "in_default_pulse", "order", "source", "licence"]


@admin.register(Construct)
class ConstructAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "order", "source"]
    inlines = [ItemInline]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["text", "construct", "reversed", "in_default_pulse", "source"]
    list_filter = ["construct", "in_default_pulse"]
