"""A representative: a person who sits on partnership boards for the BME sector (Code §5.5)."""

from django.conf import settings
from django.db import models

from organisations.models import Compact, EthnicGroup, Organisation


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", "Signed form"
    EMAIL = "email", "By email"
    ONLINE = "online", "Online form"
    VERBAL = "verbal", "Told us in person or by phone (noted at the time)"


class Representative(models.Model):
    """Personal details are held only with the person's consent (UK GDPR Article 6(1)(a)).

    Not tracked by django-simple-history on purpose: a history table would keep the name and email
    after the person withdraws consent, which is exactly what withdrawing must undo (see
    services.representative_withdraw_consent). Boards and appointments are tracked instead.
    """

    name = models.CharField(max_length=200)
    # Whose pool the person is in: only that Compact's steering group (and site admins) see their
    # contact details, communities and unpublished name, or change them. Empty only for records made
    # before pools were kept per Compact; those are for site admins until one is set.
    compact = models.ForeignKey(
        Compact, null=True, blank=True, on_delete=models.PROTECT, related_name="representatives"
    )
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representative_records",
        verbose_name="portal account",
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
        help_text="The organisation they come from, if any.",
    )
    communities = models.ManyToManyField(
        EthnicGroup, blank=True, related_name="representatives", help_text="The communities they represent, if any."
    )
    publish_name = models.BooleanField(
        "may publish name", default=False, help_text="They agreed that their name may be shown on public pages."
    )
    consent_given_on = models.DateField()
    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_withdrawn_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def consent_withdrawn(self) -> bool:
        return self.consent_withdrawn_on is not None

    @property
    def name_is_public(self) -> bool:
        return self.publish_name and not self.consent_withdrawn
