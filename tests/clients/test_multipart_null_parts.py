"""A multipart example with a null field or an empty list (Lob's ``letter_create`` example: ``custom_envelope:
null``): the runtime sends no part for them (nothing in multipart/form-data carries null; an empty list is no
item), and the contract test expected a part for every key of the example, so it failed. The check now expects
the parts the example has values for."""

from __future__ import annotations

from pathlib import Path

from scraper.clients.package import render_package
from tests.clients.package_import import run_package_tests, write_package

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Mail Parts", "version": "1.0"},
    "servers": [{"url": "https://parts.test"}],
    "paths": {
        "/letters": {
            "post": {
                "operationId": "createLetter",
                "requestBody": {
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "description": {"type": "string"},
                                    "envelope": {"type": "string", "nullable": True},
                                    "cards": {"type": "array", "items": {"type": "string"}},
                                },
                            },
                            "example": {"description": "demo", "envelope": None, "cards": []},
                        }
                    }
                },
                "responses": {"204": {"description": "sent"}},
            }
        }
    },
}


def test_the_contract_test_expects_no_part_for_a_null_or_an_empty_list(tmp_path: Path) -> None:
    root = write_package(render_package([SPEC], package_name="mail-parts"), tmp_path / "mail-parts")
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
