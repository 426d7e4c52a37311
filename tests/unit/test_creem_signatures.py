"""Creem's webhook HMAC and success-redirect signature, checked against the vectors in creem.md."""

from __future__ import annotations

import pytest

from adapters.creem.client import LIVE_BASE_URL, TEST_BASE_URL, base_url_for_key
from adapters.creem.signatures import redirect_signature, verify_redirect, verify_webhook, webhook_signature
from tests.fakes.creem import sign_redirect_query, signed_event

SECRET = "whsec_test_example"
BODY = (
    b'{"id":"evt_1","eventType":"checkout.completed","created_at":1728734325927,"object":{"id":"ch_1",'
    b'"object":"checkout","request_id":"req_42","status":"completed","metadata":{"tg_user_id":"123"}}}'
)
BODY_SIGNATURE = "8017896bee5289d03c4f2a716f0bda9768bc68b2b11f64447b18f40c2ff57a8d"

API_KEY = "creem_test_EXAMPLEKEY"
QUERY = "request_id=req_42&checkout_id=ch_1&order_id=ord_1&customer_id=cust_1&product_id=prod_1"
QUERY_SIGNATURE = "bce507522989e1ecb466c8193febee321147a79b46bd94e16a67ae7fd351c0ea"


def test_webhook_signature_matches_the_reference_vector() -> None:
    assert webhook_signature(BODY, SECRET) == BODY_SIGNATURE


def test_a_correctly_signed_webhook_is_accepted() -> None:
    assert verify_webhook(BODY, BODY_SIGNATURE, SECRET)


def test_an_uppercase_or_padded_signature_header_is_still_accepted() -> None:
    assert verify_webhook(BODY, f" {BODY_SIGNATURE.upper()} ", SECRET)


@pytest.mark.parametrize("header", [None, "", "not-hex", "0" * 64, BODY_SIGNATURE[:-1], f"sha256={BODY_SIGNATURE}"])
def test_a_missing_or_wrong_signature_is_refused(header: str | None) -> None:
    assert not verify_webhook(BODY, header, SECRET)


def test_a_tampered_body_is_refused() -> None:
    tampered = BODY.replace(b'"req_42"', b'"req_43"')

    assert not verify_webhook(tampered, BODY_SIGNATURE, SECRET)


def test_reserialised_json_is_not_the_signed_body() -> None:
    spaced = BODY.replace(b",", b", ")

    assert not verify_webhook(spaced, BODY_SIGNATURE, SECRET)


def test_a_signature_made_with_another_secret_is_refused() -> None:
    assert not verify_webhook(BODY, webhook_signature(BODY, "whsec_other"), SECRET)


def test_without_a_configured_secret_nothing_verifies() -> None:
    assert not verify_webhook(BODY, webhook_signature(BODY, ""), "")


def test_a_non_ascii_header_is_refused_not_crashing() -> None:
    assert not verify_webhook(BODY, "é" * 64, SECRET)


def test_the_fakes_signed_event_verifies() -> None:
    body, headers = signed_event("refund.created", {"id": "ref_1"}, SECRET)

    assert verify_webhook(body, headers["creem-signature"], SECRET)


def test_redirect_signature_matches_the_reference_vector() -> None:
    assert verify_redirect(f"{QUERY}&signature={QUERY_SIGNATURE}", API_KEY)


def test_redirect_with_a_leading_question_mark_verifies() -> None:
    assert verify_redirect(f"?{QUERY}&signature={QUERY_SIGNATURE}", API_KEY)


def test_redirect_params_keep_their_arrival_order() -> None:
    reordered = "checkout_id=ch_1&request_id=req_42&order_id=ord_1&customer_id=cust_1&product_id=prod_1"

    assert not verify_redirect(f"{reordered}&signature={QUERY_SIGNATURE}", API_KEY)


def test_redirect_null_and_empty_params_are_left_out_of_the_signed_string() -> None:
    with_nulls = f"{QUERY}&subscription_id=null&discount="

    assert verify_redirect(f"{with_nulls}&signature={QUERY_SIGNATURE}", API_KEY)


@pytest.mark.parametrize(
    "query",
    [
        QUERY,
        f"{QUERY}&signature=",
        f"{QUERY}&signature={'0' * 64}",
        f"{QUERY.replace('ord_1', 'ord_2')}&signature={QUERY_SIGNATURE}",
        f"{QUERY}&extra=1&signature={QUERY_SIGNATURE}",
    ],
)
def test_a_missing_or_wrong_redirect_signature_is_refused(query: str) -> None:
    assert not verify_redirect(query, API_KEY)


def test_a_redirect_signed_with_another_key_is_refused() -> None:
    assert not verify_redirect(f"{QUERY}&signature={QUERY_SIGNATURE}", "creem_test_OTHER")


def test_the_fakes_signed_redirect_verifies_and_drops_missing_params() -> None:
    query = sign_redirect_query([("checkout_id", "ch_9"), ("subscription_id", None), ("product_id", "p")], API_KEY)

    assert "subscription_id" not in query
    assert verify_redirect(query, API_KEY)
    assert redirect_signature([("checkout_id", "ch_9"), ("product_id", "p")], API_KEY) in query


@pytest.mark.parametrize(
    ("key", "base_url"),
    [("creem_test_abc", TEST_BASE_URL), ("creem_abc", LIVE_BASE_URL), ("creem_testabc", LIVE_BASE_URL)],
)
def test_the_api_base_url_follows_the_key_prefix(key: str, base_url: str) -> None:
    assert base_url_for_key(key) == base_url
