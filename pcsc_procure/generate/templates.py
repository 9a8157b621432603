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
paragraphs are separated by blank lines. A body may not include, import or
extend anything (refused at load), and rendering is bounded: no operator or
filter may build a value much longer than a clause (`"x" * 10**9`,
`9 ** 9 ** 9`, `center(10**9)`), output stops at MAX_RENDERED characters and
a render gets RENDER_SECONDS of time.
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


RENDER_SECONDS = 5.0
_MAX_POWER_BITS = 4096  # the largest number `**` or `*` may make, in bits
_SPEC_NUMBER = re.compile(r"\d+")


def _too_big(n) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and abs(n) > MAX_RENDERED


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _BoundedEnvironment(ImmutableSandboxedEnvironment):
        """The sandbox, plus limits on the size of what operators and filters build."""

        intercepted_binops = frozenset({"*", "**", "%"})

        def call_binop(self, context, operator, left, right):
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_RENDERED:
                        raise SecurityError(f"'*' would build a value over {MAX_RENDERED} long")
                if isinstance(left, int) and isinstance(right, int) and abs(left).bit_length() + abs(right).bit_length() > _MAX_POWER_BITS:
                    raise SecurityError("'*' would build a number too large")
            elif operator == "**":
                if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(left) > 1 and abs(right) * max(abs(left), 2).bit_length() > _MAX_POWER_BITS:
                    raise SecurityError("'**' would build a number too large")
            elif operator == "%" and isinstance(left, str):
                _check_spec(left)
            return super().call_binop(context, operator, left, right)

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - jinja2's signature
            target = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
            owner = getattr(target, "__self__", None)
            if isinstance(owner, (str, list, tuple)):  # "x".center(10**9), "{:>999999999}".format(1)
                if any(_too_big(a) for a in args) or any(_too_big(v) for v in kwargs.values()):
                    raise SecurityError(f"{getattr(target, '__name__', 'method')}() given a number over {MAX_RENDERED}")
                if isinstance(owner, str) and getattr(target, "__name__", "") in ("format", "format_map"):
                    _check_spec(owner)
            return super().call(__context, __obj, *args, **kwargs)

    def _check_spec(spec: str) -> None:
        if any(int(n) > MAX_RENDERED for n in _SPEC_NUMBER.findall(spec) if len(n) > 4):
            raise SecurityError(f"a format width or precision over {MAX_RENDERED}")

    def _bounded(name, f):
        import functools

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            if any(_too_big(a) for a in args[1:]) or any(_too_big(v) for v in kwargs.values()):
                raise SecurityError(f"filter {name!r} given a number over {MAX_RENDERED}")
            if name == "format" and args and isinstance(args[0], str):
                _check_spec(args[0])
            return f(*args, **kwargs)

        return wrapper

    env = _BoundedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters = {name: _bounded(name, f) for name, f in env.filters.items()}
    return env


def _refuse_file_access(ast, path: str, line: int | None) -> None:
    """Bodies are self-contained: no include, import or extends (the sandbox has no loader anyway)."""
    from jinja2 import nodes

    verbs = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import", nodes.Extends: "extend"}
    for node in ast.find_all(tuple(verbs)):
        raise RuleError(path, f"template body may not {verbs[type(node)]} other templates or files", (line or 0) + (node.lineno or 0))


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
    _refuse_file_access(ast, p, line_of(raw))
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

    from pcsc_procure.errors import TimeBudgetExceeded

    values = resolve_values(template, shared, supplied)
    owner = f"template {template.id}"
    try:
        with _render_budget(RENDER_SECONDS):
            pieces: list[str] = []
            size = 0
            for piece in environment().from_string(template.body).generate(**values):
                pieces.append(piece)
                size += len(piece)
                if size > MAX_RENDERED:
                    raise TemplateError(owner, f"rendered text is over {MAX_RENDERED} characters")
            text = "".join(pieces)
    except TimeBudgetExceeded:
        raise TemplateError(owner, f"rendering took longer than {RENDER_SECONDS:g} s") from None
    except SecurityError as exc:
        raise TemplateError(owner, f"refused by the sandbox: {exc}") from None
    except JinjaError as exc:
        raise TemplateError(owner, f"cannot render: {exc}") from None
    except TemplateError:
        raise
    except (ArithmeticError, TypeError, ValueError, LookupError, MemoryError, RecursionError) as exc:  # the template's own mistakes
        raise TemplateError(owner, f"cannot render: {type(exc).__name__}: {exc}") from None
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Clause(template=template.id, title=template.title, paragraphs=paragraphs, source=template.source, satisfies=template.satisfies, values=values)


def _render_budget(seconds: float):
    """A time limit for one render, unless a per-file budget is already running (timers do not nest)."""
    import contextlib
    import signal

    from pcsc_procure.deadline import time_budget

    if hasattr(signal, "getitimer") and signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return contextlib.nullcontext()
    return time_budget(seconds)


def template_folders(extra: list[Path] | None = None) -> list[Path]:
    from pcsc_procure.resources import data_dir

    return [data_dir("clause_templates"), *(extra or [])]
