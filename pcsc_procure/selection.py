"""Which rules run: `--select` / `--ignore` by rule id, id prefix or pillar."""

from __future__ import annotations

from pcsc_procure.errors import ConfigError


def _matches(rule, token: str) -> bool:
    t = token.strip()
    if not t:
        return False
    if t.upper() == "ALL":
        return True
    return rule.id == t.upper() or rule.id.startswith(t.upper().rstrip("-") + "-") or rule.pillar == t.lower() or rule.name == t.lower()


def select_rules(rules: list, select: list[str] | None, ignore: list[str] | None) -> list:
    select = [s for item in (select or []) for s in item.split(",") if s.strip()]
    ignore = [s for item in (ignore or []) for s in item.split(",") if s.strip()]
    for token in select + ignore:
        if not any(_matches(r, token) for r in rules):
            raise ConfigError(None, f"--select/--ignore: {token!r} matches no rule id, prefix or pillar (see `pcsc-procure rules list`)")
    chosen = [r for r in rules if not select or any(_matches(r, t) for t in select)]
    return [r for r in chosen if not any(_matches(r, t) for t in ignore)]
