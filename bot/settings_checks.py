"""Checks on single settings that pydantic cannot express as a type: URL schemes and the products list.

Every message names what is wrong without repeating the value (it may hold a password or a key); the variable's
name is added by `describe_settings_error` from the field the check runs on.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from core.models import Product

HTTP = ("http", "https")
REDIS = ("redis", "rediss", "unix")
POSTGRES = ("postgres", "postgresql")
WEBSOCKET = ("wss", "ws")


def url_problem(value: str, schemes: tuple[str, ...]) -> str | None:
    """Why `value` is not a usable URL with one of `schemes` (None when it is)."""
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in 0-65535
    except ValueError:
        return "is not a valid URL (check the port)"
    wanted = ", ".join(f"{scheme}://" for scheme in schemes[:-1]) + f" or {schemes[-1]}://"
    wanted = wanted.removeprefix(", ").removeprefix(" or ") if len(schemes) == 1 else wanted
    if parts.scheme.lower() not in schemes:
        return f"must be a {wanted} URL"
    if parts.scheme.lower() != "unix" and not parts.hostname:
        return f"must be a {wanted} URL with a host name"
    return None


def checked_url(value: Any, schemes: tuple[str, ...]) -> Any:
    """A field validator body: passes the value through, or raises a ValueError naming the problem."""
    text = value.get_secret_value() if hasattr(value, "get_secret_value") else value
    if text is None or text == "":
        return value
    problem = url_problem(str(text), schemes)
    if problem:
        raise ValueError(problem)
    return value


def parse_products(raw: str) -> tuple[Product, ...]:
    """PRODUCTS_JSON → products, or a ValueError saying which product and which field is wrong."""
    try:
        items = json.loads(raw or "[]")
    except json.JSONDecodeError as error:
        raise ValueError(f"is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    if not isinstance(items, list):
        raise ValueError("must be a JSON list of products, like [{...}, {...}]")
    products: list[Product] = []
    for number, item in enumerate(items, start=1):
        products.append(_product(number, item))
    ids = [p.id for p in products]
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"product id {duplicates[0]!r} appears more than once")
    return tuple(products)


def _product(number: int, item: Any) -> Product:
    name = f"product {number}" + (f" (id {item['id']!r})" if isinstance(item, dict) and "id" in item else "")
    if not isinstance(item, dict):
        raise ValueError(f"{name} must be a JSON object")
    try:
        product = Product.model_validate(item)
    except ValidationError as error:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in error.errors(include_url=False, include_input=False, include_context=False)
        ]
        raise ValueError(f"{name}: " + ", ".join(problems)) from None
    if not 1 <= product.credits <= 10_000_000:
        raise ValueError(f"{name}: credits must be between 1 and 10000000")
    if not 0 <= product.stars <= 1_000_000:
        raise ValueError(f"{name}: stars must be between 0 and 1000000")
    return product
