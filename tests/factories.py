"""factory_boy factories for the register; they write through the ORM, as fixtures should."""

from __future__ import annotations

import datetime as dt

import factory

from ims.accounts.models import Role, User
from ims.core.classification import Classification
from ims.register import models
from ims.register.vocab import ParticipantRole, PartnerKind
from ims.text.countries import COUNTRY_CODES


class RecordFactory(factory.django.DjangoModelFactory):
    """A fixture sets the scene as a loader would: its look-ups (``django_get_or_create``) see every row,
    whatever its level, like any other system job past the gate's read check."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class):
        return super()._get_manager(model_class).unrestricted()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.ANALYST
    clearance = Classification.SECRET
    password = factory.django.Password("geheim-wachtwoord-1")


class PartnerFactory(RecordFactory):
    class Meta:
        model = models.Partner
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: COUNTRY_CODES[n % len(COUNTRY_CODES)])
    kind = PartnerKind.COUNTRY
    name_nl = factory.LazyAttribute(lambda o: f"Land {o.code}")
    name_en = factory.LazyAttribute(lambda o: f"Country {o.code}")


class FrameworkFactory(PartnerFactory):
    code = factory.Sequence(lambda n: f"FW{n}")
    kind = PartnerKind.FRAMEWORK


class InitiativeFactory(RecordFactory):
    class Meta:
        model = models.Initiative

    title = factory.Sequence(lambda n: f"Initiatief {n:04d}")
    summary = "Een voorbeeldinitiatief."
    status = "running"
    form = "pooling"
    kind = "general"
    planned_start = dt.date(2019, 1, 1)
    planned_end = dt.date(2021, 1, 1)
    classification = Classification.UNCLASSIFIED


class ParticipationFactory(RecordFactory):
    class Meta:
        model = models.Participation

    initiative = factory.SubFactory(InitiativeFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = ParticipantRole.PARTICIPANT


class RingAssignmentFactory(RecordFactory):
    class Meta:
        model = models.RingAssignment

    partner = factory.SubFactory(PartnerFactory)
    ring = "strategic"
    valid_from = dt.date(2019, 1, 1)


class SourceDocumentFactory(RecordFactory):
    class Meta:
        model = models.SourceDocument

    title = factory.Sequence(lambda n: f"Kamerbrief {n}")
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    text = "Een korte tekst. Nog een zin."
