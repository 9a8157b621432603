"""Command-line interface (placeholder replaced below)."""
