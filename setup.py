"""Which packages the docs2client distribution ships (the rest of its metadata is in pyproject.toml).

The Jinja templates and the runtime sources that every generated package copies live in the top-level
``templates/`` folder (where people look for them), but the tool must find them once installed from a wheel, so
they are shipped inside the package as ``scraper.templates`` (``templates/client`` as ``scraper.templates.client``,
...) and loaded with ``importlib.resources``. A ``package_dir`` mapping of one subpackage is not expressible with
``[tool.setuptools.packages.find]``, hence this file; both package lists are still discovered, so a new
``scraper`` subpackage or template folder needs no edit here.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

TEMPLATES = Path(__file__).resolve().parent / "templates"

setup(
    packages=[
        # namespace discovery: some subpackages (scraper/clients) have no __init__.py
        *find_namespace_packages(include=["scraper", "scraper.*"], exclude=["*__pycache__*"]),
        "scraper.templates",
        *(f"scraper.templates.{name}" for name in find_namespace_packages(str(TEMPLATES), exclude=["*__pycache__*"])),
    ],
    package_dir={"scraper.templates": "templates"},
    package_data={"scraper.templates": ["**/*.j2"]},
)
