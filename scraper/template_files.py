"""Where the templates live once the tool is installed: the top-level ``templates/`` folder ships inside the package
as ``scraper.templates`` (setup.py), so every stage that renders reads it through :mod:`importlib.resources`, never
through a path relative to a checkout.

Compiled templates are kept beside them (:class:`CompiledTemplates`), the way Python keeps ``.pyc`` files in
``__pycache__``: compiling the client templates is about a quarter of a second, as much as building a small
package's IR, and every run would pay it again.
"""

from __future__ import annotations

import hashlib
import sys
from contextlib import suppress
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import jinja2

from scraper.atomic import write_atomic

__all__ = ["TEMPLATE_DIR", "CompiledTemplates", "compile_all", "compiled_templates", "template_loader"]

TEMPLATE_DIR: Traversable = files("scraper.templates")


def template_loader(subfolder: str = "") -> jinja2.BaseLoader:
    """A Jinja loader for ``templates/<subfolder>/<name>`` wherever the package is installed."""
    root = TEMPLATE_DIR.joinpath(*subfolder.split("/")) if subfolder else TEMPLATE_DIR

    def source(name: str) -> str | None:  # None is jinja's "not found"
        try:
            return root.joinpath(*name.split("/")).read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None

    return jinja2.FunctionLoader(source)


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates in ``directory``, one file per template.

    Jinja stores each with the checksum of the template's source and its own bytecode format and Python version, and
    recompiles when any differs, so an edited template is never served stale. What else shapes the compiled code (the
    Jinja version, the environment's syntax options, the tool's filter code) names the folder
    (:func:`compiled_templates`).

    ``write``: whether templates compiled now are stored. The tool follows Python's own rule for its bytecode
    (``PYTHONDONTWRITEBYTECODE``); :func:`compile_all`, run when the tool is installed, stores them regardless. A
    folder that cannot be written (an installation owned by another user) only means compiling every run.
    """

    def __init__(self, directory: Path, *, write: bool = True) -> None:
        self.directory = directory
        self.write = write

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.directory / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        try:
            bucket.bytecode_from_string(data)  # a stale file leaves the bucket empty: the template is compiled
        except Exception:  # a torn or foreign file (Jinja unpickles its checksum and lets that fail): compile
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not self.write:
            return
        # Readers see the old file or the new one, never a part, with the mode open() gives (as .pyc files get);
        # a folder not writable here only means the template is compiled again next run.
        with suppress(OSError):
            write_atomic(self._path(bucket), bucket.bytecode_to_string())


def compiled_templates(env: jinja2.Environment, *, write: bool | None = None) -> CompiledTemplates | None:
    """The compiled-template store for ``env`` (None when the templates are not plain files, as in a zip): in the
    templates' ``__pycache__``, in a folder named after the Jinja version and everything else that changes what a
    template compiles to: the syntax options, and the code of the filters and tests the tool adds (Jinja's optimizer
    runs a filter on constant arguments while compiling, and decides then how to call it). ``write`` defaults to
    Python's rule for bytecode (see :class:`CompiledTemplates`)."""
    if not isinstance(TEMPLATE_DIR, Path):
        return None
    options = (
        jinja2.__version__,
        _callables(env),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        _callable_name(env.autoescape) if callable(env.autoescape) else env.autoescape,
        sorted(env.extensions),
        env.is_async,
    )
    name = hashlib.sha256(repr(options).encode()).hexdigest()[:16]
    return CompiledTemplates(
        TEMPLATE_DIR / "__pycache__" / f"jinja-{name}",
        write=not sys.dont_write_bytecode if write is None else write,
    )


def _callable_name(function: object) -> str:
    return f"{getattr(function, '__module__', '?')}.{getattr(function, '__qualname__', type(function).__name__)}"


def _callables(env: jinja2.Environment) -> list[tuple[str, str, str]]:
    """``(kind and name, function, digest of its module's source)`` for every filter, test and global function that
    is not Jinja's own (Jinja's are covered by its version), and ``finalize``."""
    entries = [(f"filter {n}", f) for n, f in env.filters.items()] + [(f"test {n}", f) for n, f in env.tests.items()]
    entries += [(f"global {n}", f) for n, f in env.globals.items() if callable(f)]
    if env.finalize is not None:
        entries.append(("finalize", env.finalize))
    found = []
    for label, function in entries:
        module = getattr(function, "__module__", None) or ""
        if module == "jinja2" or module.startswith("jinja2.") or module == "builtins":
            continue
        found.append((label, _callable_name(function), _module_digest(module)))
    return sorted(found)


def _module_digest(name: str) -> str:
    """The sha256 of module ``name``'s source file ("" when it has none)."""
    path = getattr(sys.modules.get(name), "__file__", None)
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def compile_all() -> int:
    """Compile every template of the tool and store it (whatever ``PYTHONDONTWRITEBYTECODE`` says): what installing
    the tool does (``make``'s install step, the benchmark's byte-compiling), as ``pip install`` byte-compiles the
    modules. Returns how many templates were compiled."""
    from scraper.atlas.render import load_templates as load_atlas
    from scraper.clients.render import load_templates as load_client

    return load_client(store=True) + load_atlas(store=True)


if __name__ == "__main__":
    print(f"compiled {compile_all()} templates")
