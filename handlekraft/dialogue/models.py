"""Dialogmøder: meetings where participants post notes from their phones, with polls and a board.

Participants have no account: a random cookie identifies them (only its hash is stored). Every change a
facilitator's board must show bumps the meeting's `revision`; each note and poll remembers the revision
of its last change, so the board asks "what changed since revision N?" and gets exactly that.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.core.validators import MaxLengthValidator
from django.db import connection, models, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from handlekraft.lib.cpr import FREE_TEXT, validate_no_cpr
from handlekraft.lib.figures import UnitFigure
from handlekraft.lib.hashing import sha256_hex
from handlekraft.organisation.models import Committee, Unit, User

NOTE_MAX = 500
# The opsamling's sections a note on a board can be marked for (beside "Vejen videre", its own mark).
REPORT_MARKS = [("succeeding", _("Når vi lykkes")), ("barriers", _("Potentielle barrierer"))]
# Join codes: no 0/O, 1/I/L or 5/S, so a code read aloud or from a projector is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
CODE_LENGTH = 6


def default_columns() -> list[dict]:
    """The seed's three columns."""
    return [
        {"key": "mening", "title": "Det, der giver mening", "prompts": []},
        {"key": "svar", "title": "Det, vi mangler svar på", "prompts": []},
        {"key": "opmaerksom", "title": "Det, vi skal være opmærksomme på", "prompts": []},
    ]


REVISION_KEPT = 24 * 60 * 60  # seconds a meeting's revision stays in the cache after its last change


