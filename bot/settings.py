"""Settings from the environment (and `.env`): the only place configuration is read. Secrets are SecretStr."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.discord.config import DiscordConfig
from adapters.telegram.config import MESSAGES_PER_SECOND, TelegramConfig
from bot.settings_checks import HTTP, POSTGRES, REDIS, WEBSOCKET, checked_url, parse_products
from core.models import ConsentVersions, Identity, Platform, Product, Resolution
from core.policy import Policy

#: The schemes each URL setting accepts: one check for all of them.
URL_SCHEMES: dict[str, tuple[str, ...]] = {
    "redis_url": REDIS,
    "database_url": POSTGRES,
    "discord_gateway_url": WEBSOCKET,
    **dict.fromkeys(
        (
            "supabase_url",
            "public_base_url",
            "kie_base_url",
            "creem_base_url",
            "telegram_webhook_url",
            "telegram_base_url",
            "telegram_base_file_url",
            "discord_api_base_url",
            "policy_changes_url",
        ),
        HTTP,
    ),
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Embedded default
    bot_data_dir: Path = Path("data")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"

    # Business rules (every number has a range: a typo must not reach people as "-1 free images")
    price_1k: int = Field(1, ge=1, le=1_000_000)
    price_2k: int = Field(2, ge=1, le=1_000_000)
    price_4k: int = Field(4, ge=1, le=1_000_000)
    free_images_per_day: int = Field(3, ge=0, le=100_000)
    free_max_resolution: Resolution = "1K"
    max_running_per_account: int = Field(2, ge=1, le=10_000)
    requests_per_minute: int = Field(6, ge=1, le=1_000_000)
    max_prompt_chars: int = Field(4000, ge=1, le=20_000)  # KIE accepts up to 20,000 characters
    generation_deadline_s: float = Field(600.0, ge=30, le=86_400)
    waiting_update_s: float = Field(20.0, gt=0, le=3600)  # a person in line sees their place at most this often
    queue_wait_warn_s: float = Field(
        300.0, gt=0, le=86_400
    )  # log a warning when the estimated wait in line passes this
    banned_words: list[str] = Field(default_factory=list)
    products_json: str = "[]"
    paysupport_contact: str = "privacy@gpt-image.run"
    # Key of the hash kept after a deletion for abuse prevention (core.abuse). Unset: derived from the Supabase
    # service role key in production, or a random key kept in <BOT_DATA_DIR>/identity_hash.key (embedded default).
    identity_hash_key: SecretStr | None = None
    privacy_contact: str = "privacy@gpt-image.run"  # shown by /privacy (the policy's §9 contact)
    terms_url: str = ""  # the full terms of service, linked from /terms and the consent prompt
    privacy_url: str = ""  # the full privacy policy, linked from /privacy
    # The versions in force: raise one and everyone is asked to accept it again before their next image (and
    # `python -m bot announce --policy-change` tells them). Compared naturally: "2" > "1", "2026-11-02" > "2026-04-24".
    terms_version: str = Field("1", min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    policy_version: str = Field("1", min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    policy_changes_url: str = ""  # a page saying what changed in the latest versions, linked when asking again
    # A process that dies while sending announcements: the copies it claimed go to another process after this, and
    # the one it was sending is recorded as uncertain (never sent twice).
    announce_lease_s: float = Field(60.0, ge=1, le=3600)

    # What one KIE task costs, for /admin stats' provider cost estimate (KIE's price list; prices change)
    kie_credits_1k: float = Field(6.0, ge=0, le=1_000_000)
    kie_credits_2k: float = Field(10.0, ge=0, le=1_000_000)
    kie_credits_4k: float = Field(16.0, ge=0, le=1_000_000)
    kie_usd_per_credit: float = Field(0.005, ge=0, le=1_000)

    # Admins (/admin …): comma-separated user ids. Whoever uses the console is the operator, an admin too.
    admin_telegram_ids: str = ""
    admin_discord_ids: str = ""
    # The Discord server where /admin is registered (visible to its administrators only); unset: DISCORD_DEV_GUILD_ID,
    # and with neither, /admin is not offered on Discord.
    admin_discord_guild_id: int | None = Field(None, ge=1, le=2**64 - 1)  # a Discord snowflake

    # Web server (webhooks, callbacks, billing return)
    public_base_url: str = ""
    web_host: str = "0.0.0.0"
    port: int = Field(8080, ge=1, le=65_535)
    # A worker-only process (`python -m bot worker`) serves /metrics and /healthz here; unset: it serves nothing
    metrics_port: int | None = Field(None, ge=1, le=65_535)

    # KIE.ai
    kie_api_key: SecretStr | None = None
    kie_base_url: str = "https://api.kie.ai"
    kie_upload_base_url: str = "https://kieai.redpandaai.co"  # KIE's file-upload host (references for edits)
    kie_model_t2i: str = "gpt-image-2-text-to-image"
    kie_model_i2i: str = "gpt-image-2-image-to-image"
    kie_webhook_hmac_key: SecretStr | None = None
    kie_max_image_bytes: int = Field(30 * 1024 * 1024, ge=1024 * 1024, le=200 * 1024 * 1024)
    # KIE's createTask budget per account (raise it when KIE support raised yours)
    kie_create_limit: int = Field(20, ge=1, le=1_000_000)
    kie_create_window_s: float = Field(10.0, gt=0, le=3600)
    kie_expected_latency_s: float = Field(40.0, gt=0, le=3600)  # create-to-result, until one is measured

    # Creem
    creem_api_key: SecretStr | None = None
    creem_webhook_secret: SecretStr | None = None
    creem_base_url: str | None = None

    # Chat connections: Telegram polling / the Discord gateway retry with backoff; after this long without a
    # success the process exits non-zero so its supervisor starts a fresh one.
    chat_give_up_after_s: float = Field(600.0, ge=1, le=86_400)

    # Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    telegram_messages_per_second: float = Field(MESSAGES_PER_SECOND, gt=0, le=1_000_000)  # the bot's overall send rate

    # Discord
    discord_bot_token: SecretStr | None = None
    discord_dev_guild_id: int | None = Field(None, ge=1)
    discord_api_base_url: str | None = None
    discord_gateway_url: str | None = None

    # Supabase / Postgres / Redis
    supabase_url: str | None = None
    supabase_service_role_key: SecretStr | None = None
    supabase_bucket: str = "images"
    database_url: SecretStr | None = None
    redis_url: SecretStr | None = None
    # A worker's unacknowledged jobs go to another worker at once when it misses three heartbeats (it died), or
    # when a job sat this long without its owner refreshing it (alive but stuck).
    queue_claim_idle_s: float = Field(default=60.0, gt=0, le=86_400)
    queue_heartbeat_s: float = Field(default=5.0, gt=0, le=3600)

    @field_validator("banned_words", mode="before")
    @classmethod
    def _split_words(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [w.strip() for w in value.split(",") if w.strip()]
        return value

    @field_validator("admin_telegram_ids", "admin_discord_ids")
    @classmethod
    def _user_ids(cls, value: str) -> str:
        ids = [part.strip() for part in value.split(",") if part.strip()]
        if not all(part.isdigit() for part in ids):
            raise ValueError("must be user ids (numbers) separated by commas")
        return ",".join(ids)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator(*URL_SCHEMES)
    @classmethod
    def _url(cls, value: Any, info: ValidationInfo) -> Any:
        assert info.field_name is not None
        return checked_url(value, URL_SCHEMES[info.field_name])

    @field_validator("products_json")
    @classmethod
    def _products(cls, value: str) -> str:
        parse_products(value)
        return value

    @model_validator(mode="after")
    def _complete(self) -> Settings:
        """Fail fast on half-configured integrations rather than failing a user later."""
        missing: list[str] = []
        if self.creem_api_key and not self.creem_webhook_secret:
            missing.append("CREEM_WEBHOOK_SECRET (Creem is configured: payments are only granted from its webhooks)")
        if self.creem_api_key and not self.public_base_url:
            missing.append("PUBLIC_BASE_URL (Creem checkouts return people to <PUBLIC_BASE_URL>/billing/return)")
        if self.telegram_webhook_url and not self.telegram_webhook_secret:
            missing.append("TELEGRAM_WEBHOOK_SECRET (webhook updates must be authenticated)")
        if self.supabase_url and not self.supabase_service_role_key:
            missing.append("SUPABASE_SERVICE_ROLE_KEY (SUPABASE_URL is set: set both or neither)")
        if self.supabase_service_role_key and not self.supabase_url:
            missing.append("SUPABASE_URL (SUPABASE_SERVICE_ROLE_KEY is set: set both or neither)")
        if missing:
            raise ValueError("missing settings: " + "; ".join(missing))
        return self

    def secret_values(self) -> list[str]:
        """Every configured secret's value, for the log redaction (the only use of them outside the adapters)."""
        return [value.get_secret_value() for value in self.__dict__.values() if isinstance(value, SecretStr)]

    def products(self) -> tuple[Product, ...]:
        """Products come from PRODUCTS_JSON: a list of {id, creem_product_id, label, price, credits, kind, stars}."""
        return parse_products(self.products_json)

    def policy(self) -> Policy:
        return Policy(
            prices={"1K": self.price_1k, "2K": self.price_2k, "4K": self.price_4k},
            free_per_day=self.free_images_per_day,
            free_max_resolution=self.free_max_resolution,
            max_running=self.max_running_per_account,
            requests_per_minute=self.requests_per_minute,
            max_prompt_chars=self.max_prompt_chars,
            generation_deadline_s=self.generation_deadline_s,
            waiting_update_s=self.waiting_update_s,
            wait_warn_s=self.queue_wait_warn_s,
            products=self.products(),
            paysupport_contact=self.paysupport_contact,
            privacy_contact=self.privacy_contact,
            terms_url=self.terms_url,
            privacy_url=self.privacy_url,
            versions=ConsentVersions(terms=self.terms_version, policy=self.policy_version),
            changes_url=self.policy_changes_url,
            announce_lease_s=self.announce_lease_s,
            admins=self.admins(),
            provider_credits={"1K": self.kie_credits_1k, "2K": self.kie_credits_2k, "4K": self.kie_credits_4k},
            provider_credit_usd=self.kie_usd_per_credit,
        )

    def admins(self) -> frozenset[Identity]:
        lists = ((Platform.TELEGRAM, self.admin_telegram_ids), (Platform.DISCORD, self.admin_discord_ids))
        return frozenset(
            Identity(platform=platform, platform_user_id=user_id)
            for platform, ids in lists
            for user_id in ids.split(",")
            if user_id
        )

    def telegram_config(self) -> TelegramConfig:
        assert self.telegram_bot_token is not None
        return TelegramConfig(
            token=self.telegram_bot_token.get_secret_value(),
            webhook_url=self.telegram_webhook_url,
            webhook_secret=self.telegram_webhook_secret.get_secret_value() if self.telegram_webhook_secret else None,
            base_url=self.telegram_base_url,
            base_file_url=self.telegram_base_file_url,
            give_up_after_s=self.chat_give_up_after_s,
            messages_per_second=self.telegram_messages_per_second,
            admin_ids=tuple(int(i) for i in self.admin_telegram_ids.split(",") if i),
        )

    def discord_config(self) -> DiscordConfig:
        assert self.discord_bot_token is not None
        return DiscordConfig(
            token=self.discord_bot_token.get_secret_value(),
            dev_guild_id=self.discord_dev_guild_id,
            admin_guild_id=self.admin_discord_guild_id or self.discord_dev_guild_id,
            admin_ids=frozenset(int(i) for i in self.admin_discord_ids.split(",") if i),
            api_base_url=self.discord_api_base_url,
            gateway_url=self.discord_gateway_url,
            give_up_after_s=self.chat_give_up_after_s,
        )


def describe_settings_error(error: ValidationError) -> str:
    """What is wrong, by variable name, on one line, without ever repeating the values (they may be secrets)."""
    lines = []
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        where = ".".join(str(part) for part in item["loc"]).upper()
        message = str(item["msg"]).removeprefix("Value error, ").replace("\n", " ")
        lines.append(f"{where + ': ' if where else ''}{message}")
    return "; ".join(lines)
