"""Run axe-core (shipped inside the PyPI package axe-playwright-python) in a real page."""

from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Page

AXE_MIN_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page: Page) -> None:
    page.add_script_tag(path=str(AXE_MIN_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    found = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×) e.g. {v['nodes'][0]['html'][:120]}"
        for v in result["violations"]
    ]
    assert not found, f"axe violations on {page.url}:\n" + "\n".join(found)
