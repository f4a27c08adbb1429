"""Loader module (comtrade) — to be implemented."""
