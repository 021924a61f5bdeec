"""Runtime 1.6: ``next_link_header``, the next page named by the response's ``Link`` header (RFC 8288), as GitHub's
REST API pages its listings (``Link: <https://api.github.com/organizations/1/repos?page=2>; rel="next",
<...?page=5>; rel="last"``; github/rest-api-description ``components.headers.link``)."""

from __future__ import annotations

import httpx
import pytest
from docs2client_runtime import calls


def _response(link: str | None, url: str = "https://api.example/orgs/o/repos?per_page=2") -> httpx.Response:
    headers = {"Link": link} if link is not None else {}
    return httpx.Response(200, json=[], headers=headers, request=httpx.Request("GET", url))


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (
            '<https://api.example/orgs/o/repos?per_page=2&page=2>; rel="next", '
            '<https://api.example/orgs/o/repos?per_page=2&page=5>; rel="last"',
            "https://api.example/orgs/o/repos?per_page=2&page=2",
        ),
        (
            '<https://api.example/x?page=1>; rel="prev", </orgs/o/repos?page=3>; rel="next"',
            "https://api.example/orgs/o/repos?page=3",
        ),
        ('<https://api.example/x?page=1>; rel="first", <https://api.example/x?page=1>; rel="prev"', None),
        ("", None),
        (None, None),
    ],
)
def test_the_next_link_of_the_link_header_resolves_against_the_page_url(link: str | None, expected: str | None) -> None:
    assert calls.next_link_header(_response(link)) == expected


def test_a_next_link_to_another_origin_is_refused() -> None:
    with pytest.raises(
        ValueError, match=r"not following the next page's link to https://evil\.example.*another origin"
    ):
        calls.next_link_header(_response('<https://evil.example/orgs/o/repos?page=2>; rel="next"'))
