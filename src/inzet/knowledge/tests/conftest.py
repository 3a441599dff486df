import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded test files go to a temporary folder, not the developer's var/media.
    settings.MEDIA_ROOT = tmp_path / "media"
