"""A request body a guide documents only as the file a command uploads: the body is that file's bytes.

NHN Cloud's Image guide shows its upload as ``curl -X PUT ... -H 'Content-Type:application/octet-stream'
--data-binary '@sample.png'``, Private CA its OCSP request as ``-H "Content-Type: application/ocsp-request"
--data-binary @ocsp-request.der``, Object Storage its segments as ``curl ... -T large_obj.img.00``: no field table,
no JSON, so the operation had no request body and a client could not send the file. curl's ``-T`` /
``--upload-file`` and ``--data-binary @file`` send a file's bytes as they are (``--data-binary`` without ``@`` sends
the text written, which the other readers take as an example), so this module finds those flags; the dialect makes
the body a binary string of the documented media type (``application/octet-stream`` when none is), inferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scraper.document import CodeBlock

__all__ = ["UploadedFile", "uploaded_file"]

#: ``-T file`` / ``--upload-file file`` (a value, quoted or not).
_UPLOAD = re.compile(r"(?:^|\s)(?:-T|--upload-file)\s*(?:(['\"])(.+?)\1|(\S+))")
#: ``--data-binary @file`` (``@`` anywhere in the value: ``'path/to/imageFile/@sample.png'`` as Image writes it).
_DATA_BINARY = re.compile(r"(?:^|\s)--data-binary\s*(?:=\s*)?(?:(['\"])(.*?)\1|(\S+))")


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """The file a code block's curl command uploads: its name as written, the flag and the block's line."""

    name: str
    flag: str
    line: int


def uploaded_file(blocks: Sequence[CodeBlock]) -> UploadedFile | None:
    """The file the first curl command of ``blocks`` that uploads one sends as the body; None when none does."""
    for block in blocks:
        text = block.text.replace("\\\n", " ")
        if not re.search(r"\bcurl\b", text):
            continue
        upload = _UPLOAD.search(text)
        if upload is not None:
            name = upload.group(2) or upload.group(3) or ""
            if name and name != "-":  # ``-T -`` uploads standard input: still bytes, but no file to name
                return UploadedFile(name, "-T" if "-T" in upload.group(0) else "--upload-file", block.line)
            return UploadedFile("(standard input)", "-T", block.line)
        data = _DATA_BINARY.search(text)
        if data is not None:
            value = data.group(2) or data.group(3) or ""
            # a file (``@name``), not JSON or text that holds an ``@`` (an e-mail address in a JSON body)
            if "@" in value and not value.lstrip().startswith(("{", "[")) and not re.search(r"\s", value.strip()):
                return UploadedFile(value.rsplit("@", 1)[1] or value, "--data-binary", block.line)
    return None
