"""The stages import each other only in the order ARCHITECTURE.md draws them (a later stage never reaches back
into an earlier one's consumer), and the runtime distribution never imports the tool."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

#: The stages in pipeline order: each may import the stages before it (and the shared top-level modules).
STAGES = ("readers", "dialects", "build", "diff", "clients", "atlas", "regenerate", "publish")
#: Beside the line: ``fetch`` checks what it fetched with the readers, and ``regenerate --online`` fetches first.
EXTRA_ALLOWED = {"fetch": {"readers"}, "regenerate": {"fetch"}}


def _imported_scraper_parts(path: Path) -> set[str]:
    """The second component of every ``scraper.X`` module the file imports (absolute imports only)."""
    parts: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            bits = name.split(".")
            if bits[0] == "scraper" and len(bits) > 1:
                parts.add(bits[1])
    return parts


def _stage_imports(stage: str) -> dict[str, set[str]]:
    folder = ROOT / "scraper" / stage
    return {str(p.relative_to(ROOT)): _imported_scraper_parts(p) for p in sorted(folder.rglob("*.py"))}


def test_every_stage_folder_exists() -> None:
    for stage in (*STAGES, "fetch"):
        assert (ROOT / "scraper" / stage).is_dir(), f"scraper/{stage}/ is a stage of ARCHITECTURE.md"


def test_stages_import_only_earlier_stages() -> None:
    stages = (*STAGES, "fetch")
    wrong: list[str] = []
    for stage in stages:
        allowed = set(STAGES[: STAGES.index(stage)]) if stage in STAGES else set()
        allowed |= EXTRA_ALLOWED.get(stage, set()) | {stage}
        for file, parts in _stage_imports(stage).items():
            for part in sorted((parts & set(stages)) - allowed):
                wrong.append(f"{file} imports scraper.{part}")
    assert not wrong, "a stage reaches a later one:\n" + "\n".join(wrong)


def test_the_runtime_never_imports_the_tool() -> None:
    runtime = ROOT / "runtime" / "docs2client_runtime"
    offenders = [str(p.relative_to(ROOT)) for p in sorted(runtime.rglob("*.py")) if _imported_scraper_parts(p)]
    assert not offenders, f"the runtime distribution must stand alone: {offenders}"


def test_the_checker_sees_a_reverse_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from scraper.clients.ir import PackageIR\nimport scraper.atlas.model\n", encoding="utf-8")
    assert _imported_scraper_parts(module) == {"clients", "atlas"}
