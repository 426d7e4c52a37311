"""The README is the operator's manual: every setting has a row, and no link leaves the repository."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def documented_variables() -> set[str]:
    rows = [line for line in section("Configuration").splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_every_setting_has_a_row_in_the_readme_configuration_table() -> None:
    settings = {name.upper() for name in Settings.model_fields}

    missing = sorted(settings - documented_variables())

    assert not missing, (
        f"README.md's Configuration table has no row for {', '.join(missing)}: add one "
        "(| `NAME` | default | meaning, with its range |) for each."
    )


def test_the_readme_configuration_table_lists_no_setting_that_does_not_exist() -> None:
    settings = {name.upper() for name in Settings.model_fields}

    unknown = sorted(documented_variables() - settings)

    assert not unknown, f"README.md documents settings that bot/settings.py does not have: {', '.join(unknown)}"


def test_the_readme_links_only_to_files_inside_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"<(https?://[^>]+)>", text)

    outside = []
    for target in targets:
        path = (README.parent / target.split("#")[0]).resolve()
        if "://" in target or not path.is_relative_to(README.parent) or not path.exists():
            outside.append(target)

    assert not outside, f"README.md links outside the repository (or to missing files): {outside}"
