from django.conf import settings
from django.core.mail import get_connection

from django_tasks import task


@task()
def deliver_email(*, message: dict) -> None:
    """Send one e-mail with the delivery backend from EMAIL_URL."""
    from .mail import email_from_data

    connection = get_connection(settings.INZET_DELIVERY_EMAIL_BACKEND)
    connection.send_messages([email_from_data(message)])
