"""Fixtures of the analysis tests (constructed data; see tests/fixtures/analysis/README.md)."""

from __future__ import annotations

from analysis_frames import two_sides  # noqa: F401  (fixture re-export)
