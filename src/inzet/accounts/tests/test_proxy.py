"""django-axes and allauth find the client's address with one rule: behind N load balancers
that each append the address they saw, it is the Nth entry from the right."""

import pytest
from allauth.core.internal.httpkit import get_client_ip as allauth_client_ip
from axes.helpers import get_client_ip_address

pytestmark = pytest.mark.django_db


def test_without_proxies_the_socket_address_counts(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="10.0.0.2")

    assert get_client_ip_address(request) == "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (1, "81.4.1.7", "81.4.1.7"),
        # A client that sends its own X-Forwarded-For cannot choose its address.
        (1, "6.6.6.6, 81.4.1.7", "81.4.1.7"),
        (2, "81.4.1.7, 10.0.0.3", "81.4.1.7"),
        (2, "6.6.6.6, 81.4.1.7, 10.0.0.3", "81.4.1.7"),
    ],
)
def test_behind_load_balancers_axes_and_allauth_agree(rf, settings, proxies, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.2")

    assert get_client_ip_address(request) == client
    assert allauth_client_ip(request) == client
