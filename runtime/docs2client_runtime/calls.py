"""What a generated method body calls: path templates, header values, non-JSON bodies, response models, markers.

Kept apart from the transports because they encode how the generator lays out a call, not how requests travel.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import functools
import importlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode

import httpx

from docs2client_runtime import serialize as _serialize
from docs2client_runtime.errors import ResponseValidationError
from docs2client_runtime.media_types import request_media_type
from docs2client_runtime.servers import ServerConfig
from docs2client_runtime.wire import quote_path_segment

if TYPE_CHECKING:  # pydantic loads with the models, on the first call that parses a response
    import pydantic

M = TypeVar("M", bound="pydantic.BaseModel")

__all__ = [
    "LazyModule",
    "encode_body",
    "format_path",
    "header_values",
    "json_items",
    "json_value",
    "next_cursor",
    "next_link",
    "next_link_header",
    "next_marker",
    "page_token",
    "parse_model",
    "request_media_type",
    "resolve_base_url",
    "wire_value",
]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def wire_value(value: Any) -> str:
    """A scalar as it appears in a path segment or header: booleans as ``true``/``false``, enums by value, dates
    and datetimes in ISO 8601 (``str()`` would put a space before a datetime's time; a naive one is refused, see
    :func:`~docs2client_runtime.serialize.iso_text`)."""
    value = getattr(value, "value", value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date | _dt.time):
        return _serialize.iso_text(value)
    return str(value)


@functools.lru_cache(maxsize=1024)
def _path_parts(template: str) -> tuple[str, ...]:
    """``template`` split at its placeholders: literal text at even positions, placeholder names at odd ones (a
    generated client formats the same few templates on every call; splitting once saves the regex per call)."""
    return tuple(_PLACEHOLDER.split(template))


def _path_value(template: str, name: str, values: Mapping[str, Any]) -> str:
    if name not in values:
        raise ValueError(f"path {template!r} needs a value for {name!r}")
    value = values[name]
    if type(value) is str:  # the usual case (an id), without the checks below (each costs more than the quoting)
        return quote_path_segment(value)
    if value is None:
        raise ValueError(f"path parameter {name!r} must not be None")
    if isinstance(value, Mapping | list | tuple):
        value = _serialize.styled_path(name, value, "simple", False)
    if isinstance(value, _serialize.Encoded):
        if value in ("", ".", ".."):
            raise ValueError(f"{str(value)!r} is not a valid path argument: it would change the call's resource")
        return str(value)
    return quote_path_segment(wire_value(value))


def format_path(template: str, values: Mapping[str, Any]) -> str:
    """Substitute ``{name}`` placeholders with percent-encoded values (neither a ``/`` nor a ``.``/``..`` value can
    change the path: see ``quote_path_segment``).

    Lists and objects use the ``simple`` style (``a,b``); a value already styled (``_serialize.styled_path``) goes in
    as is (but never as a ``.``/``..`` segment); ``None`` is refused (it would otherwise become the text ``None``)."""
    parts = list(_path_parts(template))
    for index in range(1, len(parts), 2):
        parts[index] = _path_value(template, parts[index], values)
    return "".join(parts)


def parse_model(model: type[M], response: httpx.Response) -> M:
    """The response body as ``model``; a body that does not match it raises
    :class:`~.ResponseValidationError` (an ``ApiError``: URL, status, request id, body), not a bare
    pydantic error that says nothing of the request."""
    try:
        # the model's own validator, as ``model_validate_json`` calls it, without that wrapper's keyword handling
        return model.__pydantic_validator__.validate_json(response.content)  # type: ignore[no-any-return]
    except Exception as exc:
        from pydantic import ValidationError  # here, not on every call: pydantic is loaded by then

        if not isinstance(exc, ValidationError):
            raise
        problems = exc.errors()
        first = problems[0] if problems else {"loc": (), "msg": str(exc)}
        where = ".".join(str(part) for part in first.get("loc", ())) or "(body)"
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        message = f"response body does not match {model.__name__}: {where}: {first.get('msg', '')}{more}"
        raise ResponseValidationError(response, message) from exc


def header_values(values: Mapping[str, Any]) -> dict[str, str]:
    """Header parameters without the unset (``None``) ones, as strings (lists and objects in ``simple`` style)."""
    return {
        name: _serialize.simple(value) or "" if isinstance(value, Mapping | list | tuple) else wire_value(value)
        for name, value in values.items()
        if value is not None
    }


def resolve_base_url(base_url: str | None, server: ServerConfig | None, values: Mapping[str, str | None]) -> str:
    """``base_url`` when given (server variables must then be left unset); otherwise the documented server URL
    for the chosen variables, validated against the documented combinations."""
    chosen = {name: value for name, value in values.items() if value is not None}
    if base_url is not None:
        if chosen:
            raise ValueError(f"pass either base_url or server variables ({', '.join(sorted(chosen))}), not both")
        return base_url
    if server is None:
        raise ValueError("this API documents no server URL; pass base_url=")
    return server.url(**chosen)


def next_marker(page: Sequence[object], limit: int, attr: str, wire: str) -> str | None:
    """The marker asking for the page after ``page``: the last item's ``wire`` field (attribute ``attr`` of a model),
    or None when ``page`` is empty. A page shorter than ``limit`` gets its marker too: the server may cap its pages
    below ``limit`` (the iterator tells the last page, :mod:`docs2client_runtime.pagination`). A full page whose last
    item has no marker value raises rather than silently ending the listing early; a short one ends it."""
    if not page:
        return None
    last = page[-1]
    value = last.get(wire) if isinstance(last, Mapping) else getattr(last, attr, None)
    if value is None:
        if len(page) < limit:
            return None
        raise ValueError(f"cannot request the next page: the last item of a full page has no {wire!r} value")
    return wire_value(value)


def _field_at(body: Any, path: Sequence[str]) -> Any:
    """The value at ``path`` (property names, outermost first) of a JSON body, None where any step is missing."""
    for name in path:
        if not isinstance(body, Mapping):
            return None
        body = body.get(name)
    return body


def _json_body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None  # not JSON: the page has no next token (parse_model has already said what is wrong with it)


def page_token(response: httpx.Response, path: Sequence[str]) -> str | None:
    """The token asking for the page after ``response``'s: the string (or integer) at ``path`` of its JSON body
    (``("nextPageToken",)``, ``("response_metadata", "next_cursor")``), or None when it is absent, null or empty (the
    last page). Any other value raises :class:`ValueError` naming the field rather than ending the listing early."""
    value = _field_at(_json_body(response), path)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"cannot request the next page: {'.'.join(path)!r} is a {type(value).__name__}, not a token")
    return str(value)


def _url_origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def next_link(response: httpx.Response, path: Sequence[str]) -> str | None:
    """The absolute URL of the page after ``response``'s: the link at ``path`` of its JSON body (a string, or an
    object's ``href`` as in HAL's ``_links.next.href``), resolved against the URL ``response`` came from (a relative
    link works); None when there is none (the last page). A link to another origin (scheme, host or port) than that
    page's raises :class:`ValueError`: the next request would carry the client's credentials there, so it is not
    sent."""
    value = _field_at(_json_body(response), path)
    if isinstance(value, Mapping):
        value = value.get("href")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"cannot request the next page: {'.'.join(path)!r} is a {type(value).__name__}, not a link")
    return _same_origin_link(response, value, repr(".".join(path)))


def next_link_header(response: httpx.Response) -> str | None:
    """The absolute URL of the page after ``response``'s: the ``rel="next"`` link of its ``Link`` header (RFC 8288,
    as GitHub pages: ``<https://api.github.com/...?page=2>; rel="next", <...>; rel="last"``), resolved against the URL
    ``response`` came from; None when it names none (the last page). A link to another origin raises
    :class:`ValueError`, as :func:`next_link`'s does."""
    value = response.links.get("next", {}).get("url")
    if not value:
        return None
    return _same_origin_link(response, value, 'the Link header\'s rel="next"')


