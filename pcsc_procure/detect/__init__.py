"""Clause-kind detection: what a passage *is* (audit rights, auto-renewal...).

Patterns are data (`detect/kinds/*.yaml`); `engine` compiles them once into
spaCy matchers and resolves negation, modality and party roles for every
detection, so rules can ask "is there a non-negated public-body termination
right?" without knowing any pattern.
"""
