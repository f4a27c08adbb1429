"""Loader module (imf) — to be implemented."""
