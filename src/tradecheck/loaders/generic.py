"""Loader module (generic) — to be implemented."""
