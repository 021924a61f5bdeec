"""operationIds that end with the API version (``CreateDistribution2018_11_05`` where ``info.version`` is
``2018-11-05``: botocore's CloudFront names, kept by the APIs-guru conversions): every method repeated the version
its module is named after (``create_distribution2018_11_05``). Now the version is left out of such a name, with one
warning per document, unless the shorter name is another operation's; a one-part short version (``v2``) is not
looked for, nor is the version inside a name or at the end of a summary-derived name."""

from __future__ import annotations

import re
from typing import Any

from scraper.clients.ir import build_package
from scraper.clients.method_suffixes import drop_version_suffix


def _op(operation_id: str | None = None, summary: str | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {"responses": {"204": {"description": "done"}}}
    if operation_id:
        op["operationId"] = operation_id
    if summary:
        op["summary"] = summary
    return op


def test_an_operation_id_ending_with_the_api_version_leaves_it_out_of_the_method_name() -> None:
    doc: dict[str, Any] = {
        "openapi": "3.0.0",
        "info": {"title": "Cdn", "version": "2018-11-05"},
        "paths": {
            "/2018-11-05/distribution": {"post": _op("CreateDistribution2018_11_05"),
                                         "get": _op("ListDistributions2018_11_05")},
            "/2018-11-05/distribution/{id}": {"get": _op("GetDistribution2018_11_05"),
                                              "delete": _op("GetDistribution")},
            "/2018-11-05/key": {"get": _op("ListKeys20181105"), "post": _op(summary="Create key 2018-11-05")},
        },
    }  # fmt: skip
    doc["paths"]["/2018-11-05/distribution/{id}"]["parameters"] = [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    pkg = build_package([doc], source_names=["cdn.yaml"])
    names = {op.method_name for op in pkg.versions[0].operations}
    assert {"create_distribution", "list_distributions", "list_keys"} <= names
    assert "get_distribution2018_11_05" in names and "get_distribution" in names  # the shorter name is taken
    assert "create_key_2018_11_05" in names  # a summary is a sentence, not an id
    assert sum("end with the API version '2018-11-05'" in w for w in pkg.versions[0].warnings) == 1


def test_short_or_inner_versions_are_not_taken_off() -> None:
    assert drop_version_suffix(["get_item1", "list_v2"], [True, True], "v2") == (["get_item1", "list_v2"], [])
    assert drop_version_suffix(["get_item1_0", "v1_0_list"], [True, True], "1.0") == (["get_item", "v1_0_list"], [0])
    assert drop_version_suffix(["list_things_v2021_01"], [True], "2021-01") == (["list_things"], [0])
    assert drop_version_suffix(["x2021_01"], [True], "2021-01") == (["x"], [0])
    assert drop_version_suffix(["a2021_01", "a"], [True, False], "2021-01") == (["a2021_01", "a"], [])


def test_fastapi_generated_operation_ids_name_methods_after_the_route_function() -> None:
    """FastAPI's ``generate_unique_id`` (blakeblackshear/frigate ``docs/static/frigate-api.yaml``, 173 of 179
    operations; michaelfeil/infinity ``docs/assets/openapi.json``): ``all_recordings_summary_recordings_summary_get``
    for ``GET /recordings/summary``. Methods repeated their path and HTTP method
    (``client.config_config_get()``); now they are the function's name, unless two routes share it."""
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Cams", "version": "0.1"},
        "paths": {
            "/": {"get": _op("redirect__get")},
            "/recordings/summary": {"get": _op("all_recordings_summary_recordings_summary_get")},
            "/users/{user_id}": {"get": _op("read_user_users__user_id__get"),
                                 "put": _op("read_user_users__user_id__get_put")},
            "/a/{name}/set": {"put": _op("camera_set_a__name__set_put")},
            "/b/{name}/set": {"put": _op("camera_set_b__name__set_put")},
            "/config": {"get": _op("config_config_post")},  # not this operation's method: kept
            "/health": {"get": _op("health")},
        },
    }  # fmt: skip
    for path, item in doc["paths"].items():
        for op in item.values():
            op["parameters"] = [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                for name in re.findall(r"{(\w+)}", path)
            ]
    pkg = build_package([doc], source_names=["cams.yaml"])
    names = {op.method_name for op in pkg.versions[0].operations}
    assert {"redirect", "all_recordings_summary", "read_user", "health"} <= names
    assert "read_user_users_user_id_get_put" in names  # its suffix is not its own path and method
    assert {"camera_set_a_name_set_put", "camera_set_b_name_set_put"} <= names  # two routes share 'camera_set'
    assert "config_config_post" in names
    assert sum("are FastAPI's generated ones" in w for w in pkg.versions[0].warnings) == 1
