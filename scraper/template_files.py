"""Where the templates live once the tool is installed: the top-level ``templates/`` folder ships inside the package
as ``scraper.templates`` (setup.py), so every stage that renders reads it through :mod:`importlib.resources`, never
through a path relative to a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

import jinja2

__all__ = ["TEMPLATE_DIR", "template_loader"]

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