def _same_origin_link(response: httpx.Response, value: str, what: str) -> str:
    """``value`` resolved against the URL ``response`` came from, refused unless on that URL's origin."""
    here = response.request.url
    try:
        target = here.join(value.strip())
    except httpx.InvalidURL as error:
        raise ValueError(f"cannot request the next page: {what} is no URL ({error})") from None
    if _url_origin(target) != _url_origin(here):
        raise ValueError(
            f"not following the next page's link to {target.scheme}://{target.netloc.decode('ascii', 'replace')}: "
            f"another origin than this page's ({here.scheme}://{here.netloc.decode('ascii', 'replace')}), which "
            "would receive the client's credentials"
        )
    return str(target)


def next_cursor(response: httpx.Response, more: Sequence[str], items: str, field: str) -> str | None:
    """Stripe-style paging: when the boolean at ``more`` (``("has_more",)``) of the JSON body is true, the ``field``
    (``id``) of the last item of its ``items`` array, which the next request sends (``starting_after``); else None.
    More pages announced but no id to ask for them with raises :class:`ValueError` rather than ending early."""
    body = _json_body(response)
    if _field_at(body, more) is not True:
        return None
    page = json_items(body, items) if items else body
    last = page[-1] if isinstance(page, list) and page else None
    value = last.get(field) if isinstance(last, Mapping) else None
    if value is None or value == "" or isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"cannot request the next page: {'.'.join(more)!r} is true but the last item has no {field!r}")
    return str(value)


