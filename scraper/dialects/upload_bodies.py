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

from scraper.dialects.curl_commands import curl_command, flag_values
from scraper.document import CodeBlock

__all__ = ["UploadedFile", "uploaded_file"]


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """The file a code block's curl command uploads: its name as written, the flag and the block's line."""

    name: str
    flag: str
    line: int


def uploaded_file(blocks: Sequence[CodeBlock]) -> UploadedFile | None:
    """The file the first curl command of ``blocks`` that uploads one sends as the body; None when none does."""
    for block in blocks:
        command = curl_command(block.text)
        if command is None:
            continue
        uploads = flag_values(command, "-T", "--upload-file")
        if uploads:
            flag, name = uploads[0]
            if name and name != "-":  # ``-T -`` uploads standard input: still bytes, but no file to name
                return UploadedFile(name, flag, block.line)
            return UploadedFile("(standard input)", flag, block.line)
        # ``--data-binary @file`` (``@`` anywhere in the value: ``'path/to/imageFile/@sample.png'`` as Image writes
        # it), a file, not JSON or text that holds an ``@`` (an e-mail address in a JSON body)
        for _, value in flag_values(command, "--data-binary")[:1]:
            if "@" in value and not value.lstrip().startswith(("{", "[")) and not re.search(r"\s", value.strip()):
                return UploadedFile(value.rsplit("@", 1)[1] or value, "--data-binary", block.line)
    return None
