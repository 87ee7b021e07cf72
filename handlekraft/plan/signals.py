"""A person who becomes leader of a unit starts the leader onboarding (plan/onboarding.py): one by one
(admin, SSO) or through an organisation import or sync that adds roles (not the first import, which brings
every leader the municipality already has), or when a planned role begins."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from handlekraft.organisation.models import Membership, Role
from handlekraft.organisation.signals import memberships_added

from .models import LeaderOnboarding


@receiver(post_save, sender=Membership, dispatch_uid="plan-leader-onboarding")
def start_onboarding(sender, instance: Membership, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw and instance.role == Role.LEADER:
        LeaderOnboarding.objects.get_or_create(leader_id=instance.user_id, unit_id=instance.unit_id)


@receiver(memberships_added, dispatch_uid="plan-leader-onboarding-import")
def start_onboarding_after_import(sender, memberships: list[Membership], **kwargs) -> None:
    """Leaders new in a unit (an import, an OS2mo sync, a planned role that began): the checklist counts
    from the day they became its leader."""
    today = timezone.localdate()
    leaders = [
        LeaderOnboarding(leader_id=m.user_id, unit_id=m.unit_id, started=m.starts_on or today)
        for m in memberships
        if m.role == Role.LEADER
    ]
    LeaderOnboarding.objects.bulk_create(leaders, ignore_conflicts=True)
