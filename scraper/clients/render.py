"""Jinja rendering with escaping filters: the only way doc text reaches generated source.

Templates never interpolate a raw doc string. They use ``| py`` (a Python literal via :func:`py_literal`),
``| docstring`` (a safe triple-quoted body), ``| comment`` (one printable line for a ``#`` comment) or ``| md``
(Markdown text without control characters; ``| headings_from(3)`` moves a Markdown text's headings below
the README's own sections, ``markdown_headings``). Identifiers come from ``naming`` and are checked again by
:func:`ident`. Code shape: ``client/macros.py.j2`` writes signatures, docstrings and calls; ``| shaped`` lays out
the flat code lines a template wrote as black would (``layout``); ``| wire`` is a value as sent (docstrings) and
``| wrap`` wraps a doc paragraph. Jinja's autoescape is off (this is Python, not HTML); Jinja never evaluates
inserted values, so doc text containing ``{{`` stays text.
"""

from __future__ import annotations

import json
import math
import textwrap
from functools import cache
from typing import Any

import jinja2

from scraper.clients import naming
from scraper.clients.markdown_headings import nested_headings
from scraper.template_files import TEMPLATE_DIR, CompiledTemplates, compiled_templates, template_loader

__all__ = [
    "TEMPLATE_DIR",
    "comment",
    "docstring_body",
    "environment",
    "ident",
    "py_literal",
    "render",
    "toml_string",
    "wire_text",
    "wrap",
]

#: The templates and the runtime sources every package copies: ``templates/`` of the checkout, installed as the
#: ``scraper.templates`` package (setup.py) so that an installed ``docs2client`` finds them too.


def py_literal(value: Any) -> str:
    """A Python expression for a JSON-like value: ``repr`` for strings (escapes quotes, backslashes, control and
    non-printable characters; double quotes where that needs no extra escape, as black writes them), recursion for
    containers, explicit handling of non-finite floats."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        if math.isfinite(value):
            return repr(value)
        return f'float("{value}")'
    if isinstance(value, str):
        return _safe_repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(str(k))}: {py_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):
        return "(" + "".join(py_literal(v) + ", " for v in value).rstrip(" ") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    # Dates and other YAML scalars: their JSON text.
    return _safe_repr(json.dumps(value, default=str).strip('"'))


def _safe_repr(text: str) -> str:
    out = repr(text)
    if out.startswith("'") and '"' not in text:
        # Black's preferred quotes (no escapes change: repr only escapes ' inside '...' when the text also has ").
        out = '"' + out[1:-1] + '"'
    # repr leaves printable non-ASCII as is; escape separators Python or editors may treat as line breaks.
    if out.isprintable():  # the common case, checked in one pass in C
        return out
    return "".join(
        ch if ch.isprintable() or ch in "\\'\"" else ch.encode("unicode_escape").decode("ascii") for ch in out
    )


def docstring_body(text: str) -> str:
    """Text safe inside ``\"\"\"...\"\"\"``: backslashes and quotes escaped, non-printable characters as escapes."""
    # Backslashes first, so the ones escaping quotes are not doubled; then any non-printable character (rare: checked
    # line by line in C first) as its escape, whose backslash is not doubled either.
    escaped = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\").replace('"', '\\"')
    lines = escaped.split("\n")
    if not all(line.isprintable() for line in lines):
        lines = [
            "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in line)
            for line in lines
        ]
    return "\n".join(line.rstrip() for line in lines).strip()


def comment(text: str) -> str:
    """One printable line (for ``#`` comments and Markdown table cells)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def md(text: str) -> str:
    """Markdown text: control characters removed, lines kept."""
    return "\n".join(comment(line) for line in text.replace("\r", "").split("\n")).strip()


def toml_string(text: str) -> str:
    """A TOML basic string: JSON escaping (valid TOML) plus DEL, which TOML forbids raw."""
    return json.dumps(str(text), ensure_ascii=False).replace("\x7f", "\\u007f")


def wire_text(value: Any) -> str:
    """How a scalar parameter value appears on the wire (JSON-style booleans): the ``wire`` filter, for docs."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def wrap(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` columns, breaking only at spaces (never inside a word or at a hyphen)."""
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False))


def ident(name: str) -> str:
    """Pass an identifier through, refusing anything that is not one (a generator bug, not a spec problem)."""
    if not naming.is_identifier(name):
        raise ValueError(f"not a safe identifier: {name!r}")
    return name


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=template_loader(),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(toml=toml_string, py=py_literal, docstring=docstring_body, comment=comment, md=md, ident=ident)
    env.filters["headings_from"] = nested_headings
    from scraper.clients import layout  # (layout -> formatting -> ir -> this module: imported when first used)

    # code shape: ``shaped`` lays out the flat lines a template wrote as black would (scraper/clients/layout.py)
    env.filters.update(shaped=layout.shape_block, wire=wire_text, wrap=wrap)
    env.tests["fits"] = layout.fits
    env.bytecode_cache = compiled_templates(env)  # compiled once, kept beside the templates (see template_files)
    return env


def load_templates(folder: str = "client", *, store: bool = False) -> int:
    """Load every template of ``templates/<folder>/`` now (Jinja keeps them): a caller with time to spare, a
    regeneration waiting for its specs' validation, saves the first renders loading them (compiling, when they are
    not compiled yet: ~0.25 s). ``store``: keep what is compiled now whatever ``PYTHONDONTWRITEBYTECODE`` says
    (:func:`scraper.template_files.compile_all`). Returns how many templates were loaded."""
    env = environment()
    if store and isinstance(env.bytecode_cache, CompiledTemplates):
        env.bytecode_cache.write = True
    names = sorted(entry.name for entry in TEMPLATE_DIR.joinpath(folder).iterdir() if entry.name.endswith(".j2"))
    for name in names:
        env.get_template(f"{folder}/{name}")
    return len(names)


def render(template: str, **context: Any) -> str:
    """Render ``templates/<template>`` with ``context``."""
    return environment().get_template(template).render(**context)
