"""Claim engine: parse trade claims in en/de/ru/zh and judge them against the data."""
