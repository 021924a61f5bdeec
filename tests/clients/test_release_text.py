"""What a reader of a generated package sees first: the README's outline and the methods' names (round 17).

Two shapes of input, both seen in APIs-guru/openapi-directory's PeerTube 1.3.1 document
(``tests/fixtures/openapi/robust/README.md``, round 17):

* an ``info.description`` that is a whole guide with top-level Markdown headings (``# Introduction``,
  ``# Authentication``, ``# Errors``): copied as written, its headings outranked the README's own ``## Install``,
  ``## Use`` and ``## Authentication``, which then read as parts of the document's ``# Errors``; now the
  description's headings are moved down together, its shallowest to ``###``, fenced code left alone;
* operations with no operationId whose summaries are longer than a method name may be: the name was cut at a word
  boundary wherever the limit fell, leaving names that end on a word leading on to what was cut
  (``creates_a_comment_in_a_comment_thread_by_its_id_of_a_video_by``); now such trailing words go.
"""

from __future__ import annotations

import re
from typing import Any

from scraper.clients import ir, naming
from scraper.clients.markdown_headings import nested_headings
from scraper.clients.package import render_package

_GUIDE = """# Introduction
The API is built on HTTP.

# Authentication
Sessions give a token.

```sh
# a shell comment, not a heading
curl https://example.com
```

Errors
======
JSON bodies.

## Codes
Listed below.
"""


def _spec(description: str, paths: dict[str, Any] | None = None) -> dict[str, Any]:
    response = {"200": {"description": "OK"}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Tube", "version": "1.0.0", "description": description},
        "servers": [{"url": "https://tube.example.com"}],
        "paths": paths or {"/ping": {"get": {"operationId": "ping", "responses": response}}},
    }


def _headings(markdown: str) -> list[str]:
    outside = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return [line for line in outside.split("\n") if line.startswith("#")]


def test_a_description_with_top_level_headings_sits_below_the_readme_sections() -> None:
    readme = render_package([_spec(_GUIDE)], package_name="tube")["README.md"].decode("utf-8")
    headings = _headings(readme)
    assert headings[:5] == ["# tube", "### Introduction", "### Authentication", "### Errors", "#### Codes"]
    assert "## Install" in headings and "## Authentication" not in headings[:5]
    assert "# a shell comment, not a heading" in readme  # inside its fence: as written
    assert "======" not in readme  # the setext rule went with its heading


def test_headings_already_below_the_level_and_plain_text_are_as_written() -> None:
    assert nested_headings("#### Deep\ntext", 3) == "#### Deep\ntext"
    assert nested_headings("no headings\n\n---\nrule above", 3) == "no headings\n\n---\nrule above"
    assert nested_headings("#hashtag is no heading", 3) == "#hashtag is no heading"
    assert nested_headings("# A\n###### F", 3) == "### A\n###### F"  # past 6: stays at 6


def _summary_op(summary: str) -> dict[str, Any]:
    return {"summary": summary, "responses": {"204": {"description": "done"}}}


def test_a_cut_summary_name_does_not_end_on_a_word_that_leads_on() -> None:
    paths = {
        "/videos/{id}/comment-threads/{threadId}": {
            "post": _summary_op("Creates a comment in a comment thread by its id of a video by its id and more words")
        },
        "/feeds/videos": {"get": _summary_op("Get the feed of videos for the server with optional filter by account")},
        "/short": {"get": _summary_op("Get the list of")},
    }
    [version] = ir.build_package([_spec("", paths)], source_names=["tube.yaml"]).versions
    names = sorted(op.method_name for op in version.operations)
    assert names == [
        "creates_a_comment_in_a_comment_thread_by_its_id_of_a_video",
        "get_the_feed_of_videos_for_the_server_with_optional_filter",
        "get_the_list_of",  # within the limit: as the summary says
    ]
    assert all(len(name) <= ir.METHOD_NAME_LIMIT for name in names)


def test_a_name_of_only_such_words_keeps_its_cut() -> None:
    assert naming.shorten_phrase("of_the_" * 20, 20) == naming.shorten("of_the_" * 20, 20)


def _op(operation_id: str) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"204": {"description": "done"}}}


def test_typespec_interface_qualified_operation_ids_name_methods_after_the_operation() -> None:
    # Pachca (pachca/openapi packages/spec/openapi.yaml, round 17): TypeSpec writes every operationId as
    # ``<Interface>_<operation>``; the methods read ``client.bot_operations_update_bot(...)``
    paths = {
        "/bots/{id}": {"put": _op("BotOperations_updateBot"), "delete": _op("BotOperations_deleteBot")},
        "/profile/status": {"delete": _op("ProfileOperations_deleteStatus")},
        "/users/{id}/status": {"delete": _op("UserStatusOperations_deleteStatus")},  # the same operation name
    }
    [version] = ir.build_package([_spec("", paths)], source_names=["chat.yaml"]).versions
    assert sorted(op.method_name for op in version.operations) == [
        "delete_bot",
        "profile_operations_delete_status",  # two interfaces' deleteStatus: each keeps its interface
        "update_bot",
        "user_status_operations_delete_status",
    ]
    assert any("TypeSpec's interface-qualified" in w for w in version.warnings)


def test_group_qualified_ids_of_another_form_are_kept() -> None:
    # AutoRest's operation groups name resources (``VirtualMachines_Start``): kept; and a document where one
    # operationId is not interface-qualified keeps all of them, so its methods are named alike
    for ids in (["VirtualMachines_Start", "VirtualMachines_Stop"], ["BotOperations_updateBot", "listThings"]):
        paths = {f"/p{i}": {"post": _op(operation_id)} for i, operation_id in enumerate(ids)}
        [version] = ir.build_package([_spec("", paths)], source_names=["x.yaml"]).versions
        assert sorted(op.method_name for op in version.operations) == sorted(naming.snake_case(i) for i in ids)
