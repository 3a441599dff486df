from django.test import override_settings

import pytest
from axes.helpers import get_client_ip_address

pytestmark = pytest.mark.django_db


def test_without_proxies_the_socket_address_counts(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="10.0.0.2")

    assert get_client_ip_address(request) == "10.0.0.2"


@override_settings(
    AXES_IPWARE_PROXY_COUNT=1,
    AXES_IPWARE_META_PRECEDENCE_ORDER=["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"],
)
def test_behind_one_load_balancer_the_forwarded_client_address_counts(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="81.4.1.7, 10.0.0.2", REMOTE_ADDR="10.0.0.2")

    assert get_client_ip_address(request) == "81.4.1.7"
