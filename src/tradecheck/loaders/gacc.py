"""Loader module (gacc) — to be implemented."""
