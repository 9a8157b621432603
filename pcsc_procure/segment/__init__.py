"""Segmentation: clause numbers, headings, defined terms and sentences."""
