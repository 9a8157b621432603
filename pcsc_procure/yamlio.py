"""Safe YAML loading that remembers where each mapping came from.

Rule and detector files are user-editable data; errors in them must point at
`file:line`. Only `yaml.SafeLoader` is used: no Python objects, no tags.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from pcsc_procure.errors import RuleError

MAX_YAML_BYTES = 5 * 1024 * 1024
MAX_YAML_NODES = 1_000_000  # after alias expansion


class LineDict(dict):
    """A dict that knows the (1-based) line it started on."""

    line: int | None = None


class LineList(list):
    line: int | None = None


# libyaml's parser (in PyYAML's wheels) when present: the same safe constructor,
# about ten times faster on the detector and rule files read at every start.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "unhashable mapping key", key_node.start_mark) from None
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


def _construct_sequence(loader, node, deep=False):
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _expanded_size(node, limit: int) -> int:
    """Nodes in the document once every alias is expanded (shared nodes counted each time)."""
    sizes: dict[int, int] = {}
    order = []
    stack = [node]
    while stack:  # children before parents, each node once
        n = stack.pop()
        if id(n) in sizes:
            continue
        sizes[id(n)] = -1
        order.append(n)
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
    for n in reversed(order):
        if isinstance(n, yaml.SequenceNode):
            size = 1 + sum(sizes[id(c)] for c in n.value)
        elif isinstance(n, yaml.MappingNode):
            size = 1 + sum(sizes[id(k)] + sizes[id(v)] for k, v in n.value)
        else:
            size = 1
        sizes[id(n)] = min(size, limit + 1)
    return sizes[id(node)]


def load_yaml_text(text: str, path: str):
    """Parse with the safe loader; refuse alias bombs ("billion laughs") before building anything."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, MAX_YAML_NODES) > MAX_YAML_NODES:
            raise RuleError(path, f"invalid YAML: aliases expand to more than {MAX_YAML_NODES} values (alias bomb?)")
        return loader.construct_document(node)  # _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or ""
        if "nesting depth" in problem:  # libyaml's own limit, said as the Python parser's case is
            problem = "nested too deeply"
        raise RuleError(path, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise RuleError(path, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise RuleError(path, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()


def load_yaml_file(path: str | Path):
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_YAML_BYTES:
            raise RuleError(str(p), f"file is {size} bytes, over the {MAX_YAML_BYTES}-byte limit for rule files")
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise RuleError(str(p), "not UTF-8 text") from None
    except OSError as exc:
        raise RuleError(str(p), f"cannot read: {exc.strerror or exc}") from None
    return load_yaml_text(text, str(p))


def line_of(obj, default: int | None = None) -> int | None:
    return getattr(obj, "line", None) or default
