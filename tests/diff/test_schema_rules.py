"""Schema and parameter rules added with the registry, each pair in both directions and on both sides of the wire:
x-extensible-enum, allOf members, empty patterns, readOnly/writeOnly per direction, discriminators, x-stability-level
on properties, every constraint keyword, and malformed path parameters reported once."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.diff.compare import compare
from scraper.diff.rules import CONSTRAINT_VERBS, kebab
from tests.diff.diff_docs import S, body_doc, doc, obj, op_doc, param, triples

Expect = list[tuple[str, str, str]]
REQ, RESP = "request.body", "response.200.body"


def both_sides(old: Any, new: Any) -> tuple[Expect, Expect]:
    return triples(body_doc(old, "request"), body_doc(new, "request")), triples(
        body_doc(old, "response"), body_doc(new, "response")
    )


def test_extensible_enum_value_removed_breaks_requests_only() -> None:
    a = obj({"kind": {"type": "string", "x-extensible-enum": ["a", "b"]}})
    b = obj({"kind": {"type": "string", "x-extensible-enum": ["a"]}})
    assert both_sides(a, b) == (
        [("request-extensible-enum-value-removed", "breaking", f"{REQ}.kind")],
        [("response-extensible-enum-value-removed", "non-breaking", f"{RESP}.kind")],
    )
    assert both_sides(b, a) == (
        [("request-extensible-enum-value-added", "non-breaking", f"{REQ}.kind")],
        [("response-extensible-enum-value-added", "non-breaking", f"{RESP}.kind")],
    )


def test_all_of_member_breaks_only_when_it_adds_a_required_request_property() -> None:
    schemas = {"Base": obj({"name": S}, ["name"])}
    base = {"allOf": [{"$ref": "#/components/schemas/Base"}]}
    optional = {"allOf": [{"$ref": "#/components/schemas/Base"}, obj({"tag": S})]}
    required = {"allOf": [{"$ref": "#/components/schemas/Base"}, obj({"tag": S}, ["tag"])]}
    for side, root in (("request", REQ), ("response", RESP)):
        old, opt, req = (body_doc(s, side, schemas) for s in (base, optional, required))
        assert triples(old, opt) == [(f"{side}-property-added", "non-breaking", f"{root}.tag")]
        assert triples(opt, old) == [(f"{side}-property-removed", "breaking", f"{root}.tag")]
        expected = "property-required-added" if side == "request" else "property-added"
        severity = "breaking" if side == "request" else "non-breaking"
        assert triples(old, req) == [(f"{side}-{expected}", severity, f"{root}.tag")]
        assert triples(req, old) == [(f"{side}-property-removed", "breaking", f"{root}.tag")]
    # a member that only constrains: what it adds is compared like any constraint
    capped = {"allOf": [{"$ref": "#/components/schemas/Base"}, {"maxProperties": 3}]}
    assert triples(body_doc(base, "request", schemas), body_doc(capped, "request", schemas)) == [
        ("request-max-properties-tightened", "breaking", REQ)
    ]


def test_empty_pattern_is_no_pattern() -> None:
    none, empty, real = obj({"a": S}), obj({"a": {"type": "string", "pattern": ""}}), obj({"a": S | {"pattern": "^x"}})
    assert both_sides(none, empty) == ([], [])
    assert both_sides(empty, none) == ([], [])
    assert both_sides(empty, real) == (
        [("request-pattern-tightened", "breaking", f"{REQ}.a")],
        [("response-pattern-tightened", "non-breaking", f"{RESP}.a")],
    )
    assert both_sides(real, empty) == (
        [("request-pattern-relaxed", "non-breaking", f"{REQ}.a")],
        [("response-pattern-relaxed", "non-breaking", f"{RESP}.a")],
    )


def test_read_only_and_write_only_are_judged_per_direction() -> None:
    plain = obj({"id": S, "a": S})
    read_only = obj({"id": S | {"readOnly": True}, "a": S})
    write_only = obj({"id": S | {"writeOnly": True}, "a": S})
    assert both_sides(plain, read_only) == ([("request-property-became-read-only", "breaking", f"{REQ}.id")], [])
    assert both_sides(read_only, plain) == (
        [("request-property-became-not-read-only", "non-breaking", f"{REQ}.id")],
        [],
    )
    assert both_sides(plain, write_only) == ([], [("response-property-became-write-only", "breaking", f"{RESP}.id")])
    assert both_sides(write_only, plain) == (
        [],
        [("response-property-became-not-write-only", "non-breaking", f"{RESP}.id")],
    )
    required_read_only = obj({"id": S | {"readOnly": True}, "a": S}, ["id"])
    assert both_sides(required_read_only, obj({"id": S, "a": S}, ["id"])) == (
        [("request-property-required-became-not-read-only", "breaking", f"{REQ}.id")],
        [],
    )


def test_a_component_used_both_ways_that_becomes_write_only_is_reported_once() -> None:
    def spec(thing: dict[str, Any]) -> dict[str, Any]:
        ref = {"$ref": "#/components/schemas/Thing"}
        op = {
            "operationId": "putThing",
            "requestBody": {"content": {"application/json": {"schema": ref}}},
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref}}}},
        }
        return doc({"/v1/things": {"put": op}}, {"Thing": thing})

    old, new = spec(obj({"secret": S})), spec(obj({"secret": S | {"writeOnly": True}}))
    assert triples(old, new) == [("response-property-became-write-only", "breaking", f"{RESP}.secret")]
    assert triples(new, old) == [("response-property-became-not-write-only", "non-breaking", f"{RESP}.secret")]


PET_SCHEMAS = {
    "Cat": obj({"kind": S, "purrs": {"type": "boolean"}}),
    "Dog": obj({"kind": S, "barks": {"type": "boolean"}}),
    "Bird": obj({"kind": S, "sings": {"type": "boolean"}}),
}


def pets(discriminator: dict[str, Any] | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in ("Cat", "Dog", "Bird")]}
    if discriminator is not None:
        schema["discriminator"] = discriminator
    return schema


def pet_sides(a: dict[str, Any] | None, b: dict[str, Any] | None) -> tuple[Expect, Expect]:
    return triples(body_doc(pets(a), "request", PET_SCHEMAS), body_doc(pets(b), "request", PET_SCHEMAS)), triples(
        body_doc(pets(a), "response", PET_SCHEMAS), body_doc(pets(b), "response", PET_SCHEMAS)
    )


CAT, DOG, BIRD = "#/components/schemas/Cat", "#/components/schemas/Dog", "#/components/schemas/Bird"


@pytest.mark.parametrize(
    ("old", "new", "forward", "backward"),
    [
        (
            None,
            {"propertyName": "kind"},
            [("discriminator-added", "non-breaking", "non-breaking")],
            [("discriminator-removed", "non-breaking", "breaking")],
        ),
        (
            {"propertyName": "kind"},
            {"propertyName": "type"},
            [("discriminator-property-changed", "breaking", "breaking")],
            [("discriminator-property-changed", "breaking", "breaking")],
        ),
        (
            {"propertyName": "kind", "mapping": {"cat": CAT}},
            {"propertyName": "kind", "mapping": {"cat": CAT, "dog": DOG}},
            [("discriminator-mapping-added", "non-breaking", "non-breaking")],
            [("discriminator-mapping-removed", "breaking", "non-breaking")],
        ),
        (
            {"propertyName": "kind", "mapping": {"cat": CAT}},
            {"propertyName": "kind", "mapping": {"cat": BIRD}},
            [("discriminator-mapping-changed", "breaking", "breaking")],
            [("discriminator-mapping-changed", "breaking", "breaking")],
        ),
    ],
)
def test_discriminator_rules(old: Any, new: Any, forward: Any, backward: Any) -> None:
    for a, b, expected in ((old, new, forward), (new, old, backward)):
        request, response = pet_sides(a, b)
        assert request == [(f"request-{k}", req, REQ) for k, req, _ in expected]
        assert response == [(f"response-{k}", resp, RESP) for k, _, resp in expected]


def test_property_stability_level_both_ways() -> None:
    beta, alpha = obj({"a": S | {"x-stability-level": "beta"}}), obj({"a": S | {"x-stability-level": "alpha"}})
    bogus = obj({"a": S | {"x-stability-level": "preview"}})
    assert both_sides(beta, alpha) == (
        [("request-stability-decreased", "breaking", f"{REQ}.a")],
        [("response-stability-decreased", "breaking", f"{RESP}.a")],
    )
    assert both_sides(alpha, beta) == (
        [("request-stability-increased", "info", f"{REQ}.a")],
        [("response-stability-increased", "info", f"{RESP}.a")],
    )
    assert both_sides(beta, bogus) == (
        [("request-stability-invalid", "breaking", f"{REQ}.a")],
        [("response-stability-invalid", "breaking", f"{RESP}.a")],
    )


def _constraint_pairs() -> list[tuple[str, Any, Any, str]]:
    """(keyword, old value, new value, verb) for every verb of every constraint keyword."""
    pairs: list[tuple[str, Any, Any, str]] = []
    for keyword, verbs in CONSTRAINT_VERBS.items():
        if keyword == "uniqueItems":
            pairs += [(keyword, None, True, "tightened"), (keyword, True, False, "relaxed")]
            continue
        sample: Any = "^[a-z]+$" if keyword == "pattern" else 2
        pairs += [(keyword, None, sample, "tightened"), (keyword, sample, None, "relaxed")]
        other: Any = "^[a-z0-9]+$" if keyword == "pattern" else 3
        if "changed" in verbs:
            pairs.append((keyword, sample if keyword in ("pattern", "multipleOf") else "x", other, "changed"))
    return pairs


@pytest.mark.parametrize(("keyword", "before", "after", "verb"), _constraint_pairs())
def test_every_constraint_rule(keyword: str, before: Any, after: Any, verb: str) -> None:
    def schema(value: Any) -> dict[str, Any]:
        return obj({"a": {} if value is None else {keyword: value}})

    request, response = both_sides(schema(before), schema(after))
    assert request == [
        (f"request-{kebab(keyword)}-{verb}", "non-breaking" if verb == "relaxed" else "breaking", f"{REQ}.a")
    ]
    assert response == [(f"response-{kebab(keyword)}-{verb}", "non-breaking", f"{RESP}.a")]


# -- malformed path parameters --------------------------------------------------------------------------------


def path_doc(path: str, *names: str) -> dict[str, Any]:
    op = {"operationId": "getThing", "parameters": [param(n, "path", True) for n in names], "responses": {}}
    return doc({path: {"get": op}})


def test_path_parameter_not_in_the_template_is_reported_once() -> None:
    good, bad = path_doc("/v1/things/{thing_id}", "thing_id"), path_doc("/v1/things/{thing_id}", "testId")
    problem = "parameter testId is not in the path; {thing_id} has no parameter"
    changes = compare(good, bad)
    assert [(c.kind, c.severity, c.location, c.message) for c in changes] == [
        (
            "path-parameter-mismatch",
            "breaking",
            "parameter.path",
            f"path template and path parameters disagree: {problem}",
        )
    ]
    assert triples(bad, good) == [("path-parameter-mismatch-fixed", "info", "parameter.path")]
    assert triples(bad, bad) == []  # the same mistake in both is no change
    # other parameters are still compared
    bad_limit = path_doc("/v1/things/{thing_id}", "testId")
    bad_limit["paths"]["/v1/things/{thing_id}"]["get"]["parameters"].append(param("limit", required=True))
    assert triples(bad, bad_limit) == [("parameter-required-added", "breaking", "parameter.query.limit")]


def test_well_formed_path_parameters_report_nothing_new() -> None:
    assert triples(op_doc(), op_doc()) == []
    changes = triples(path_doc("/v1/things/{id}", "id"), path_doc("/v1/things/{thing_id}", "thing_id"))
    assert changes == [("path-parameter-renamed", "info", "parameter.path.thing_id")]


def test_the_same_path_mismatch_on_both_sides_still_compares_its_parameters() -> None:
    a = path_doc("/v1/things/{thing_id}", "testId")
    b = path_doc("/v1/things/{thing_id}", "testId")
    b["paths"]["/v1/things/{thing_id}"]["get"]["parameters"][0]["schema"] = {"type": "string", "enum": ["x"]}
    assert triples(a, b) == [("parameter-enum-added", "breaking", "parameter.path.testId")]
    assert triples(b, a) == [("parameter-enum-removed", "non-breaking", "parameter.path.testId")]


def test_property_spelt_alike_with_the_same_schema_is_one_rename_on_both_sides() -> None:
    # NHN Deploy's history respelt a response field (`userId` -> `userIp`): one edit, reported once
    a = obj({"userId": S, "count": {"type": "integer"}}, ["userId"])
    b = obj({"userIp": S, "count": {"type": "integer"}}, ["userIp"])
    assert both_sides(a, b) == (
        [("request-property-renamed", "breaking", f"{REQ}.userIp")],
        [("response-property-renamed", "breaking", f"{RESP}.userIp")],
    )
    change = next(c for c in compare(body_doc(a, "response"), body_doc(b, "response")) if "renamed" in c.kind)
    assert "userId renamed to userIp" in change.message


def test_a_rename_that_also_drops_required_reports_both() -> None:
    a, b = obj({"user_id": S}, ["user_id"]), obj({"userId": S})
    assert both_sides(a, b) == (
        [
            ("request-property-became-optional", "non-breaking", f"{REQ}.userId"),
            ("request-property-renamed", "breaking", f"{REQ}.userId"),
        ],
        [
            ("response-property-became-optional", "breaking", f"{RESP}.userId"),
            ("response-property-renamed", "breaking", f"{RESP}.userId"),
        ],
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # another schema: not the same field respelt
        (obj({"userId": S}), obj({"userIp": {"type": "integer"}})),
        # too short to tell a respelling from another word
        (obj({"id": S}), obj({"ip": S})),
        # a plural is a list and its item
        (obj({"imageId": S}), obj({"imageIds": S})),
        # two lookalikes: no pairing
        (obj({"userId": S}), obj({"userIp": S, "userIs": S})),
    ],
)
def test_no_rename_without_one_alike_spelling_and_the_same_schema(old: Any, new: Any) -> None:
    kinds = [kind for kind, _, _ in triples(body_doc(old, "request"), body_doc(new, "request"))]
    assert "request-property-renamed" not in kinds
    assert "request-property-removed" in kinds
