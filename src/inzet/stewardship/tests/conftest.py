import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Documents uploaded in tests go to a temporary folder, not the developer's var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
