"""Settings fail fast on half-configured integrations and never echo secrets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings, describe_settings_error


def test_no_settings_at_all_run_the_embedded_defaults() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]

    assert settings.kie_api_key is None and settings.supabase_url is None and settings.policy().free_per_day == 3


def test_creem_without_a_webhook_secret_is_refused_at_start_without_echoing_the_key() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, creem_api_key="creem_test_supersecret", public_base_url="https://bot.test")  # type: ignore[call-arg]

    message = describe_settings_error(refused.value)
    assert "CREEM_WEBHOOK_SECRET" in message
    assert "supersecret" not in message


def test_a_telegram_webhook_needs_a_secret_token() -> None:
    with pytest.raises(ValidationError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings(_env_file=None, telegram_bot_token="1:x", telegram_webhook_url="https://bot.test/webhooks/telegram")  # type: ignore[call-arg]


def test_products_come_from_json_and_bad_json_is_refused() -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        products_json='[{"id": "p100", "creem_product_id": "prod_1", "label": "100", "price": "$5", "credits": 100}]',
    )

    assert settings.policy().product("p100") is not None
    with pytest.raises(ValidationError):
        Settings(_env_file=None, products_json='[{"id": "p"}]')  # type: ignore[call-arg]


def test_banned_words_are_a_comma_separated_list() -> None:
    assert Settings(_env_file=None, banned_words="gore, spam ,").banned_words == ["gore", "spam"]  # type: ignore[call-arg]
