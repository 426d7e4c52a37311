"""The TaskRef in a KIE callback URL: it names a generation's slot, and only a URL we made is believed."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from adapters.kie.callbacks import callback_ref, callback_url_for
from core.models import TaskRef

KEY = "kie-api-key"
REF = TaskRef(generation_id="0f" * 16, slot=3)


def query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def test_a_callback_url_we_made_names_its_generation_and_slot() -> None:
    url = callback_url_for("https://bot.example/webhooks/kie?source=kie", REF, KEY)

    assert url.startswith("https://bot.example/webhooks/kie?source=kie&generation=")
    assert callback_ref(query(url), KEY) == REF


def test_a_ref_with_another_slot_generation_or_key_is_not_believed() -> None:
    made = query(callback_url_for("https://bot.example/webhooks/kie", REF, KEY))

    assert callback_ref({**made, "slot": "2"}, KEY) is None
    assert callback_ref({**made, "generation": "1f" * 16}, KEY) is None
    assert callback_ref(made, "another-key") is None
    assert callback_ref({k: v for k, v in made.items() if k != "ref"}, KEY) is None
    assert callback_ref({**made, "slot": "-1"}, KEY) is None
    assert callback_ref({}, KEY) is None
