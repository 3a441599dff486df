"""Our wording for a few of allauth's own strings.

allauth's Dutch mixes "aanmelden" and "inloggen"; the whole site says "inloggen". Listing
the msgids here keeps them in our catalogue, which Django reads before allauth's.
"""

from django.utils.translation import gettext_noop

ALLAUTH_WORDING = [
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Sign Up"),
    gettext_noop("Signup"),
    gettext_noop("Email"),
    gettext_noop("Password (again)"),
    gettext_noop("Remember Me"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Verify Your Email Address"),
]
