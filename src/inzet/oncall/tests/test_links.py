"""Signed answer links: valid, tampered, expired (by age and by the request's end), unknown."""

import time
from datetime import timedelta
from unittest import mock

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from inzet.oncall.selectors import invitation_from_token, invitation_token

from .factories import InvitationFactory, OnCallRequestFactory

pytestmark = pytest.mark.django_db


def refused(token: str) -> str:
    with pytest.raises(ValidationError) as exc:
        invitation_from_token(token)
    return exc.value.code


def test_a_valid_token_gives_the_invitation():
    invitation = InvitationFactory()
    assert invitation_from_token(invitation_token(invitation)) == invitation


def test_tampered_tokens():
    invitation = InvitationFactory()
    token = invitation_token(invitation)
    other = InvitationFactory()
    # Swap the payload for another invitation's, keeping the signature.
    forged = invitation_token(other).split(":")[0] + ":" + ":".join(token.split(":")[1:])
    assert refused(forged) == "tampered"
    assert refused(token[:-2] + ("aa" if not token.endswith("aa") else "bb")) == "tampered"
    assert refused("zomaar-iets") == "tampered"
    assert refused("") == "tampered"


def test_a_token_expires_after_seven_days():
    invitation = InvitationFactory()
    eight_days_ago = time.time() - timedelta(days=8).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        token = invitation_token(invitation)
    assert refused(token) == "expired"
    six_days_ago = time.time() - timedelta(days=6).total_seconds()
    with mock.patch("django.core.signing.time.time", return_value=six_days_ago):
        token = invitation_token(invitation)
    assert invitation_from_token(token) == invitation


def test_a_token_expires_when_the_request_is_over():
    oncall_request = OnCallRequestFactory()
    invitation = InvitationFactory(request=oncall_request)
    token = invitation_token(invitation)
    oncall_request.starts_at = timezone.now() - timedelta(hours=2)
    oncall_request.ends_at = timezone.now() - timedelta(minutes=1)
    oncall_request.save()
    assert refused(token) == "expired"


def test_a_token_for_a_removed_invitation_is_unknown():
    invitation = InvitationFactory()
    token = invitation_token(invitation)
    invitation.delete()
    assert refused(token) == "unknown"
