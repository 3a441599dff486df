"""The rule registry: one module per topic, each registering its rules on import."""

from . import wbtr  # noqa: F401
