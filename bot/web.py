"""The aiohttp web server: Creem webhooks, KIE callbacks, the billing return page, /healthz (+ Telegram webhook).

Webhooks are verified before they are trusted, capped in size, and applied exactly once by the Store's
idempotency keys; one bad request never stops the server.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Mapping

from aiohttp import web

from adapters.creem.events import parse_event
from adapters.creem.signatures import SIGNATURE_HEADER, verify_redirect, verify_webhook
from adapters.kie.callbacks import callback_ref, callback_task_id
from bot.settings import Settings
from core.deps import Deps
from core.locales import BABEL_LOCALES, DEFAULT_LOCALE, available, is_rtl, normalise
from core.metrics import report_backlog
from core.texts import t
from core.usecases import billing, tasks

log = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 256 * 1024
HEALTH_TIMEOUT_S = 3.0
HealthCheck = Callable[[], Awaitable[object]]
DEPS: web.AppKey[Deps] = web.AppKey("deps", Deps)
SETTINGS: web.AppKey[Settings] = web.AppKey("settings", Settings)
HEALTH: web.AppKey[Mapping[str, HealthCheck]] = web.AppKey("health", Mapping)


def create_app(deps: Deps, settings: Settings, *, health: Mapping[str, HealthCheck] | None = None) -> web.Application:
    """`health`: the readiness checks by backend name (default: the Store's ping)."""
    app = create_ops_app(deps, settings, health=health)
    app.router.add_post("/webhooks/creem", creem_webhook)
    app.router.add_post("/webhooks/kie", kie_callback)
    app.router.add_get("/billing/return", billing_return)
    return app


def create_ops_app(
    deps: Deps, settings: Settings, *, health: Mapping[str, HealthCheck] | None = None
) -> web.Application:
    """Only what the operator's tooling reads: /healthz, /healthz/live and /metrics (alone on METRICS_PORT for a
    worker-only process; part of the web server otherwise)."""
    app = web.Application(client_max_size=MAX_WEBHOOK_BYTES)
    app[DEPS] = deps
    app[SETTINGS] = settings
    app[HEALTH] = health if health is not None else {"store": deps.store.ping}
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/healthz/live", liveness)
    app.router.add_get("/metrics", metrics)
    return app


async def healthz(request: web.Request) -> web.Response:
    """Readiness: every backend this process needs answers (200), or which does not (503: take it out of rotation)."""
    checks = request.app[HEALTH]
    results = await asyncio.gather(*(_probe(check) for check in checks.values()))
    report: dict[str, object] = dict(zip(checks, results, strict=True))
    ready = all(result == "ok" for result in results)
    return web.json_response({"ok": ready, **report}, status=200 if ready else 503)


async def _probe(check: HealthCheck) -> str:
    try:
        await asyncio.wait_for(check(), HEALTH_TIMEOUT_S)
    except Exception:
        return "unavailable"
    return "ok"


async def liveness(request: web.Request) -> web.Response:
    """Liveness: the process and its event loop answer, whatever the backends do (restart only when this fails)."""
    return web.json_response({"ok": True})


async def metrics(request: web.Request) -> web.Response:
    """Prometheus scrape: the catalogue's figures (all processes' in multiprocess mode), backlog from the Store."""
    from adapters.prometheus.metrics import CONTENT_TYPE, exposition

    await report_backlog(request.app[DEPS])
    return web.Response(body=await asyncio.to_thread(exposition), headers={"Content-Type": CONTENT_TYPE})


def _webhook(request: web.Request, provider: str, outcome: str) -> None:
    request.app[DEPS].metrics.count("gib_webhooks_total", provider=provider, outcome=outcome)


async def _read_capped(request: web.Request) -> bytes | None:
    if request.content_length is not None and request.content_length > MAX_WEBHOOK_BYTES:
        return None
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        return None


async def creem_webhook(request: web.Request) -> web.Response:
    """Verify the signature over the raw body first; only then parse and apply (once, by payment key)."""
    settings = request.app[SETTINGS]
    if settings.creem_webhook_secret is None:
        _webhook(request, "creem", "unavailable")
        return web.json_response({"error": "webhooks not configured"}, status=503)
    body = await _read_capped(request)
    if body is None:
        _webhook(request, "creem", "too_large")
        return web.json_response({"error": "payload too large"}, status=413)
    if not verify_webhook(
        body, request.headers.get(SIGNATURE_HEADER), settings.creem_webhook_secret.get_secret_value()
    ):
        log.warning("creem webhook with a bad signature refused")
        _webhook(request, "creem", "bad_signature")
        return web.json_response({"error": "invalid signature"}, status=401)
    try:
        event = parse_event(body)
    except ValueError:
        log.warning("creem webhook with a malformed body refused")
        _webhook(request, "creem", "malformed")
        return web.json_response({"error": "malformed event"}, status=400)
    try:
        applied = await billing.apply_payment_event(request.app[DEPS], event)
    except billing.PaymentNotApplied as problem:
        log.warning("creem webhook not applied (%s); Creem will retry", problem, extra={"event_id": event.event_id})
        _webhook(request, "creem", "not_applied")
        return web.json_response({"error": "not applied"}, status=503)
    except Exception:
        log.exception("creem webhook could not be applied; Creem will retry", extra={"event_id": event.event_id})
        _webhook(request, "creem", "unavailable")
        return web.json_response({"error": "temporarily unavailable"}, status=503)
    log.info("creem webhook", extra={"event_id": event.event_id, "kind": event.kind.value, "applied": applied})
    _webhook(request, "creem", "applied" if applied else "duplicate")
    return web.json_response({"received": True})


async def kie_callback(request: web.Request) -> web.Response:
    """A KIE callback only wakes the task's follower, which re-reads the task; its content is never trusted."""
    settings = request.app[SETTINGS]
    body = await _read_capped(request)
    if body is None:
        _webhook(request, "kie", "too_large")
        return web.json_response({"error": "payload too large"}, status=413)
    key = settings.kie_webhook_hmac_key.get_secret_value() if settings.kie_webhook_hmac_key else None
    task_id = callback_task_id(body, request.headers, key)
    if task_id is None:
        _webhook(request, "kie", "bad_signature")
        return web.json_response({"error": "invalid callback"}, status=401)
    deps = request.app[DEPS]
    ref = callback_ref(request.query, settings.kie_api_key.get_secret_value()) if settings.kie_api_key else None
    if ref is not None:
        try:
            await tasks.report_task(deps, ref, task_id)  # the task of a create whose answer was lost is adopted
        except Exception:
            log.exception("kie callback could not be recorded; KIE will retry", extra={"task_id": task_id})
            _webhook(request, "kie", "unavailable")
            return web.json_response({"error": "temporarily unavailable"}, status=503)
    try:
        await deps.signals.notify(f"task:{task_id}")
    except Exception:
        log.warning("kie callback could not be signalled; polling will catch up", extra={"task_id": task_id})
    _webhook(request, "kie", "applied")
    return web.json_response({"received": True})


def browser_locale(accept_language: str) -> str:
    """The first language of the browser's Accept-Language (by its q weights) that has a catalogue."""
    weighted: list[tuple[float, str]] = []
    for item in accept_language.split(",")[:20]:
        tag, _, params = item.strip().partition(";")
        weight = params.strip().removeprefix("q=")
        try:
            q = float(weight) if params else 1.0
        except ValueError:
            continue
        if tag and tag != "*" and q > 0:
            weighted.append((q, tag))
    for _, tag in sorted(weighted, key=lambda pair: -pair[0]):
        code = normalise(tag)
        if code in available() and (code != DEFAULT_LOCALE or tag.lower().startswith("en")):
            return code
    return DEFAULT_LOCALE


async def billing_return(request: web.Request) -> web.Response:
    """Creem's redirect after payment: a thank-you page only; credits come from the verified webhook."""
    settings = request.app[SETTINGS]
    key = settings.creem_api_key.get_secret_value() if settings.creem_api_key else ""
    verified = bool(key) and verify_redirect(request.query_string, key)
    locale = browser_locale(request.headers.get("Accept-Language", ""))
    title = t("payment_page_title" if verified else "payment_page_unverified_title", locale)
    text = t("payment_page" if verified else "payment_page_unverified", locale)
    direction = "rtl" if is_rtl(locale) else "ltr"
    page = (
        "<!doctype html>"
        f"<html lang='{BABEL_LOCALES[locale].replace('_', '-')}' dir='{direction}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width'>"
        f"<title>{html.escape(title)}</title></head>"
        "<body style='font-family:sans-serif;max-width:32em;margin:3em auto'>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p></body></html>"
    )
    return web.Response(text=page, content_type="text/html", status=200 if verified else 400)
