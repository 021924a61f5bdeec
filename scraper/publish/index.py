"""What a package index already holds: its PEP 503/691 simple page for a project, the versions and files listed
there, and the contents of a distribution file (so that a rebuild of the same sources counts as the same file)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
import zipfile
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import IO, Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpx
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from scraper.publish.packages import PublishError
from scraper.url_credentials import redact_url, split_credentials

__all__ = [
    "MAX_DOWNLOAD_BYTES",
    "MAX_LISTING_BYTES",
    "MAX_UNPACKED_BYTES",
    "distribution_contents",
    "download",
    "existing_versions",
    "index_files",
    "simple_index_url",
]

#: The most bytes read from an index for one distribution file (a generated package is well under 1 MiB).
MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
#: The most bytes read of one project's simple page.
MAX_LISTING_BYTES = 16 * 1024 * 1024
#: The most bytes unpacked from one downloaded distribution (a zip or gzip bomb stops here).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_CHUNK = 64 * 1024


def _capped_get(
    http: httpx.Client, url: str, *, limit: int, what: str, headers: dict[str, str] | None = None, auth: Any = None
) -> tuple[httpx.Response, bytes]:
    """GET ``url``, reading the body in chunks and stopping at ``limit`` bytes (a one-line :class:`PublishError`
    naming ``what``, the URL without its credentials and the limit); an index that answers with an endless body
    or a huge file is not read into memory whole."""
    kwargs: dict[str, Any] = {"headers": headers} if headers else {}
    if auth is not None:
        kwargs["auth"] = auth
    with http.stream("GET", url, **kwargs) as response:
        if response.status_code != 200:
            return response, b""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise PublishError(
                f"{what} {redact_url(url)}: {int(declared)} bytes announced, over the {limit}-byte limit"
            )
        body = bytearray()
        for chunk in response.iter_bytes(_CHUNK):
            body += chunk
            if len(body) > limit:
                raise PublishError(f"{what} {redact_url(url)}: more than {limit} bytes; stopped at the limit")
        return response, bytes(body)


def simple_index_url(repository_url: str) -> str:
    """Where to read what an upload URL already holds.

    ``https://upload.pypi.org/legacy/`` -> ``https://pypi.org/simple/`` (same for test.pypi.org); any other URL is
    taken to serve its simple index under ``simple/`` (pypiserver: upload to ``http://host:port/``, read
    ``http://host:port/simple/``). Indexes laid out otherwise (devpi's ``+simple``) need ``--index-url``.
    """
    parts = urlsplit(repository_url)
    if parts.path.rstrip("/").endswith("/legacy"):
        host = {"upload.pypi.org": "pypi.org"}.get(parts.netloc, parts.netloc)
        return urlunsplit((parts.scheme, host, "/simple/", "", ""))
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/simple/", "", ""))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def _version_of(filename: str, name: str) -> str | None:
    """The version in a distribution file name of project ``name`` (wheel or sdist), else None."""
    if filename.endswith(".whl"):
        parts = filename[: -len(".whl")].split("-")
        dist, version = parts[0], parts[1] if len(parts) > 1 else ""
    else:
        stem = re.sub(r"\.(tar\.gz|tar\.bz2|zip|tgz)$", "", filename)
        if stem == filename or "-" not in stem:
            return None
        dist, version = stem.rsplit("-", 1)
    if canonicalize_name(dist) != canonicalize_name(name):
        return None
    try:
        return str(Version(version))
    except InvalidVersion:
        return None


def _auth(environ: Mapping[str, str]) -> httpx.BasicAuth | None:
    if environ.get("TWINE_USERNAME") and environ.get("TWINE_PASSWORD"):
        return httpx.BasicAuth(environ["TWINE_USERNAME"], environ["TWINE_PASSWORD"])
    return None


def index_files(
    index_url: str, name: str, *, client: httpx.Client | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``{file name: download URL}`` of project ``name`` on the index; empty when the project is not there yet."""
    index_url, user, password = split_credentials(index_url)
    url = f"{index_url.rstrip('/')}/{canonicalize_name(name)}/"
    shown = redact_url(url)
    auth = (
        httpx.BasicAuth(user, password)
        if user is not None and password is not None
        else _auth(os.environ if environ is None else environ)
    )
    own = client is None
    http = client or httpx.Client(timeout=30.0, follow_redirects=True)
    try:
        headers = {"Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1"}
        response, body = _capped_get(
            http, url, limit=MAX_LISTING_BYTES, what="cannot read the listing", headers=headers, auth=auth
        )
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot read {shown} to check for existing versions: {type(exc).__name__}") from None
    finally:
        if own:
            http.close()
    if response.status_code == 404:
        return {}
    if response.status_code != 200:
        raise PublishError(
            f"cannot read {shown} to check for existing versions: HTTP {response.status_code} "
            "(give the index's simple URL with --index-url)"
        )
    if "json" in response.headers.get("content-type", ""):
        try:
            listing = json.loads(body.decode(response.encoding or "utf-8", errors="replace"))
            hrefs = [str(f.get("url") or f.get("filename", "")) for f in listing.get("files", [])]
        except (ValueError, AttributeError, TypeError) as exc:
            raise PublishError(f"cannot read {shown}: the index answered with malformed JSON ({exc})") from exc
    else:
        parser = _Links()
        parser.feed(body.decode(response.encoding or "utf-8", errors="replace"))
        hrefs = parser.hrefs
    files = {}
    for href in hrefs:
        link = urljoin(url, href.split("#", 1)[0])
        files[unquote(link.rstrip("/").rsplit("/", 1)[-1])] = link
    return files


def existing_versions(index_url: str, name: str, *, client: httpx.Client | None = None) -> set[str]:
    """Versions of ``name`` on the index (normalized PEP 440 strings); empty when the project is not there yet."""
    files = index_files(index_url, name, client=client)
    return {v for v in (_version_of(f, name) for f in files) if v is not None}


def distribution_contents(data: bytes, filename: str, *, limit: int = MAX_UNPACKED_BYTES) -> dict[str, str]:
    """``{member: sha256}`` of a wheel or sdist: what it installs, whatever the archive's timestamps (an sdist's
    gzip header and member times differ between two builds of the same sources). Members are hashed in chunks and
    at most ``limit`` bytes are unpacked in all (a :class:`PublishError` past it: a decompression bomb on an index
    stops there); an archive that is not one is a :class:`PublishError` too."""
    out: dict[str, str] = {}
    budget = [limit]

    def digest(stream: IO[bytes], member: str) -> str:
        sha = hashlib.sha256()
        while chunk := stream.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise PublishError(f"{filename}: unpacks to more than {limit} bytes (at {member}); not compared")
            sha.update(chunk)
        return sha.hexdigest()

    try:
        if filename.endswith(".whl"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if not info.is_dir():
                        with archive.open(info) as stream:
                            out[info.filename] = digest(stream, info.filename)
            return out
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as sdist:
            for member in sdist:
                extracted = sdist.extractfile(member) if member.isfile() else None
                if extracted is not None:
                    out[member.name] = digest(extracted, member.name)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise PublishError(f"{filename}: not a readable distribution archive ({type(exc).__name__}: {exc})") from None
    return out


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = httpx.URL(url)
    return parts.scheme, parts.host, parts.port


def download(url: str, environ: Mapping[str, str] | None = None, *, index_url: str | None = None) -> bytes:
    """The bytes of a file listed on the index, with twine's credentials from ``environ`` only when the file is on
    the index's own origin (scheme, host, port): the listing names the file's URL, and PyPI's point at another host
    (files.pythonhosted.org), where an upload token has no business going."""
    same_origin = index_url is not None and _origin(url) == _origin(split_credentials(index_url)[0])
    auth = _auth(os.environ if environ is None else environ) if same_origin else None
    try:
        with httpx.Client(timeout=60.0, follow_redirects=True) as http:
            response, body = _capped_get(http, url, limit=MAX_DOWNLOAD_BYTES, what="cannot download", auth=auth)
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot download {redact_url(url)}: {type(exc).__name__}") from None
    if response.status_code != 200:
        raise PublishError(f"cannot download {redact_url(url)}: HTTP {response.status_code}")
    return body