class MeetingTemplate(models.Model):
    """Dialogmateriale: a meeting plan with an introduction for the facilitator. HR adds more."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    introduction = models.TextField(_("introduktion til facilitator"), validators=FREE_TEXT)
    participant_text = models.TextField(
        _("tekst til deltagerne"),
        blank=True,
        validators=FREE_TEXT,
        help_text=_("Står øverst på deltagernes side: hvad mødet handler om, og hvad de skal skrive."),
    )
    shows_description = models.BooleanField(
        _("viser kommunens beskrivelse af aktørskab"),
        default=False,
        help_text=_("Beskrivelsen fra Indstillinger står på tavlen og på deltagernes side."),
    )
    columns = models.JSONField(
        _("kolonner"),
        default=default_columns,
        help_text=_('Fx [{"key": "mening", "title": "Det, der giver mening", "prompts": ["Et spørgsmål"]}]'),
    )
    starts_poker = models.BooleanField(
        _("slutter med delegationspoker"),
        default=False,
        help_text=_("Mødet slutter med, at enheden spiller delegationspoker om sit råderum."),
    )
    builtin = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("skabelon for dialogmøde")
        verbose_name_plural = _("skabeloner for dialogmøder")
        ordering = ["-builtin", "name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planlagt", _("Planlagt")
        OPEN = "aaben", _("Åben")
        CLOSED = "lukket", _("Lukket")

    title = models.CharField(_("titel"), max_length=200, validators=[validate_no_cpr])
    committee = models.ForeignKey(
        Committee,
        verbose_name=_("udvalg"),
        null=True,
        blank=True,
        related_name="meetings",
        on_delete=models.SET_NULL,
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("enhed"),
        null=True,
        blank=True,
        related_name="meetings",
        on_delete=models.SET_NULL,
    )
    starts_at = models.DateTimeField(_("dato og tidspunkt"), null=True, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitatorer"), related_name="facilitated_meetings"
    )
    template = models.ForeignKey(
        MeetingTemplate, verbose_name=_("skabelon"), null=True, blank=True, on_delete=models.SET_NULL
    )
    columns = models.JSONField(_("kolonner"), default=default_columns)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    join_code = models.CharField(_("deltagerkode"), max_length=12, unique=True, editable=False)
    revision = models.PositiveIntegerField(default=0, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)  # of its settings (lib/locking.py)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, related_name="+", on_delete=models.SET_NULL
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dialogmøde")
        verbose_name_plural = _("dialogmøder")
        ordering = ["-starts_at", "-created"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.join_code:
            self.join_code = self.new_code()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("dialogue:board", args=[self.pk])

    def join_url(self) -> str:
        return reverse("participant:join", args=[self.join_code])

    @staticmethod
    def new_code() -> str:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if not Meeting.objects.filter(join_code=code).exists():
                return code

    @staticmethod
    def normalise_code(text: str) -> str:
        """What a person types ("abc 234", "abc-234") as the stored code ("ABC234")."""
        return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:12]

    @property
    def forum(self) -> Committee | Unit | None:
        return self.committee or self.unit

    @property
    def forum_unit(self) -> Unit | None:
        """The unit the meeting concerns: the unit, or the one the committee covers."""
        if self.unit_id:
            return self.unit
        return self.committee.unit if self.committee is not None else None

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def column_keys(self) -> list[str]:
        return [c["key"] for c in self.columns]

    def column_title(self, key: str) -> str:
        return next((c["title"] for c in self.columns if c["key"] == key), key)

    def plan(self, by: User) -> None:
        """Saves a new meeting, planned (not yet open), with the person who made it as its facilitator."""
        with transaction.atomic():
            self.created_by = by
            self.save()
            self.facilitators.add(by)

    def open(self) -> bool:
        """Lets the participants write notes. False when the meeting was open already."""
        return self._move_to(self.Status.OPEN)

    def close(self) -> bool:
        """Ends the meeting: the notes are kept and no more can be written. False when it was closed."""
        return self._move_to(self.Status.CLOSED)

    def _move_to(self, status: str) -> bool:
        if self.status == status:
            return False
        with transaction.atomic():
            self.status = status
            self.save(update_fields=["status"])
            self.bump()  # the boards and phones notice at their next poll
        return True

    @staticmethod
    def revision_key(pk: int) -> str:
        return f"dialogue:revision:{pk}"

    def add_group(self, name: str, column: str) -> NoteGroup:
        """A group on the board that the facilitators sort a column's notes into."""
        with transaction.atomic():
            return NoteGroup.objects.create(meeting=self, name=name, column=column, revision=self.bump())

    def ask(self, question: str, options: list[str], multiple: bool) -> Poll:
        """Opens a poll that the participants see on their phones."""
        with transaction.atomic():
            revision = self.bump()
            poll = Poll.objects.create(meeting=self, question=question, multiple=multiple, revision=revision)
            PollOption.objects.bulk_create(
                [PollOption(poll=poll, text=text, order=n) for n, text in enumerate(options)]
            )
        return poll

    def bump(self) -> int:
        """Takes the next revision. Call inside the transaction that makes the change: the UPDATE comes
        first, so concurrent writers queue on it (SQLite waits on its busy timeout) instead of failing."""
        table = connection.ops.quote_name(Meeting._meta.db_table)  # the model's own name, never input
        with connection.cursor() as cursor:  # one statement on both databases (SQLite ≥ 3.35, PostgreSQL)
            cursor.execute(
                f"UPDATE {table} SET revision = revision + 1 WHERE id = %s RETURNING revision",  # noqa: S608
                [self.pk],
            )
            (revision,) = cursor.fetchone()
        self.revision = revision
        # The boards' polls compare with this in the shared cache, without the database (views/meetings
        # changes). Set while this transaction holds the meeting's row, so concurrent changes set it in
        # their own order and the last one stays. A change rolled back leaves a revision no board has:
        # the polls then take the full path until the next change, never a wrong "nothing new".
        cache.set(self.revision_key(self.pk), revision, REVISION_KEPT)
        return revision


