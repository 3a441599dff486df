"""The rule registry: one module per topic, each registering its rules on import."""

from . import (
    accounts,  # noqa: F401
    allowance,  # noqa: F401
    anbi,  # noqa: F401
    arbo,  # noqa: F401
    asylum,  # noqa: F401
    avg,  # noqa: F401
    benefits,  # noqa: F401
    events,  # noqa: F401
    insurance,  # noqa: F401
    kvk,  # noqa: F401
    lottery,  # noqa: F401
    meldcode,  # noqa: F401
    ubo,  # noqa: F401
    vog,  # noqa: F401
    wbtr,  # noqa: F401
    youth,  # noqa: F401
)
