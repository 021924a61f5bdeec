"""Property tests of issue 12's acceptance: adversarial names, paths and versions through ``spec`` and ``generate``.

For every input hypothesis draws: nothing is written outside the output folder (a sentinel tree beside it stays
byte for byte the same), every failure is one of the tool's clean errors (never another exception), and every
generated package's Python files compile and import, in a fresh interpreter, without side effects (an audit hook
refuses process starts, sockets, file writes and deletions during the imports).
"""

from __future__ import annotations

import copy
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import scraper.build.workers
from scraper.atomic import UnsafePathError, write_tree
from scraper.build import PageInput, build_specs
from scraper.clients.command import generate_service
from scraper.clients.ir import GenerationError
from tests.paths import ROOT

PAGE_000 = ROOT / "pages" / "scp" / "000_65c2559a52e6e5c4.txt"
PAGE_004 = ROOT / "pages" / "scp" / "004_dcbb7d1e887604a7.txt"

ADVERSARIAL = [
    "",
    ".",
    "..",
    "...",
    "/",
    "../../victim",
    "/tmp/docs2client-evil",
    "a/../../b",
    "C:\\evil",
    "a\\..\\b",
    "~",
    "$HOME",
    "`id`",
    "-rf",
    ".hidden",
    "nul\x00byte",
    "new\nline",
    "class",
    "import",
    "None",
    "self",
    "__init__",
    "__import__('os').system('touch pwned')",
    '"""',
    "'''",
    "{x}",
    "{{ 7*7 }}",
    "%s%n",
    "region",
    "limits",
    "timeout",
    "base_url",
    "1.0",
    "v2",
    "한글",
    "é",
    "\u2028",
    "\ud800",
]
names = st.one_of(
    st.sampled_from(ADVERSARIAL),
    st.text(alphabet=st.sampled_from(list("aZ09._-/\\:~ {}'\"$\n\x00é")), max_size=12),
)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _sentinel(base: Path) -> Path:
    victim = base / "victim"
    victim.mkdir(parents=True, exist_ok=True)
    (victim / "keep.txt").write_text("mine\n", encoding="utf-8")
    return victim


def _outside_unchanged(base: Path, out: Path, before: dict[str, bytes]) -> None:
    after = {k: v for k, v in _snapshot(base).items() if not (base / k).is_relative_to(out)}
    assert after == before


def _no_validation(spec: dict[str, Any]) -> str:
    return ""


# -- spec ------------------------------------------------------------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(service=names, version=names)
def test_spec_with_adversarial_ids_and_versions(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, service: str, version: str
) -> None:
    monkeypatch.setattr(scraper.build.workers, "validate_spec", _no_validation)  # the validator is tested elsewhere
    base = tmp_path_factory.mktemp("spec")
    work = base / "work"
    work.mkdir()
    _sentinel(base)
    page_004 = PAGE_004.read_text(encoding="utf-8").replace("virtualserver 1.3", f"{service} 1.3", 1)
    page_000 = PAGE_000.read_text(encoding="utf-8").replace("| 1.0 | CURRENT | - |", f"| {version} | CURRENT | - |")
    (work / "004.txt").write_text(page_004, encoding="utf-8", errors="surrogatepass")
    (work / "000.txt").write_text(page_000, encoding="utf-8", errors="surrogatepass")
    out = work / "out"
    before = _snapshot(base)
    pages = [
        PageInput(name="004.txt", path=work / "004.txt", provider="scp", format="text", capture=1),
        PageInput(name="000.txt", path=work / "000.txt", provider="scp", format="text", capture=2),
    ]
    report = build_specs(pages, out)  # must not raise: every problem is a located error in the report
    assert all(isinstance(e, str) and e for e in report.errors)
    event("refused with an error" if report.errors else "all built")
    _outside_unchanged(base, out, before)
    for written in report.written:
        assert written.resolve().is_relative_to(out.resolve())
    for service_dir in out.glob("*/*"):
        assert service_dir.parent.name == "scp"


# -- generate --------------------------------------------------------------------------------------------------

IMPORT_CHECK = textwrap.dedent("""
    import importlib, pathlib, sys

    FORBIDDEN = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                 "socket.connect", "socket.bind", "os.remove", "os.unlink", "os.rename", "os.rmdir", "shutil.rmtree")

    def hook(event, args):
        if event in FORBIDDEN or event.startswith(("os.exec", "os.spawn")):
            raise RuntimeError(f"side effect during import: {event} {args!r}"[:300])
        if event == "open" and len(args) > 1 and isinstance(args[1], str) and set(args[1]) & set("wax+"):
            raise RuntimeError(f"file written during import: {args[0]!r}")

    root = pathlib.Path(sys.argv[1])
    sys.path.insert(0, str(root))
    modules = sorted(
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for p in root.rglob("*.py") if "tests" not in p.relative_to(root).parts
    )
    sys.addaudithook(hook)
    for name in modules:
        importlib.import_module(name)
    print(len(modules))
    """)


def _document(
    title: str,
    provider: str,
    service: str,
    version: str,
    op: str,
    param: str,
    model: str,
    prop: str,
    enum: str,
    variable: str,
) -> dict[str, Any]:
    path_param = {"name": param, "in": "path", "required": True, "schema": {"type": "string"}, "example": enum}
    client_param = {"name": variable, "in": "query", "schema": {"type": "string"}, "x-client-parameter": True}
    ok = {"description": title, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": title,
            "version": version,
            "x-provider": provider,
            "x-service": service,
            "description": title,
        },
        "servers": [
            {
                "url": f"https://{{{variable}}}.example.test",
                "variables": {variable: {"default": "a", "enum": ["a", enum]}},
            }
        ],
        "paths": {
            f"/items/{{{param}}}": {
                "get": {
                    "operationId": op,
                    "summary": title,
                    "description": title,
                    "parameters": [path_param, client_param],
                    "responses": {"200": ok},
                },
            }
        },
        "components": {
            "schemas": {
                model: {
                    "type": "object",
                    "description": title,
                    "properties": {
                        prop: {"type": "string", "enum": [enum, "x"], "description": title, "pattern": enum},
                    },
                }
            }
        },
    }


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(names, min_size=10, max_size=10))
def test_generate_with_adversarial_names(tmp_path_factory: pytest.TempPathFactory, values: list[str]) -> None:
    base = tmp_path_factory.mktemp("generate")
    _sentinel(base)
    out = base / "out"
    document = _document(*values)
    before = _snapshot(base)
    try:
        generate_service([base / "spec.yaml"], out, specs=[copy.deepcopy(document)])
    except (GenerationError, UnsafePathError) as exc:
        message = str(exc)
        assert message and "Traceback" not in message
        assert not out.exists() or not any(out.rglob("*.py"))  # a failed package writes no code
        event(f"refused: {message.split(': ', 1)[-1][:40]}")
        return
    finally:
        _outside_unchanged(base, out, before)
    for source in out.rglob("*.py"):
        compile(source.read_bytes(), str(source), "exec", dont_inherit=True)
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_CHECK, str(out)],
        cwd=base,
        capture_output=True,
        text=True,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) >= 5  # package, deprecations, version package, client, models (runtime: a dep)
    event("generated, compiled and imported")


def test_the_import_check_can_fail(tmp_path: Path) -> None:
    """The audit hook is real: a module that writes a file at import is caught."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("open('pwned', 'w').close()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", IMPORT_CHECK, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode != 0 and "file written during import" in done.stderr
    assert not (tmp_path / "pwned").exists()


def test_write_tree_is_the_only_way_out(tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError):
        write_tree(tmp_path / "out", {"../escape.txt": b""})
