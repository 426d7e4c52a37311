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


def test_every_numeric_setting_has_a_lower_and_an_upper_bound() -> None:
    unbounded = []
    for name, info in Settings.model_fields.items():
        if info.annotation not in (int, float, int | None, float | None):
            continue
        kinds = {type(m).__name__ for m in info.metadata}
        has_low = bool(kinds & {"Ge", "Gt"})
        has_high = bool(kinds & {"Le", "Lt"}) or name == "discord_dev_guild_id"  # a Discord snowflake: any id
        if not (has_low and has_high):
            unbounded.append(name.upper())

    assert unbounded == [], f"give these settings a range with Field(ge=…, le=…): {unbounded}"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("FREE_IMAGES_PER_DAY", "-1"), ("PORT", "99999"), ("PRICE_1K", "0"), ("GENERATION_DEADLINE_S", "1")],
)
def test_a_number_out_of_range_is_refused_by_name(variable: str, value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None)  # type: ignore[call-arg]

    assert describe_settings_error(refused.value).startswith(f"{variable}: ")


def test_an_unusable_url_is_refused_without_echoing_it() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, redis_url="redis-pass-w0rd@nowhere")  # type: ignore[call-arg]

    message = describe_settings_error(refused.value)
    assert message.startswith("REDIS_URL: ") and "w0rd" not in message


def test_a_product_list_error_names_the_product_and_field() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(
            _env_file=None, products_json='[{"id": "p1", "label": "x", "price": "$1", "credits": 5}, {"id": "p2"}]'
        )  # type: ignore[call-arg]

    message = describe_settings_error(refused.value)
    assert message.startswith("PRODUCTS_JSON: product 2 (id 'p2')") and "label" in message
