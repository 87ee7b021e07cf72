"""HR maintains the plan in the admin: the initiative with its success indicators, the forums, and who is
a new leader. Activities and follow-up items have their own pages too."""

from django.contrib import admin

from .models import Activity, FollowUp, Forum, Initiative, LeaderOnboarding, SuccessIndicator


class IndicatorInline(admin.TabularInline):
    model = SuccessIndicator
    extra = 0


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "first_quarter", "last_quarter"]
    inlines = [IndicatorInline]


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "committee", "order"]
    list_editable = ["order"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "quarter", "kind", "status", "responsible"]
    list_filter = ["quarter", "kind", "status", "forum"]
    search_fields = ["title"]
    raw_id_fields = ["responsible", "meetings", "summaries", "surveys", "action_plans"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "owner", "due", "status"]
    list_filter = ["status", "forum"]
    search_fields = ["title"]
    raw_id_fields = ["owner", "meeting", "action_plan", "activity", "created_by"]


@admin.register(LeaderOnboarding)
class LeaderOnboardingAdmin(admin.ModelAdmin):
    list_display = ["leader", "unit", "started", "met_representatives_on"]
    raw_id_fields = ["leader", "unit"]
    search_fields = ["leader__name", "unit__name"]
