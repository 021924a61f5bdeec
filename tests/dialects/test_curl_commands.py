"""curl commands as guides write them: flags and their values read where they stand (quoted, bare, after ``=``,
over continuation lines), never by tokenising the whole command (guides' quotes are often unbalanced)."""

from __future__ import annotations

from scraper.dialects.curl_commands import content_type, curl_command, flag_values, json_data


def test_not_a_curl_command() -> None:
    assert curl_command("GET /v1/items HTTP/1.1") is None
    assert json_data('{"note": "see the curl example"}') is None


def test_flags_quoted_bare_and_over_continuation_lines() -> None:
    command = curl_command(
        "curl -X POST https://api.example.com/upload \\\n  -F 'file=@a.png;type=image/png' \\\n"
        "  --form \"kind=server\" --form-string note=x -T ./big.img --upload-file='two words.bin'"
    )
    assert command is not None and "\\\n" not in command
    assert flag_values(command, "-F", "--form", "--form-string") == [
        ("-F", "file=@a.png;type=image/png"),
        ("--form", "kind=server"),
        ("--form-string", "note=x"),
    ]
    assert flag_values(command, "-T", "--upload-file") == [("-T", "./big.img"), ("--upload-file", "two words.bin")]
    assert flag_values(command, "--data-binary") == []


def test_a_flag_inside_a_word_is_no_flag() -> None:
    assert flag_values("curl https://x/a-F-b --data-binary=@req.der", "-F", "--data-binary") == [
        ("--data-binary", "@req.der")
    ]


def test_content_type_header() -> None:
    assert content_type("curl -H 'Content-Type: Application/JSON' -d '{}' https://x") == "application/json"
    assert content_type('curl --header "content-type:application/ocsp-request" https://x') == "application/ocsp-request"
    assert content_type("curl -H 'Accept: application/json' https://x") == ""


def test_json_data_to_its_last_brace_even_with_quotes_inside() -> None:
    text = 'curl -X POST https://x -d \'{"name": "it\'s", "n": {"a": 1}}\' -H \'Content-Type: application/json\''
    assert json_data(text) == '{"name": "it\'s", "n": {"a": 1}}'
    assert json_data("curl -X DELETE https://x") is None
