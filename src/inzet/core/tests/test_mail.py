from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings

import pytest

from inzet.core.mail import email_from_data, email_to_data


def test_message_survives_the_trip_through_the_task_queue():
    message = EmailMultiAlternatives("Onderwerp", "Tekst", "a@example.org", ["b@example.org"])
    message.attach_alternative("<p>Tekst</p>", "text/html")

    rebuilt = email_from_data(email_to_data(message))

    assert (rebuilt.subject, rebuilt.body, rebuilt.to) == ("Onderwerp", "Tekst", ["b@example.org"])
    assert rebuilt.alternatives[0][0] == "<p>Tekst</p>"


@override_settings(
    EMAIL_BACKEND="inzet.core.mail.TaskEmailBackend",
    INZET_DELIVERY_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
@pytest.mark.django_db
def test_send_mail_goes_through_a_task_and_arrives():
    mail.outbox = []

    sent = mail.send_mail("Welkom", "Hallo!", None, ["vrijwilliger@example.org"])

    assert sent == 1
    assert [m.subject for m in mail.outbox] == ["Welkom"]
