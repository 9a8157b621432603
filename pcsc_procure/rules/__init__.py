"""Rules: guideline-derived policies over clause detections.

`rules/*.yaml` (top level, shipped in the wheel) hold the data; this package
loads and validates it (`loader`), and evaluates it against an analysed
document (`engine`). A rule knows nothing of file formats.
"""
