"""Kanvas synthetic signup/login traffic generator (independent benchmark g)."""