def _field_text(value: Any) -> str:
    """A multipart field value: scalars as on the wire, lists and objects as JSON."""
    value = _serialize.plain(value)
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return _serialize.scalar_text(value)


def _is_file(value: Any) -> bool:
    return isinstance(value, bytes | bytearray) or callable(getattr(value, "read", None)) or isinstance(value, tuple)


def _part_type(encoding: Mapping[str, Any] | None) -> str | None:
    """The one content type a part's Encoding Object documents (a list or a wildcard names none to send)."""
    content_type = str((encoding or {}).get("contentType") or "").strip()
    if not content_type or "," in content_type or "*" in content_type:
        return None
    return content_type


def _file_part(item: Any, content_type: str | None) -> Any:
    """A file part for httpx, with the documented content type unless the caller's tuple names one (theirs wins;
    a two-element tuple's type httpx guesses from the filename the caller gave)."""
    if content_type is None:
        return item
    if isinstance(item, tuple):
        if len(item) == 3 and item[2] is None:
            return (item[0], item[1], content_type)
        return item
    filename = os.path.basename(str(getattr(item, "name", "") or "")) or "upload"
    return (filename, item, content_type)


def _multipart(body: Any, encoding: Mapping[str, Mapping[str, Any]]) -> tuple[bytes, str]:
    parts: list[tuple[str, Any]] = []
    files: list[tuple[str, Any]] = []
    for name, value in dict(body).items():
        documented = _part_type(encoding.get(str(name)))
        # an array is one part per item (the Encoding Object gives an array its items' content type): several
        # files under one name, or several values; a tuple is one file (filename, content, content type)
        for item in value if isinstance(value, list) else [value]:
            if item is None:
                continue
            if _is_file(item):
                files.append((str(name), _file_part(item, documented)))
                continue
            plain = _serialize.plain(item)
            # an object part is JSON (the Encoding Object's default content type for an object)
            part_type = documented or ("application/json" if isinstance(plain, Mapping | list | tuple) else None)
            text = _field_text(plain)
            parts.append((str(name), (None, text, part_type) if part_type else (None, text)))
    if not files and not parts:  # an empty form is still multipart: only the closing delimiter (RFC 7578)
        boundary = os.urandom(16).hex()
        return f"--{boundary}--\r\n".encode("ascii"), f"multipart/form-data; boundary={boundary}"
    # plain fields as parts without a filename (what httpx's ``data`` writes, which it would urlencode alone)
    request = httpx.Request("POST", "https://body.invalid/", files=[*parts, *files])
    return request.read(), request.headers["Content-Type"]


def _model_fields(model: Any) -> dict[str, Any]:
    """A form's or multipart's model as its fields: ``model_dump(by_alias=True, exclude_unset=True)``, so the wire
    names and only what the caller set. Each field is its JSON-ready value (enums, dates and nested models as
    JSON writes them), except a file (bytes, or a list holding bytes), which stays bytes to be sent as a file."""
    from pydantic_core import to_jsonable_python  # only where a model is sent: a client's import stays light

    fields: dict[str, Any] = model.model_dump(by_alias=True, exclude_unset=True)
    out: dict[str, Any] = {}
    for name, value in fields.items():
        items = value if isinstance(value, list) else [value]
        out[name] = value if any(isinstance(item, bytes | bytearray) for item in items) else to_jsonable_python(value)
    return out


#: A media type parameter: ``; name=value`` or ``; name="quoted value"`` (RFC 9110 section 5.6.6).
_PARAMETER = re.compile(r';[ \t]*([!#$%&\'*+.^_`|~0-9A-Za-z-]+)=("(?:[^"\\]|\\.)*"|[^;]*)')


def _charset(media_type: str) -> tuple[str, str | None]:
    """The codec a body of ``media_type`` is encoded with, and the ``charset`` to name in the Content-Type: the
    documented one when Python knows it, else none (the body is UTF-8 then, and the header must not claim another
    charset: the two would disagree)."""
    for name, value in _PARAMETER.findall(media_type):
        if name.lower() != "charset":
            continue
        charset = value[1:-1] if value.startswith('"') else value.strip()
        try:
            return codecs.lookup(charset).name, charset
        except LookupError:
            return "utf-8", None
    return "utf-8", None


def _without_charset(media_type: str) -> str:
    """``media_type`` without its ``charset`` parameter (one Python does not know: the body went out as UTF-8)."""
    return _PARAMETER.sub(lambda m: "" if m.group(1).lower() == "charset" else m.group(0), media_type).strip()


