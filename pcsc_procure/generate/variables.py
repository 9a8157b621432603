"""Template variables: declarations, user values, checks, defaults from drafts.

A declaration says name, type (str, int, float, bool, choice), default,
description and the allowed range (min/max, choices, max_length). Values
come, lowest priority first, from: declared defaults, the draft's own party
names (for `fix`), config `vars`, a `--vars` YAML file, `--var k=v`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pcsc_procure.errors import TemplateError

TYPES = ("str", "int", "float", "bool", "choice")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_STR = 300


@dataclass
class Variable:
    name: str
    type: str
    description: str
    default: object = None
    min: float | None = None
    max: float | None = None
    choices: list[str] = field(default_factory=list)
    max_length: int = MAX_STR

    def coerce(self, value, owner: str):
        """Check and convert a user value; raise TemplateError naming owner and variable."""
        def bad(why: str):
            return TemplateError(owner, f"variable '{self.name}': {why}")

        if self.type == "str":
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise bad(f"expected text, got {type(value).__name__}")
            value = " ".join(str(value).split())
            if not value:
                raise bad("must not be empty")
            if len(value) > self.max_length:
                raise bad(f"longer than {self.max_length} characters")
            return value
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "yes", "1", "on"):
                return True
            if str(value).lower() in ("false", "no", "0", "off"):
                return False
            raise bad(f"expected true or false, got {value!r}")
        if self.type == "choice":
            if str(value) not in self.choices:
                raise bad(f"must be one of {', '.join(self.choices)}, got {value!r}")
            return str(value)
        try:
            if isinstance(value, bool):
                raise ValueError
            number = int(value) if self.type == "int" else float(value)
            if self.type == "int" and isinstance(value, float) and not value.is_integer():
                raise ValueError
        except (TypeError, ValueError):
            raise bad(f"expected {'a whole number' if self.type == 'int' else 'a number'}, got {value!r}") from None
        if self.min is not None and number < self.min:
            raise bad(f"{number} is below the minimum {self.min:g}")
        if self.max is not None and number > self.max:
            raise bad(f"{number} is above the maximum {self.max:g}")
        return number


def parse_declarations(raw, owner: str, line: int | None = None) -> dict[str, Variable]:
    from pcsc_procure.errors import RuleError
    from pcsc_procure.yamlio import line_of

    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise RuleError(owner, "variables must be a mapping of name to declaration", line)
    out = {}
    for name, spec in raw.items():
        where = line_of(spec, line)
        if not isinstance(name, str) or not NAME.match(name):
            raise RuleError(owner, f"variable name {name!r} must be snake_case", where)
        if not isinstance(spec, dict):
            raise RuleError(owner, f"variable {name}: declaration must be a mapping (type, default, description...)", where)
        unknown = set(spec) - {"type", "default", "description", "min", "max", "choices", "max_length"}
        if unknown:
            raise RuleError(owner, f"variable {name}: unknown key(s) {', '.join(sorted(map(str, unknown)))}", where)
        vtype = spec.get("type", "str")
        if vtype not in TYPES:
            raise RuleError(owner, f"variable {name}: type must be one of {', '.join(TYPES)}", where)
        if not spec.get("description"):
            raise RuleError(owner, f"variable {name}: needs a description", where)
        var = Variable(name=name, type=vtype, description=" ".join(str(spec["description"]).split()), min=spec.get("min"), max=spec.get("max"), choices=[str(c) for c in spec.get("choices", [])], max_length=int(spec.get("max_length", MAX_STR)))
        if vtype == "choice" and not var.choices:
            raise RuleError(owner, f"variable {name}: a choice needs `choices`", where)
        if "default" in spec:
            try:
                var.default = var.coerce(spec["default"], owner)
            except TemplateError as exc:
                raise RuleError(owner, f"default does not satisfy its own declaration: {exc.problem}", where) from None
        out[name] = var
    return out


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """`--var k=v` options to a dict; a malformed one is a usage error."""
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise TemplateError(None, f"--var {pair!r}: expected NAME=VALUE")
        key, value = pair.split("=", 1)
        key = key.strip()
        if not NAME.match(key):
            raise TemplateError(None, f"--var {pair!r}: variable names are snake_case")
        out[key] = value
    return out


def load_vars_file(path: str) -> dict:
    from pcsc_procure.errors import RuleError
    from pcsc_procure.yamlio import load_yaml_file

    try:
        data = load_yaml_file(path)
    except RuleError as exc:
        raise TemplateError(exc.path, exc.problem) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise TemplateError(path, "a vars file must be a mapping of variable names to values")
    return dict(data)


_ROLE_WORDS_PUBLIC = ("city", "authority", "council", "municipality", "county", "agency", "department", "purchaser", "government", "commission", "district", "region", "customer", "client", "buyer")
_ROLE_WORDS_VENDOR = ("vendor", "contractor", "supplier", "provider", "service provider", "consultant", "operator", "concessionaire", "developer", "integrator", "licensor", "partner", "company")


def parties_from_document(text: str) -> dict[str, str]:
    """The draft's own defined terms for the two parties: ("the "City"" -> City)."""
    from pcsc_procure.segment.definitions import find_definitions

    found: dict[str, str] = {}
    for d in find_definitions(text[:30000]):
        if d.kind != "party":
            continue
        term = d.term.strip()
        low = term.lower()
        if "public_body" not in found and any(low == w or low.endswith(" " + w) for w in _ROLE_WORDS_PUBLIC):
            found["public_body"] = term
        elif "vendor" not in found and any(low == w or low.endswith(" " + w) for w in _ROLE_WORDS_VENDOR):
            found["vendor"] = term
    return found
