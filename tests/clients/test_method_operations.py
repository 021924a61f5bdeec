"""Every public method of a generated client names its operation in its docstring, as the release rules read it
(:mod:`scraper.clients.method_operations`); the committed package stands for the template's current output."""

from __future__ import annotations

from scraper.clients.method_operations import api_version, method_operations
from tests.paths import ROOT

_MODULE = ROOT / "generated/scp-parallel-filestorage/scp_parallel_filestorage/v1_0/client.py"


def test_each_operation_method_of_a_generated_client_is_matched_to_its_operation() -> None:
    source = _MODULE.read_text(encoding="utf-8")
    found = method_operations(source)
    assert found["show_volume"] == "GET /v1/volumes/{}"
    assert found["iter_list_volumes"] == found["list_volumes"] == "GET /v1/volumes"
    assert found["create_snapshot"] == "POST /v1/snapshots"
    assert "__init__" not in found and "close" not in found
    assert api_version(source) == "1.0"


def test_a_module_without_its_lines_matches_nothing() -> None:
    assert method_operations('class Client:\n    def get(self) -> None:\n        """GET /x"""\n') == {}
    assert api_version("API_VERSION = 2\n") is None
    assert api_version("API_VERSION: str = 'v2'\n") == "v2"
