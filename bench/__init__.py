"""Benchmarks of gpt-image-bot under load: `python -m bench [scenario ...] [--backend ...] [--scale S]`.

The bot runs in its own process (bench/botproc.py: the real wiring, python-telegram-bot polling the fake Bot
API, the real KIE client against FakeKie); this process drives it and measures. See bench/RESULTS.md.
"""
