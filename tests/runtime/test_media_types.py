"""The media type a binary request body is sent as (``docs2client_runtime.media_types.request_media_type``).

A generated method with a raw-bytes body takes ``content_type=``: what the bytes are, as the caller knows it. The
runtime decides, before anything is sent, whether that value is a media type a header can carry and whether it is
one the operation documents (a range such as ``image/*`` is a set of types; ``application/octet-stream`` is any
bytes, RFC 2046 section 4.5.1).
"""

from __future__ import annotations

import pytest
from docs2client_runtime import calls
from docs2client_runtime.media_types import request_media_type

OP = "Client.upload"


def test_no_value_sends_the_documented_type() -> None:
    assert request_media_type(OP, "content_type", None, ["application/ocsp-request"]) == "application/ocsp-request"


@pytest.mark.parametrize("documented", ["image/*", "*/*", "IMAGE/*"])
def test_no_value_for_a_range_sends_octet_stream(documented: str) -> None:
    """A range names no type a header can say; what the bytes are is then unknown, which octet-stream says."""
    assert request_media_type(OP, "content_type", None, [documented]) == "application/octet-stream"


@pytest.mark.parametrize(
    "given",
    [
        "image/png",
        "IMAGE/PNG",
        "image/svg+xml",
        "image/png; q=0.5",
        'image/png;name="a b"',
        "image/png ;x=1",
        "image/png;",
    ],
)
def test_a_value_within_the_range_is_sent_as_given(given: str) -> None:
    """Type and subtype compare case-insensitively; parameters are allowed and sent as written."""
    assert request_media_type(OP, "content_type", given, ["image/*"]) == given


@pytest.mark.parametrize("given", ["text/plain", "application/png", "imagex/png", "image/*", "*/*"])
def test_a_value_outside_the_range_is_refused_naming_operation_range_and_value(given: str) -> None:
    with pytest.raises(ValueError) as caught:
        request_media_type(OP, "content_type", given, ["image/*"])
    message = str(caught.value)
    assert "\n" not in message and OP in message and "image/*" in message and repr(given) in message


def test_any_type_within_star_star_and_octet_stream() -> None:
    assert request_media_type(OP, "content_type", "text/csv", ["*/*"]) == "text/csv"
    assert request_media_type(OP, "content_type", "image/png", ["application/octet-stream"]) == "image/png"
    assert request_media_type(OP, "ct", "application/x-tar", ["Application/Octet-Stream; x=1"]) == "application/x-tar"


def test_an_exact_documented_type_takes_only_itself() -> None:
    """``application/ocsp-request`` documents what the server reads: a value of another type is refused, the
    same type with parameters or in other case is sent."""
    assert request_media_type(OP, "content_type", "Application/OCSP-Request", ["application/ocsp-request"])
    with pytest.raises(ValueError, match="application/ocsp-request"):
        request_media_type(OP, "content_type", "image/png", ["application/ocsp-request"])


def test_several_documented_types_take_any_of_them() -> None:
    documented = ["image/png", "image/jpeg", "video/*"]
    assert request_media_type(OP, "content_type", "image/jpeg", documented) == "image/jpeg"
    assert request_media_type(OP, "content_type", "video/mp4", documented) == "video/mp4"
    assert request_media_type(OP, "content_type", None, documented) == "image/png"
    with pytest.raises(ValueError, match=r"image/png, image/jpeg, video/\*"):
        request_media_type(OP, "content_type", "image/gif", documented)


@pytest.mark.parametrize(
    "given",
    [
        "image/png\r\nX-Injected: 1",
        "image/png\n",
        "image/png\r",
        "png",
        "image/",
        "/png",
        "",
        " image/png",
        "image/png; q",
        "image/pn g",
        'image/png; a="x\ny"',
        "imäge/png",
        "image/png\x00",
    ],
)
def test_a_value_that_is_no_media_type_is_refused(given: str) -> None:
    with pytest.raises(ValueError) as caught:
        request_media_type(OP, "content_type_2", given, ["*/*"])
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message and OP in message and "content_type_2" in message


def test_a_value_of_another_python_type_is_refused() -> None:
    with pytest.raises(TypeError, match="content_type"):
        request_media_type(OP, "content_type", b"image/png", ["*/*"])  # type: ignore[arg-type]


def test_generated_code_reaches_it_through_calls() -> None:
    """Generated methods call the runtime through ``calls`` (imported as ``_support``)."""
    assert calls.request_media_type is request_media_type
    assert "request_media_type" in calls.__all__
