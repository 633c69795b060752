"""Partnership boards and the seats representatives hold on them."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from organisations.models import Compact, Organisation

from .people import Representative

END_BEFORE_START = "The end date must be the same as or after the start date."


class Board(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    compact = models.ForeignKey(
        Compact,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="boards",
        help_text="Leave empty for a board that is not tied to one Compact.",
    )
    convening_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="convened_boards",
        help_text="The organisation that runs the board. Its officers may manage the board's appointments.",
    )
    seats_available = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Seats set aside for voluntary and community sector representatives, if fixed."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class AppointmentMethod(models.TextChoices):
    ELECTED = "elected", "Elected"
    APPOINTED = "appointed", "Appointed"


class AppointmentQuerySet(models.QuerySet):
    def current_on(self, on_date: date):
        """Seats held on `on_date`: started on or before it and not ended before it."""
        return self.filter(start_date__lte=on_date).filter(Q(end_date__isnull=True) | Q(end_date__gte=on_date))


class Appointment(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="appointments")
    representative = models.ForeignKey(Representative, on_delete=models.PROTECT, related_name="appointments")
    role = models.CharField(max_length=200, default="Member")
    method = models.CharField("elected or appointed", max_length=20, choices=AppointmentMethod.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="representation_appointment_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.representative} – {self.role}, {self.board}"

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": END_BEFORE_START})

    def is_current_on(self, on_date: date) -> bool:
        return self.start_date <= on_date and (self.end_date is None or self.end_date >= on_date)
