"""Operation descriptions written in HTML (CommonMark allows raw HTML; AWS's botocore-converted documents write every
description so: ``<p>Creates a new web distribution. ... <code>POST</code> ...</p> <important> <p>...</p>
</important>``): the docstrings showed the tags, the headline (the description's first sentence) began with an
unclosed ``<p>`` in the README's operations table, and a summary in HTML named its method ``p_...``. Now such text is
read as plain text (scraper/clients/html_text.py); text holding no HTML element (``List<String>``, an XML example)
is left as written."""

from __future__ import annotations

from typing import Any

from scraper.clients.html_text import plain_text
from scraper.clients.package import render_package


def _text(files: dict[str, Any], suffix: str) -> str:
    content = next(v for k, v in files.items() if k.endswith(suffix))
    return content.decode() if isinstance(content, bytes) else str(content)


def test_an_html_description_is_plain_text_in_the_docstring_and_the_readme() -> None:
    described = (
        "<p>Creates a new <i>widget</i>. Send a <code>POST</code> request.</p> <important> <p>See <a"
        ' href="https://example.com/fields">Required Fields</a> and <a>UpdateWidget</a>.</p> </important>'
        " <ul><li>one</li><li>two &amp; three</li></ul>"
    )
    doc: dict[str, Any] = {
        "openapi": "3.0.0",
        "info": {"title": "Widgets", "version": "1.0", "description": "<fullname>Widgets</fullname> <p>The API.</p>"},
        "paths": {"/widgets": {"post": {
            "operationId": "CreateWidget",
            "description": described,
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"},
                            "description": "<p>The <code>q</code> filter.</p>"}],
            "responses": {"204": {"description": "done"}},
        }}, "/gadgets": {"get": {
            "summary": "<p>Lists the gadgets.</p>",
            "responses": {"204": {"description": "done"}},
        }}},
    }  # fmt: skip
    files = render_package([doc], source_names=["widgets.yaml"])
    client, readme = _text(files, "/client.py"), _text(files, "README.md")
    assert '"""Creates a new widget.\n' in client
    assert "Send a ``POST`` request.\n\n" in client
    assert "See Required Fields (https://example.com/fields) and UpdateWidget.\n\n" in client
    assert "- one\n" in client and "- two & three\n" in client
    assert "q: The ``q`` filter. (``q``, query)" in client
    assert "def lists_the_gadgets(" in client  # not p_lists_the_gadgets_p
    assert "<p>" not in client and "<code>" not in client
    assert "| Creates a new widget. |" in readme
    assert "Widgets\n\nThe API." in readme and "<fullname>" not in readme


def test_text_without_html_elements_is_kept_as_written() -> None:
    for text in ("Returns a List<String> of <id> values.", "<policies><inbound><base /></inbound></policies>",
                 "- item\n    indented code\n\n1. two"):  # fmt: skip
        assert plain_text(text) == text


def test_html_mixed_with_markdown_keeps_the_text_s_own_lines() -> None:
    assert plain_text("Top<br>line\n\n- item\n    code") == "Top\nline\n\n- item\n    code"
    assert plain_text("<p>a</p><pre>x = 1</pre><p><policy /></p>") == "a\n\nx = 1\n\n<policy />"


def test_an_html_schema_description_is_plain_text_in_the_models_and_example_data_keeps_its_tags() -> None:
    # AWS's documents describe their shapes in HTML too: datamodel-code-generator wrote it into Field(description=...)
    # as it was; a property named `description` and example values are data, kept
    schemas: dict[str, Any] = {
        "Widget": {
            "type": "object",
            "description": "<p>A <code>Widget</code> resource.</p>",
            "properties": {
                "name": {"type": "string", "description": "<p>The widget's <b>name</b>.</p>"},
                "description": {"type": "string", "description": "Plain words, no tags."},
                "body": {"type": "string", "description": "List<String> of parts", "example": "<p>kept</p>"},
            },
            "example": {"description": "<p>an example value</p>"},
        }
    }
    from scraper.clients.models import render_models

    source = render_models(schemas, openapi="3.0.0", source_name="widgets.yaml", header="models")
    assert "<p>" not in source.replace("<p>kept</p>", "").replace("<p>an example value</p>", "")
    assert "<code>" not in source and "<b>" not in source
    assert "The widget's name." in source
    assert "Plain words, no tags." in source
    assert "List<String> of parts" in source  # no HTML element: as written
