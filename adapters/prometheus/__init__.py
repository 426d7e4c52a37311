"""Prometheus exposition of the metric catalogue (prometheus-client)."""
