"""The operator's business rules as data: prices, allowances, limits and products (built from settings)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretBytes

from core.models import FIRST_VERSIONS, ConsentVersions, Identity, Platform, Product, Resolution

DEFAULT_PRICES: dict[Resolution, int] = {"1K": 1, "2K": 2, "4K": 4}
DEFAULT_PROVIDER_CREDITS: dict[Resolution, float] = {"1K": 6.0, "2K": 10.0, "4K": 16.0}  # KIE's GPT-Image-2 prices


class Policy(BaseModel):
    model_config = ConfigDict(frozen=True)

    prices: dict[Resolution, int] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    free_per_day: int = 3
    free_max_resolution: Resolution = "1K"
    max_running: int = 2
    requests_per_minute: int = 6
    max_prompt_chars: int = 4000
    max_count: int = 4
    max_references: int = 16
    generation_deadline_s: float = 600.0
    waiting_update_s: float = 20.0  # a waiting person's place is re-shown at most this often
    wait_warn_s: float = 300.0  # the operator is warned when the estimated wait passes this
    poll_first_s: float = 3.0
    poll_max_s: float = 10.0
    deletion_code_ttl_s: int = 600
    link_ttl_s: int = 3600
    link_code_ttl_s: int = 600  # a /link code works once, for this long
    link_tries_per_identity: int = 10  # /link <code> attempts per identity per link_tries_window_s (guessing)
    link_tries_global: int = 300  # ... and by everyone together
    link_tries_window_s: float = 600.0
    announce_lease_s: float = 60.0  # announcement copies a dead process held go to others after this (see README)
    delivery_lease_s: float = 120.0  # one worker at a time sends a result; a dead sender's claim expires after this
    products: tuple[Product, ...] = ()
    paysupport_contact: str = "privacy@gpt-image.run"
    # The server key of core.abuse.identity_digest (bot/wiring.py sets the real one; see IDENTITY_HASH_KEY).
    identity_hash_key: SecretBytes = SecretBytes(b"gpt-image-bot tests only")
    privacy_contact: str = "privacy@gpt-image.run"  # the privacy policy's §9 contact
    terms_url: str = ""
    privacy_url: str = ""
    versions: ConsentVersions = FIRST_VERSIONS  # the terms and privacy policy in force (TERMS/POLICY_VERSION)
    changes_url: str = ""  # what changed in the latest versions (POLICY_CHANGES_URL), linked when asking again
    # The admins by platform identity (ADMIN_TELEGRAM_IDS, ADMIN_DISCORD_IDS). The console is the operator's own
    # terminal (it runs on the machine holding the database), so whoever uses it is an admin too.
    admins: frozenset[Identity] = frozenset()
    # What one provider task costs in the provider's credits, by resolution, and one such credit in US dollars
    # (/admin stats' cost estimate: KIE commits a task's credits when it is created).
    provider_credits: dict[Resolution, float] = Field(default_factory=lambda: dict(DEFAULT_PROVIDER_CREDITS))
    provider_credit_usd: float = 0.005

    def is_admin(self, identity: Identity) -> bool:
        return identity.platform is Platform.CONSOLE or identity in self.admins

    def product(self, product_id: str) -> Product | None:
        return next((p for p in self.products if p.id == product_id), None)
