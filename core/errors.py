"""Domain errors: each carries a stable `code` that adapters turn into friendly, localised text."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    CONSENT_REQUIRED = "consent_required"
    CONSENT_OUTDATED = "consent_outdated"  # the terms or privacy policy changed since the person accepted them
    NOT_REGISTERED = "not_registered"
    PROMPT_EMPTY = "prompt_empty"
    PROMPT_TOO_LONG = "prompt_too_long"
    PROMPT_INVALID_CHARACTERS = "prompt_invalid_characters"
    INVALID_OPTION = "invalid_option"
    TOO_MANY_REFERENCES = "too_many_references"
    INSUFFICIENT_CREDITS = "insufficient_credits"
    RATE_LIMITED = "rate_limited"
    TOO_MANY_RUNNING = "too_many_running"
    PROMPT_REJECTED = "prompt_rejected"
    MODERATION_UNAVAILABLE = "moderation_unavailable"
    PROVIDER_UNAVAILABLE = "provider_unavailable"
    GENERATION_FAILED = "generation_failed"
    GENERATION_TIMEOUT = "generation_timeout"
    STORAGE_FAILED = "storage_failed"
    PAYMENTS_DISABLED = "payments_disabled"
    PAYMENTS_UNAVAILABLE = "payments_unavailable"
    UNKNOWN_PRODUCT = "unknown_product"
    NOT_FOUND = "not_found"
    NOT_OWNER = "not_owner"
    NO_GENERATIONS = "no_generations"
    NO_PLAN = "no_plan"
    CONFIRMATION_INVALID = "confirmation_invalid"
    GENERATION_IN_PROGRESS = "generation_in_progress"
    ACCOUNT_BEING_DELETED = "account_being_deleted"
    ACCOUNT_BLOCKED = "account_blocked"
    ADMIN_NO_SUCH_PERSON = "admin_no_such_person"
    ADMIN_AMBIGUOUS = "admin_ambiguous"
    ADMIN_BAD_CREDITS = "admin_bad_credits"
    ADMIN_REASON_REQUIRED = "admin_reason_required"
    TEMPORARILY_UNAVAILABLE = "temporarily_unavailable"
    TASK_LOST = "task_lost"
    CANCELLED = "cancelled"
    NOTHING_TO_CANCEL = "nothing_to_cancel"
    ALREADY_STARTED = "already_started"
    ALREADY_FINISHED = "already_finished"
    NOT_YOURS = "not_yours"
    BUSY = "busy"
    LINK_CODE_INVALID = "link_code_invalid"
    LINK_SAME_PLATFORM = "link_same_platform"
    LINK_TWO_PLANS = "link_two_plans"
    LINK_IN_FLIGHT = "link_in_flight"
    ALREADY_LINKED = "already_linked"
    UNLINK_LAST = "unlink_last"
    UNLINK_NOT_LINKED = "unlink_not_linked"


class DomainError(Exception):
    """A failure the user can understand; `params` fill the placeholders of the localised text."""

    def __init__(self, code: ErrorCode, detail: str = "", **params: object) -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.params = params


class ProviderError(Exception):
    """An outbound service failed; `code` says what the user should be told, `retryable` whether to try again."""

    def __init__(self, code: ErrorCode, detail: str = "", *, retryable: bool = False) -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code
        self.detail = detail
        self.retryable = retryable


class ProviderBusy(ProviderError):
    """The provider said "too many requests" (nothing was created): slow down and try again, never fail."""

    def __init__(self, detail: str = "", *, retry_after_s: float | None = None) -> None:
        super().__init__(ErrorCode.PROVIDER_UNAVAILABLE, detail, retryable=True)
        self.retry_after_s = retry_after_s


class StoreUnavailable(Exception):
    """The Store (or the shared limiter) cannot be reached; callers answer 'temporarily unavailable'."""
