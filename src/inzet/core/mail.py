"""All outgoing mail goes through a background task.

``TaskEmailBackend`` is the EMAIL_BACKEND: it turns each message into plain data and
enqueues ``deliver_email``. With the database task backend the task row is written in the
caller's transaction, so a rolled-back request sends nothing. The task sends with the
real backend from EMAIL_URL (console in development, SMTP in production).
"""

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from .tasks import deliver_email


def email_to_data(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def email_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if message.attachments:
                raise ValueError("Attachments are not supported by the task mail backend yet.")
            deliver_email.enqueue(message=email_to_data(message))
            count += 1
        return count
