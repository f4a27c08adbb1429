"""Loader module (published) — to be implemented."""
