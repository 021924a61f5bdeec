"""``docs2client atlas``: a static, offline HTML site of every service, version, deprecation and doc finding.

:mod:`~scraper.atlas.model` reads ``spec/``, the findings and ``generated/`` into plain data;
:mod:`~scraper.atlas.diffs` (used by the model) compares consecutive versions; :mod:`~scraper.atlas.timeline` lays out
the sunset timeline;
:mod:`~scraper.atlas.render` turns that into pages with the templates under ``templates/atlas/``;
:mod:`~scraper.atlas.command` writes them with :func:`scraper.atomic.write_tree`.
"""
