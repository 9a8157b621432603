"""Load clause templates and render them in a sandbox.

A template file (`clause_templates/<id>.yaml`):

    id: breach-notification
    title: Security incidents and personal-data breaches
    satisfies: [PCSC-PRIV-002, PCSC-PRIV-003]    # rule ids this clause resolves
    source: "IG-PCSC 2.1.2, Principles 5; ..."     # guideline sections it implements
    section_cues: [security, data protection]      # headings it belongs under in a draft
    variables:                                     # beyond the shared ones in _variables.yaml
      breach_notice_hours: {type: int, default: 48, min: 1, max: 72, description: ...}
    body: |
      The {{ vendor }} shall notify the {{ public_body }} ... within {{ breach_notice_hours }} hours ...

      (a) a sub-clause on its own paragraph ...

Bodies are Jinja2 rendered by a SandboxedEnvironment with StrictUndefined
(no attribute access to internals, no file access, every variable declared);
paragraphs are separated by blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pcsc_procure.errors import RuleError, TemplateError
from pcsc_procure.generate.variables import Variable, parse_declarations
from pcsc_procure.yamlio import line_of, load_yaml_file

TEMPLATE_KEYS = {"id", "title", "satisfies", "source", "section_cues", "variables", "body", "description"}
TEMPLATE_ID = re.compile(r"^[a-z][a-z0-9-]*$")
SHARED = "_variables.yaml"
MAX_RENDERED = 20000


@dataclass
class Template:
    id: str
    title: str
    satisfies: list[str]
    source: str
    body: str
    path: str
    variables: dict[str, Variable] = field(default_factory=dict)  # own declarations
    section_cues: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # variables the body refers to


@dataclass
class Clause:
    """A rendered clause, ready for any writer."""

    template: str
    title: str
    paragraphs: list[str]
    source: str
    satisfies: list[str]
    values: dict


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def environment():
    return _environment()


def _parse_template(path: Path, shared: dict[str, Variable]) -> Template:
    from jinja2 import TemplateSyntaxError, meta

    raw = load_yaml_file(path)
    p = str(path)
    if not isinstance(raw, dict):
        raise RuleError(p, "a template file must be a mapping (id, title, satisfies, source, body)", 1)
    unknown = set(raw) - TEMPLATE_KEYS
    if unknown:
        raise RuleError(p, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}", line_of(raw))
    for key in ("id", "title", "satisfies", "source", "body"):
        if not raw.get(key):
            raise RuleError(p, f"missing required key `{key}`", line_of(raw))
    tid = raw["id"]
    if not isinstance(tid, str) or not TEMPLATE_ID.match(tid):
        raise RuleError(p, f"template id {tid!r} must be kebab-case", line_of(raw))
    if path.stem != tid:
        raise RuleError(p, f"template id {tid!r} must match the file name {path.stem!r}", line_of(raw))
    satisfies = raw["satisfies"] if isinstance(raw["satisfies"], list) else [raw["satisfies"]]
    if not all(isinstance(s, str) for s in satisfies):
        raise RuleError(p, "satisfies must be a list of rule ids", line_of(raw))
    own = parse_declarations(raw.get("variables"), p, line_of(raw))
    clash = set(own) & set(shared)
    if clash:
        raise RuleError(p, f"variable(s) {', '.join(sorted(clash))} are already declared in {SHARED}", line_of(raw))
    body = str(raw["body"])
    try:
        ast = environment().parse(body)
    except TemplateSyntaxError as exc:
        raise RuleError(p, f"template syntax error in body: {exc.message}", (line_of(raw) or 0) + (exc.lineno or 0)) from None
    used = meta.find_undeclared_variables(ast)
    undeclared = used - set(own) - set(shared)
    if undeclared:
        raise RuleError(p, f"body uses undeclared variable(s) {', '.join(sorted(undeclared))}", line_of(raw))
    cues = raw.get("section_cues") or []
    return Template(
        id=tid, title=str(raw["title"]).strip(), satisfies=list(satisfies), source=str(raw["source"]).strip(), body=body,
        path=p, variables=own, section_cues=[str(c).lower() for c in cues], used=set(used),
    )


def load_templates(folders: list[Path]) -> tuple[dict[str, Template], dict[str, Variable]]:
    """Templates by id and the shared variable declarations (from the first folder)."""
    shared: dict[str, Variable] = {}
    for folder in folders:
        shared_file = folder / SHARED
        if shared_file.exists():
            raw = load_yaml_file(shared_file)
            if not isinstance(raw, dict) or "variables" not in raw:
                raise RuleError(str(shared_file), "must have a top-level `variables` mapping", 1)
            shared.update(parse_declarations(raw["variables"], str(shared_file), line_of(raw)))
    templates: dict[str, Template] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(str(folder), "template folder does not exist")
        for path in sorted(folder.glob("*.yaml")):
            if path.name.startswith("_") or path.name == "profiles.yaml":
                continue
            t = _parse_template(path, shared)
            if t.id in templates:
                raise RuleError(str(path), f"template {t.id!r} is already defined in {templates[t.id].path}", 1)
            templates[t.id] = t
    return templates, shared


def resolve_values(template: Template, shared: dict[str, Variable], supplied: dict) -> dict:
    """Coerce supplied values and fill declared defaults; missing -> TemplateError."""
    decls = {**shared, **template.variables}
    values = {}
    for name in sorted(template.used):
        var = decls[name]
        if name in supplied:
            values[name] = var.coerce(supplied[name], f"template {template.id}")
        elif var.default is not None:
            values[name] = var.default
        else:
            raise TemplateError(f"template {template.id}", f"variable '{name}' has no value and no default; pass --var {name}=...")
    return values


def render(template: Template, shared: dict[str, Variable], supplied: dict) -> Clause:
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError

    values = resolve_values(template, shared, supplied)
    try:
        text = environment().from_string(template.body).render(**values)
    except SecurityError as exc:
        raise TemplateError(f"template {template.id}", f"refused by the sandbox: {exc}") from None
    except JinjaError as exc:
        raise TemplateError(f"template {template.id}", f"cannot render: {exc}") from None
    if len(text) > MAX_RENDERED:
        raise TemplateError(f"template {template.id}", f"rendered text is over {MAX_RENDERED} characters")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Clause(template=template.id, title=template.title, paragraphs=paragraphs, source=template.source, satisfies=template.satisfies, values=values)


def template_folders(extra: list[Path] | None = None) -> list[Path]:
    from pcsc_procure.resources import data_dir

    return [data_dir("clause_templates"), *(extra or [])]
