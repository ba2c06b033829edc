"""Read YAML into plain Python values that remember the line each value came from.

The document is composed with the safe (C, where available) loader and then walked by hand, so that every
mapping and list knows its own line and the line of each of its entries. Tags beyond YAML's plain types
(``!!python/object`` and the like) are refused, and so are duplicate keys, which PyYAML would silently merge.

A bank file is untrusted input (an instructor's upload): its nesting is measured on the event stream before any
tree is built (the composers recurse once per level and crash at a hundred thousand), and aliases may repeat a
value only so often (a few hundred bytes of nested aliases would otherwise expand to gigabytes).
"""
import yaml

from ..grading.messages import Message, N_
from .problems import Problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}


MAX_DEPTH = 50  # mappings and lists inside each other; a bank question needs about six
MAX_ALIASES = 100
MAX_VALUES = 200_000  # values after alias expansion: far above the largest bank file


class _TooLarge(Exception):
    pass


class LDict(dict):
    """A mapping with ``line`` (its first line) and ``lines[key]`` (the line of each key)."""

    line = 1
    lines: dict


class LList(list):
    """A list with ``line`` and ``lines[i]`` (the line of each item)."""

    line = 1
    lines: list


def line_of(container, key=None) -> int:
    if key is not None:
        try:
            return container.lines[key]
        except (AttributeError, KeyError, IndexError, TypeError):
            pass
    return getattr(container, "line", 1)


class _Walker:
    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self._scalar_loader = yaml.SafeLoader("")
        self.budget = MAX_VALUES

    def problem(self, node, message: str, **params) -> None:
        self.problems.append(Problem(self.filename, node.start_mark.line + 1, Message(message, **params)))

    def walk(self, node):
        self.budget -= 1
        if self.budget < 0:
            raise _TooLarge(node)
        if isinstance(node, yaml.MappingNode):
            if node.tag not in _PLAIN_TAGS:
                self.problem(node, N_("the tag %(tag)s is not allowed"), tag=node.tag)
                return None
            out = LDict()
            out.line, out.lines = node.start_mark.line + 1, {}
            for key_node, value_node in node.value:
                key = self.walk(key_node)
                if isinstance(key, (dict, list)) or key is None:
                    self.problem(key_node, N_("a key must be plain text"))
                    continue
                if key in out:
                    self.problem(key_node, N_("duplicate key '%(key)s' (first on line %(line)s)"), key=key,
                                 line=out.lines[key])
                    continue
                out.lines[key] = key_node.start_mark.line + 1
                out[key] = self.walk(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in _PLAIN_TAGS:
                self.problem(node, N_("the tag %(tag)s is not allowed"), tag=node.tag)
                return None
            out = LList()
            out.line, out.lines = node.start_mark.line + 1, []
            for item in node.value:
                out.lines.append(item.start_mark.line + 1)
                out.append(self.walk(item))
            return out
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, N_("the tag %(tag)s is not allowed"), tag=node.tag)
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # keep dates as the text written: the bank stores JSON
        return self._scalar_loader.construct_object(node)


def _shape_problem(text: str, filename: str) -> Problem | None:
    """Too deep or too many aliases, found on the event stream (flat: no recursion, no tree)."""
    depth = aliases = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(filename, event.start_mark.line + 1,
                               Message(N_("nested deeper than %(n)s levels of mappings and lists"), n=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return Problem(filename, event.start_mark.line + 1,
                               Message(N_("more than %(n)s aliases (*name)"), n=MAX_ALIASES))
    return None


# PyYAML's own words ("mapping values are not allowed in this context") name its parser's states, in English: each
# problem it reports is said instead in a Message (translated where it is shown), the line and column beside it.
_YAML_REASONS = (
    ("mapping values are not allowed", N_("a colon here starts a new key: check the indentation of this line, "
                                          "or put the text in quotes")),
    ("could not find expected ':'", N_("a line without 'key: value' (a missing colon?)")),
    ("cannot start any token", N_("a character that cannot start a value here (a tab, or @ or `): indent with "
                                  "spaces, or put the text in quotes")),
    ("expected ',' or ']'", N_("a list opened with [ is not closed with ]")),
    ("expected ',' or '}'", N_("a mapping opened with { is not closed with }")),
    ("unexpected end of stream", N_("a quotation mark is not closed")),
    ("unknown escape character", N_("an unknown escape with \\ inside double quotes")),
    ("expected '-' indicator", N_("the indentation does not line up with the list above")),
    ("did not find expected key", N_("the indentation does not line up with the lines above")),
    ("undefined alias", N_("an alias (*name) with no anchor (&name) before it")),
    ("unacceptable character", N_("a control character YAML does not allow")),
)


def yaml_reason(exc) -> Message:
    """What PyYAML's error means, in a Message of our own (never its English text)."""
    said = " ".join(str(part) for part in (getattr(exc, "problem", None), getattr(exc, "context", None),
                                           None if hasattr(exc, "problem") else exc) if part)
    for words, template in _YAML_REASONS:
        if words in said:
            return Message(template)
    return Message(N_("the text cannot be read as YAML from here on"))


def read_yaml(text: str, filename: str):
    """Parse ``text``; returns (data, problems). ``data`` is None when the file cannot be read at all."""
    try:
        shape = _shape_problem(text, filename)
        if shape is not None:
            return None, [shape]
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(filename, line, Message(N_("invalid YAML at column %(column)s: %(reason)s"),
                                                      column=mark.column + 1 if mark else 1, reason=yaml_reason(exc)))]
    except yaml.YAMLError as exc:  # the reader's: a character YAML does not allow
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        return None, [Problem(filename, line, Message(N_("invalid YAML: %(reason)s"), reason=yaml_reason(exc)))]
    if node is None:
        return None, []
    walker = _Walker(filename)
    try:
        data = walker.walk(node)
    except _TooLarge as exc:
        line = exc.args[0].start_mark.line + 1
        return None, [Problem(filename, line, Message(N_("aliases expand to more than %(n)s values"), n=MAX_VALUES))]
    return data, walker.problems


def plain(value):
    """Strip line information: plain dicts and lists, ready for JSON."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
