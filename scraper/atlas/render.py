"""The atlas's pages from its model: Jinja templates under ``templates/atlas/`` -> ``{relative path: bytes}``.

HTML autoescaping is on (doc text is untrusted and lands in pages); links are relative, so the site works from
``file://`` as well as from any web server, and nothing is fetched at view time (no scripts, fonts or images).
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import jinja2

from scraper.atlas.diffs import SEVERITY_TITLES
from scraper.atlas.model import STATUSES, Atlas, Service, slug
from scraper.atlas.timeline import layout
from scraper.template_files import TEMPLATE_DIR, CompiledTemplates, compiled_templates, template_loader
from scraper.versioning import version_key

__all__ = ["diff_page", "load_templates", "render_site"]


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=template_loader("atlas"),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["slug"] = slug
    env.globals.update(STATUSES=STATUSES, SEVERITY_TITLES=SEVERITY_TITLES, diff_page=diff_page)
    env.bytecode_cache = compiled_templates(env)  # compiled once, kept beside the templates (see template_files)
    return env


def load_templates(*, store: bool = False) -> int:
    """Load (compile, unless compiled before) every atlas template now; ``store``: keep what is compiled whatever
    ``PYTHONDONTWRITEBYTECODE`` says (:func:`scraper.template_files.compile_all`). Returns how many."""
    env = _environment()
    if store and isinstance(env.bytecode_cache, CompiledTemplates):
        env.bytecode_cache.write = True
    names = sorted(entry.name for entry in TEMPLATE_DIR.joinpath("atlas").iterdir() if entry.name.endswith(".j2"))
    for name in names:
        env.get_template(name)
    return len(names)


def diff_page(old: str, new: str) -> str:
    """A diff page's file name inside its service's folder."""
    return f"diff-{slug(old)}-to-{slug(new)}.html"


def _render(template: str, **context: object) -> bytes:
    return _environment().get_template(template).render(**context).encode("utf-8")


def render_site(atlas: Atlas) -> dict[str, bytes]:
    """Every file of the site; the same atlas always gives the same bytes."""
    today = atlas.today.isoformat()
    site: dict[str, bytes] = {"atlas.css": _render("atlas.css.j2")}
    site["index.html"] = _render(
        "index.html.j2",
        root="",
        today=today,
        atlas=atlas,
        provider_versions={p: _provider_versions(services) for p, services in atlas.providers},
        timeline=layout(atlas.bars, atlas.today) if atlas.bars else None,
    )
    for service in atlas.services:
        context = {"root": "../../", "today": today, "service": service}
        site[f"{service.dir}/index.html"] = _render("service.html.j2", **context)
        site[f"{service.dir}/findings.html"] = _render(
            "findings.html.j2", kinds=sorted(Counter(f.kind for f in service.findings).items()), **context
        )
        for diff in service.diffs:
            site[f"{service.dir}/{diff_page(diff.old, diff.new)}"] = _render("diff.html.j2", diff=diff, **context)
    return site


def _provider_versions(services: list[Service]) -> list[str]:
    """The matrix's columns: every version any of the provider's services has a spec for."""
    return sorted({v.version for s in services for v in s.spec_versions}, key=version_key)
