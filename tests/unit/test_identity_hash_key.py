"""The server key of the abuse-prevention hash (bot.wiring.identity_hash_key): set, derived, or made once."""

from __future__ import annotations

import stat
from pathlib import Path

from bot.settings import Settings
from bot.wiring import identity_hash_key


def test_an_explicit_key_is_used_as_given(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, identity_hash_key="operator-chosen-key")  # type: ignore[call-arg]

    assert identity_hash_key(settings, tmp_path).get_secret_value() == b"operator-chosen-key"
    assert list(tmp_path.iterdir()) == []


def test_in_production_the_key_is_derived_from_the_service_role_key_the_same_in_every_process(
    tmp_path: Path,
) -> None:
    settings = Settings(_env_file=None, supabase_url="https://x.supabase.co", supabase_service_role_key="srk")  # type: ignore[call-arg]

    first = identity_hash_key(settings, tmp_path / "a").get_secret_value()
    second = identity_hash_key(settings, tmp_path / "b").get_secret_value()

    assert first == second and len(first) == 32 and b"srk" not in first
    assert not (tmp_path / "a").exists()


def test_the_embedded_default_makes_a_random_private_key_once_and_keeps_it(tmp_path: Path) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]

    first = identity_hash_key(settings, tmp_path).get_secret_value()
    again = identity_hash_key(settings, tmp_path).get_secret_value()

    path = tmp_path / "identity_hash.key"
    assert first == again == path.read_bytes() and len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
