"""The generator's one error type, in a module of its own.

Every stage of the client half raises :class:`GenerationError`; the modules that only need the type (the command,
the formatter pool, the models) import it from here, so importing them does not import the IR and Jinja: a
``docs2client generate`` run starts its worker processes that much sooner (they fork before the IR is imported,
and import datamodel-code-generator and black while this process reads the spec).
"""

from __future__ import annotations

__all__ = ["GenerationError"]


class GenerationError(ValueError):
    """A spec the generator cannot turn into a package; the message names the document and the location."""
