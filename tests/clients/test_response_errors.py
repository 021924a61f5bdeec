"""A generated client given a success body that does not match its documented model raises an ``ApiError``
(``ResponseValidationError``) carrying URL, status, request id and body, with the pydantic error chained; and the
generated README tells mypy users how to see deprecated calls."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scraper.clients.command import generate_service
from tests import paths

DEMO = paths.FIXTURES / "openapi" / "scp" / "demoserver"

SCRIPT = """
import asyncio, httpx, pydantic
import scp_demoserver
from scp_demoserver import ApiError, ResponseValidationError

def handler(request):
    return httpx.Response(200, json={"id": "s-1", "state": 7}, headers={"x-request-id": "req-42"})

def check(error):
    assert isinstance(error, ApiError)
    assert error.status_code == 200
    assert error.url == "https://api.test/v1/servers/s-1", error.url
    assert error.request_id == "req-42"
    assert error.body == {"id": "s-1", "state": 7}
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert "response body does not match Server" in str(error) and "(+" in str(error), str(error)
    assert "for GET https://api.test/v1/servers/s-1 (request id req-42)" in str(error), str(error)

with scp_demoserver.Client(base_url="https://api.test", transport=httpx.MockTransport(handler)) as client:
    try:
        client.show_server("s-1")
    except ResponseValidationError as error:
        check(error)
    else:
        raise SystemExit("no error raised")

async def main():
    async with scp_demoserver.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(handler)) as c:
        try:
            await c.show_server("s-1")
        except ResponseValidationError as error:
            check(error)
        else:
            raise SystemExit("no error raised (async)")

asyncio.run(main())
print("ok")
"""


def test_a_body_that_does_not_match_its_model_is_an_api_error(tmp_path: Path) -> None:
    out = tmp_path / "scp-demoserver"
    generate_service(sorted(DEMO.glob("*.yaml")), out, findings_dir=DEMO)
    env = dict(os.environ, PYTHONPATH=str(out), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "ok"

    readme = (out / "README.md").read_text(encoding="utf-8")
    assert 'enable_error_code = ["deprecated"]' in readme
    assert "ResponseValidationError" in readme
