"""docs2client: API reference pages -> OpenAPI 3.1 specs -> typed Python client packages."""

__version__ = "0.1.0"
