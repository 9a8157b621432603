"""Profiles: kinds of purchase, each selecting the domains rules apply to.

Used by `pack --profile` (which clauses a pack holds) and `lint --profile`
(which rules apply, instead of inferring domains from the text).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pcsc_procure.errors import RuleError
from pcsc_procure.yamlio import line_of, load_yaml_file


@dataclass
class Profile:
    name: str
    description: str
    domains: list[str]


def load_profiles(folder: Path) -> dict[str, Profile]:
    path = folder / "profiles.yaml"
    raw = load_yaml_file(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("profiles"), dict):
        raise RuleError(str(path), "must have a top-level `profiles` mapping", 1)
    out = {}
    for name, spec in raw["profiles"].items():
        if not isinstance(spec, dict) or not spec.get("description") or not isinstance(spec.get("domains", []), list):
            raise RuleError(str(path), f"profile {name!r} needs a description and a domains list", line_of(spec, line_of(raw)))
        out[str(name)] = Profile(str(name), " ".join(str(spec["description"]).split()), [str(d) for d in spec.get("domains", [])])
    return out


def get_profile(name: str) -> Profile:
    from pcsc_procure.errors import UserError
    from pcsc_procure.resources import data_dir

    profiles = load_profiles(data_dir("clause_templates"))
    if name not in profiles:
        raise UserError(None, f"unknown profile {name!r}; choose one of: {', '.join(profiles)}")
    return profiles[name]


def lint_domains(profile: Profile, extra=()) -> list[str]:
    """The domains a lint under `profile` applies: its own and any given with it. None at all
    is the profile's answer "no special domains" ("general"), not "infer them from the text"."""
    return sorted({*profile.domains, *extra}) or ["general"]
