"""KIE.ai adapter: GPT-Image-2 generation through KIE's jobs API (createTask / recordInfo), callbacks and checks."""

from adapters.kie.callbacks import callback_task_id, parse_callback, verify_kie_signature
from adapters.kie.client import KieImageGenerator, kie_http_client
from adapters.kie.validation import validate_spec

__all__ = [
    "KieImageGenerator",
    "callback_task_id",
    "kie_http_client",
    "parse_callback",
    "validate_spec",
    "verify_kie_signature",
]
