"""Update factories in the Bot API's JSON shapes: what Telegram would send for a person's actions."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True)
class TgUser:
    id: int
    first_name: str = "Ada"
    language_code: str = "en"

    def json(self) -> JSON:
        return {"id": self.id, "is_bot": False, "first_name": self.first_name, "language_code": self.language_code}

    def private_chat(self) -> JSON:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


def group_chat(chat_id: int, title: str = "Artists", forum: bool = False) -> JSON:
    chat: JSON = {"id": chat_id, "type": "supergroup", "title": title}
    if forum:
        chat["is_forum"] = True
    return chat


@dataclass
class Updates:
    """Numbers updates, messages and queries like Telegram does (ids far from the fake server's own)."""

    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(100_000))
    _query_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _update(self, **content: Any) -> JSON:
        return {"update_id": next(self._update_ids), **content}

    def message_json(
        self,
        user: TgUser,
        *,
        chat: JSON | None = None,
        text: str | None = None,
        reply_to: JSON | None = None,
        thread_id: int | None = None,
        **content: Any,
    ) -> JSON:
        message: JSON = {
            "message_id": next(self._message_ids),
            "from": user.json(),
            "chat": chat or user.private_chat(),
            "date": int(time.time()),
            **content,
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        return message

    def text(self, user: TgUser, text: str, **kwargs: Any) -> JSON:
        """A text message; a leading /command gets its bot_command entity, as Telegram adds it."""
        return self._update(message=self.message_json(user, text=text, **kwargs))

    def photo(self, user: TgUser, sizes: list[JSON], caption: str | None = None, **kwargs: Any) -> JSON:
        extra: JSON = {"photo": sizes}
        if caption is not None:
            extra["caption"] = caption
            if caption.startswith("/"):
                extra["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(caption.split()[0])}]
        return self._update(message=self.message_json(user, **kwargs, **extra))

    def document(self, user: TgUser, document: JSON, caption: str | None = None, **kwargs: Any) -> JSON:
        """A file sent as a document (uncompressed); `document` is the Document object (file_id, mime_type…)."""
        extra: JSON = {"document": document}
        if caption is not None:
            extra["caption"] = caption
            if caption.startswith("/"):
                extra["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(caption.split()[0])}]
        return self._update(message=self.message_json(user, **kwargs, **extra))

    def callback(self, user: TgUser, data: str, message: JSON) -> JSON:
        """A button press on one of the bot's messages (as the fake server returned it)."""
        return self._update(
            callback_query={
                "id": f"cbq-{next(self._query_ids)}",
                "from": user.json(),
                "chat_instance": f"ci-{message['chat']['id']}",
                "message": message,
                "data": data,
            }
        )

    def pre_checkout(self, user: TgUser, payload: str, total_amount: int, currency: str = "XTR") -> JSON:
        return self._update(
            pre_checkout_query={
                "id": f"pcq-{next(self._query_ids)}",
                "from": user.json(),
                "currency": currency,
                "total_amount": total_amount,
                "invoice_payload": payload,
            }
        )

    def successful_payment(
        self, user: TgUser, payload: str, total_amount: int, charge_id: str, currency: str = "XTR"
    ) -> JSON:
        """The service message Telegram sends once the Stars are paid."""
        return self._update(
            message=self.message_json(
                user,
                successful_payment={
                    "currency": currency,
                    "total_amount": total_amount,
                    "invoice_payload": payload,
                    "telegram_payment_charge_id": charge_id,
                    "provider_payment_charge_id": "",
                },
            )
        )

    def refunded_payment(
        self, user: TgUser, payload: str, total_amount: int, charge_id: str, currency: str = "XTR"
    ) -> JSON:
        """The service message Telegram sends when Stars went back to the person (Bot API RefundedPayment)."""
        return self._update(
            message=self.message_json(
                user,
                refunded_payment={
                    "currency": currency,
                    "total_amount": total_amount,
                    "invoice_payload": payload,
                    "telegram_payment_charge_id": charge_id,
                },
            )
        )