class Participant(models.Model):
    """Someone taking part without an account, known by a cookie whose hash is stored here. It holds their
    poll votes; their notes are not linked to it (see `Note.owner_hash`), and it keeps no name."""

    meeting = models.ForeignKey(Meeting, related_name="participants", on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deltager")
        verbose_name_plural = _("deltagere")

    def __str__(self) -> str:
        return str(_("Anonym deltager"))

    hash = staticmethod(sha256_hex)

    @classmethod
    def join(cls, meeting: Meeting) -> tuple[Participant, str]:
        raw = secrets.token_urlsafe(24)
        return cls.objects.create(meeting=meeting, token_hash=cls.hash(raw)), raw


class NoteGroup(models.Model):
    """A named group of notes the facilitators make on the board (a theme for the opsamling)."""

    meeting = models.ForeignKey(Meeting, related_name="groups", on_delete=models.CASCADE)
    name = models.CharField(_("navn på gruppen"), max_length=120, validators=[validate_no_cpr])
    column = models.CharField(max_length=40)
    revision = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gruppe")
        verbose_name_plural = _("grupper")
        ordering = ["created"]

    def __str__(self) -> str:
        return self.name


class Note(models.Model):
    """A participant's note. Its name is chosen for this note only ("" is anonymous everywhere), and the
    note is tied to its writer only by `owner_hash`, a hash of their cookie and this note's client id: the
    writer's phone can find and change its own notes, but two notes of one phone share nothing in the
    database, so an anonymous note is never linked to the same phone's named one."""

    column_title = ""  # set for the participant's page: the title of the note's column

    meeting = models.ForeignKey(Meeting, related_name="notes", on_delete=models.CASCADE)
    owner_hash = models.CharField(max_length=64, blank=True, editable=False)
    author_name = models.CharField(_("navn"), max_length=40, blank=True, validators=[validate_no_cpr])
    client_id = models.CharField(max_length=64, editable=False)  # makes a repeated post harmless
    column = models.CharField(_("kolonne"), max_length=40)
    text = models.TextField(_("tekst"), validators=[validate_no_cpr, MaxLengthValidator(NOTE_MAX)])
    group = models.ForeignKey(
        NoteGroup, null=True, blank=True, related_name="notes", on_delete=models.SET_NULL
    )
    hidden = models.BooleanField(_("skjult"), default=False)
    way_forward = models.BooleanField(_("vejen videre"), default=False)
    # A facilitator's mark for the opsamling's own sections, suggested there from the boards.
    report_mark = models.CharField(
        _("markeret til opsamlingen"), max_length=12, blank=True, choices=REPORT_MARKS
    )
    deleted = models.BooleanField(default=False)  # deleted by the participant; kept so the board can drop it
    revision = models.PositiveIntegerField(default=0)
    first_revision = models.PositiveIntegerField(default=0)  # the revision that created it
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("noter")
        ordering = ["created", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "client_id"], name="note_unique_client_id")]
        indexes = [models.Index(fields=["meeting", "revision"])]

    def __str__(self) -> str:
        return self.text[:60]

    @staticmethod
    def owner_of(raw_token: str, client_id: str) -> str:
        return sha256_hex(f"{raw_token}:{client_id}")

    def written_by(self, raw_token: str | None) -> bool:
        if not raw_token or not self.owner_hash:
            return False
        return self.owner_hash == Note.owner_of(raw_token, self.client_id)

    @property
    def shown_name(self) -> str:
        return self.author_name or str(_("Anonym"))

    def touch(self, fields: list[str]) -> None:
        """Saves the changed fields with the meeting's next revision, so the board picks the change up."""
        with transaction.atomic():
            self.revision = self.meeting.bump()
            self.save(update_fields=[*fields, "revision", "updated"])


class Poll(models.Model):
    option_list: list[PollOption]  # set by polls_with_results(): the options with their counts
    meeting = models.ForeignKey(Meeting, related_name="polls", on_delete=models.CASCADE)
    question = models.CharField(_("spørgsmål"), max_length=300, validators=[validate_no_cpr])
    multiple = models.BooleanField(_("flere svar"), default=False)
    is_open = models.BooleanField(_("åben for svar"), default=True)
    revision = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afstemning")
        verbose_name_plural = _("afstemninger")
        ordering = ["created"]

    def __str__(self) -> str:
        return self.question

    def record_vote(self, participant: Participant, options: list[PollOption]) -> None:
        """The participant's answer, replacing the one they gave before."""
        with transaction.atomic():
            Vote.objects.filter(participant=participant, option__poll=self).delete()
            Vote.objects.bulk_create([Vote(option=o, participant=participant) for o in options])
            self.revision = self.meeting.bump()
            self.save(update_fields=["revision"])

    def open_or_close(self) -> None:
        """Opens a closed poll and closes an open one; the board and the phones see it on their next poll."""
        with transaction.atomic():
            self.is_open = not self.is_open
            self.revision = self.meeting.bump()
            self.save(update_fields=["is_open", "revision"])


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, related_name="options", on_delete=models.CASCADE)
    text = models.CharField(_("svarmulighed"), max_length=200, validators=[validate_no_cpr])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    option = models.ForeignKey(PollOption, related_name="votes", on_delete=models.CASCADE)
    participant = models.ForeignKey(Participant, related_name="votes", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["option", "participant"], name="vote_unique")]

    def __str__(self) -> str:
        return str(self.option)


def status_figures(since: date) -> Iterator[UnitFigure]:
    """For "Status på aktørskab": meetings held (closed), in their unit or their committee's."""
    held = (
        Meeting.objects.filter(status=Meeting.Status.CLOSED)
        .values("unit_id", "committee__unit_id")
        .annotate(n=Count("pk"))
    )
    for row in held:
        yield UnitFigure(row["unit_id"] or row["committee__unit_id"], "meetings_held", row["n"])
