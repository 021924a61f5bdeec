"""Properties named in pydantic's protected namespaces (``model_dump``, ``model_validate_json``) are fields that
import without a warning: the generator's own ``model_dump_`` was still in the namespace, a UserWarning at every
import of the models and an error under ``python -W error``."""

from __future__ import annotations

import types
import warnings

from scraper.clients.models import render_models


def test_protected_property_names_import_without_a_warning_and_keep_their_names_as_aliases() -> None:
    properties = {name: {"type": "string"} for name in ("model_dump", "model_validate_json", "model_config", "Config")}
    schemas = {"A": {"type": "object", "properties": properties}}
    source = render_models(schemas, openapi="3.1.0", source_name="p.yaml", header="protected")
    module = types.ModuleType("protected_models")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(compile(source, "protected_models.py", "exec"), module.__dict__)  # the tool's own output
    a = module.A.model_validate({"model_dump": "d", "model_validate_json": "j", "model_config": "c", "Config": "C"})
    assert a.model_dump(by_alias=True, exclude_none=True) == {
        "model_dump": "d", "model_validate_json": "j", "model_config": "c", "Config": "C"
    }  # fmt: skip
