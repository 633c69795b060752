"""The reference lists an organisation is described by: the ONS 2021 ethnic groups (the communities
it serves), service areas (what it does) and local authority areas (where it works, which is what
puts it in a Compact). organisations.reference loads them (`load_reference_data`)."""

from django.db import models

# ONS 2021 "White: English, Welsh, Scottish, Northern Irish or British". Every other group is a
# minority ethnic community as the Codes use the term, white minorities included (Irish, Gypsy or
# Irish Traveller, Roma, other White), so gap lists ("communities no one serves") leave it out.
WHITE_BRITISH_CODE = "white-english-welsh-scottish-northern-irish-or-british"


class EthnicGroupQuerySet(models.QuerySet):
    def minority(self):
        return self.exclude(code=WHITE_BRITISH_CODE)


class EthnicGroup(models.Model):
    """ONS 2021 Census ethnic group (England and Wales): 19 detailed groups under 5 high-level ones."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    high_level_group = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField()

    objects = EthnicGroupQuerySet.as_manager()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.name

    @property
    def is_minority(self) -> bool:
        return self.code != WHITE_BRITISH_CODE


class ServiceArea(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


AREA_NOT_RECORDED = "Area not recorded"


class LocalAuthorityArea(models.Model):
    """A local authority area by its ONS (GSS) code, e.g. E06000026 Plymouth. A Compact covers one or
    more; an organisation records the ones it works in, and that is what puts it in a Compact."""

    code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
