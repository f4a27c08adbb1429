"""Loader module (belstat) — to be implemented."""