def _check_encodable(text: str, codec: str, charset: str | None, what: str) -> None:
    """Refuse, before sending, text the documented charset cannot carry (the server could not read it back); the
    message names the field and the charset, never the value, which may be a password."""
    try:
        text.encode(codec)
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{what}: character {exc.start + 1} cannot be encoded in the documented charset {charset}"
        ) from None


def encode_body(
    body: Any, kind: str, media_type: str, encoding: Mapping[str, Mapping[str, Any]] | None = None
) -> tuple[bytes | None, str | None]:
    """A non-JSON request body as (content, Content-Type); (None, None) when there is no body.

    ``encoding`` is the media type's Encoding Object per property (``style``, ``explode``, ``contentType``), as the
    spec documents it. ``form``: fields urlencoded, each by its encoding (default ``form`` style, exploded: an
    object's members are fields, an array repeats the name; see ``_serialize.form_field``); ``multipart``: fields
    and files (bytes, a binary file, or a ``(filename, content, content type)`` tuple), encoded by httpx, a list one
    part per item, a part with its documented content type (an object's default ``application/json``) unless the
    caller's tuple names one; ``binary``: bytes or a binary file; ``text``: a string, UTF-8 encoded, or bytes as
    they are (YAML read from a file). A wildcard media type (``image/*``) is sent as ``application/octet-stream``.
    A documented ``charset`` is honoured where the runtime encodes text (a form's fields, a text body): the bytes
    are in it and the Content-Type names it (a value it cannot carry is a ``ValueError`` before sending); one Python
    does not know is dropped and the text sent as UTF-8. A multipart body's Content-Type is httpx's, with the
    boundary it made: a ``boundary`` (or any parameter) a spec wrote is never sent.
    A form or multipart body may be the model of its fields: the fields that were set, by their wire names."""
    if body is None:
        return None, None
    encoding = encoding or {}
    if kind in ("form", "multipart") and callable(getattr(body, "model_dump", None)):
        body = _model_fields(body)
    if kind == "form":
        fields = _serialize.plain(body)
        pairs = [pair for k, v in fields.items() for pair in _serialize.form_field(str(k), v, encoding.get(str(k)))]
        codec, charset = _charset(media_type)
        for name, value in pairs:
            _check_encodable(value, codec, charset, f"form field {name!r}")
        content_type = "application/x-www-form-urlencoded" + (f"; charset={charset}" if charset else "")
        return urlencode(pairs, encoding=codec).encode("ascii"), content_type
    if kind == "multipart":
        return _multipart(body, encoding)  # the Content-Type is httpx's: its boundary, never one a spec wrote
    content_type = "application/octet-stream" if "*" in media_type else media_type
    if kind == "text":
        if isinstance(body, bytes | bytearray):
            return bytes(body), content_type  # the caller's bytes, in whatever charset they are
        codec, charset = _charset(media_type)
        text = str(body)
        _check_encodable(text, codec, charset, "text body")
        return text.encode(codec), content_type if charset or codec == "utf-8" else _without_charset(content_type)
    raw = body.read() if callable(getattr(body, "read", None)) else body
    return bytes(raw), content_type


def json_value(response: httpx.Response) -> Any:
    """A JSON response the spec gives no schema for: the decoded value (None for an empty body)."""
    return response.json() if response.content else None


def json_items(body: Any, name: str) -> list[Any]:
    """The ``name`` array of a listing's JSON body (used when the response model has no list field to read)."""
    items = body.get(name) if isinstance(body, Mapping) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise ValueError(f"expected the listing's {name!r} to be a JSON array, got {type(items).__name__}")
    return items


class LazyModule:
    """Stands for the module ``name`` and imports it on the first attribute access.

    The client modules reach their models through one of these, so importing a client (and constructing it) does
    not build hundreds of pydantic model classes up front; the first call that needs a model imports them all.
    ``importlib.import_module`` is idempotent and takes the import lock, so concurrent first uses are safe.

    Once imported, the module's own namespace becomes this object's ``__dict__``: ``_models.Volume`` is then an
    ordinary attribute lookup in the module's dictionary (still live, so a name the module rebinds is seen), where a
    ``__getattr__`` on every access would first fail the normal lookup and build an ``AttributeError`` each call.
    """

    __name__: str

    def __init__(self, name: str) -> None:
        self.__name__ = name  # the module's namespace holds its ``__name__`` too, so this reads the same after

    def __getattr__(self, attribute: str) -> Any:
        """Only for names not (yet) found: imports the module, adopts its namespace, looks the name up there."""
        module = importlib.import_module(self.__name__)
        self.__dict__ = module.__dict__
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self.__name__!r}>"
