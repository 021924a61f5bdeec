"""The rule registry: every change the diff can report, with its severity on each side of the wire.

The comparer only says *which* rule fired and with which values; this module decides how severe that is and how
it reads, so that the levels can be listed (the README's table is generated from :data:`RULES`), documented in one
place and overridden per rule id (``docs2client diff --severity FILE``).

The asymmetry in one sentence: on the **request** side the server becomes the reader, so anything that *narrows*
what is accepted (a new required field, a removed field or enum value, a tightened constraint, a narrower type,
losing nullability) breaks callers; on the **response** side the client is the reader, so anything that *widens*
what may come back (a removed or newly optional field, a newly nullable field, a wider type, a relaxed constraint)
breaks readers.

Schema rules are *scoped*: they fire inside a request body, a parameter, a response body or a response header,
and the reported kind is ``<scope>-<rule id>`` (``request-property-removed``, ``parameter-type-widened``...).
Parameters are on the request side, response headers on the response side. Other rules report their id as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from scraper.diff.model import Severity

__all__ = [
    "CONSTRAINT_VERBS",
    "RULES",
    "SCOPES",
    "Direction",
    "Rule",
    "Scope",
    "Side",
    "kebab",
    "rule_for_kind",
    "severity_of",
]

Side = Literal["request", "response"]
#: "narrowed": fewer things are valid than before; "widened": more are; "changed": neither is a subset.
Direction = Literal["narrowed", "widened", "changed"]
#: where a schema rule fires -> the side of the wire whose reader sees the value
Scope = Literal["request", "response", "parameter", "header"]
SCOPES: dict[str, Side] = {"request": "request", "parameter": "request", "response": "response", "header": "response"}

B: Severity = "breaking"
D: Severity = "deprecation"
N: Severity = "non-breaking"
I: Severity = "info"  # noqa: E741


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of change. ``request``/``response`` is its severity on that side (``None``: cannot happen there);
    rules that are not about one side (operations, servers, info) carry the same severity in both.

    ``message`` is a :meth:`str.format` template over the values the comparer passes; ``response_message``, when
    set, replaces it on the response side.
    """

    id: str
    family: str
    request: Severity | None
    response: Severity | None
    message: str
    rationale: str
    scoped: bool = False
    response_message: str | None = None

    def severity(self, side: Side | None) -> Severity:
        if side == "response" and self.response is not None:
            return self.response
        if self.request is not None:
            return self.request
        assert self.response is not None
        return self.response

    def render(self, side: Side | None, values: Mapping[str, object]) -> str:
        """The message with ``values``; a value that is absent on one side reads ``(none)``, never Python's
        ``None`` (``operationId None -> binaryUpload`` was printed for an operationId a page added)."""
        template = self.response_message if side == "response" and self.response_message else self.message
        return template.format_map({k: _ABSENT if v is None else v for k, v in values.items()})


class _Absent:
    """How a message shows a value one side does not have, with ``{x}`` and ``{x!r}`` alike."""

    def __str__(self) -> str:
        return "(none)"

    __repr__ = __str__


_ABSENT = _Absent()


_RULES: list[Rule] = []


def _rule(
    rule_id: str,
    family: str,
    request: Severity | None,
    response: Severity | None,
    message: str,
    rationale: str,
    *,
    scoped: bool = False,
    response_message: str | None = None,
) -> None:
    _RULES.append(Rule(rule_id, family, request, response, message, rationale, scoped, response_message))


def _both(rule_id: str, family: str, severity: Severity, message: str, rationale: str) -> None:
    _rule(rule_id, family, severity, severity, message, rationale)


def _schema(
    rule_id: str,
    request: Severity | None,
    response: Severity | None,
    message: str,
    rationale: str,
    response_message: str | None = None,
) -> None:
    _rule(rule_id, "schema", request, response, message, rationale, scoped=True, response_message=response_message)


# -- schemas (scoped) -------------------------------------------------------------------------------------------
_schema("type-narrowed", B, N, "type narrowed: {before} -> {after}", "Fewer types accepted; readers see a subset.")
_schema("type-widened", N, B, "type widened: {before} -> {after}", "More types accepted; readers may see new ones.")
_schema("type-changed", B, B, "type changed: {before} -> {after}", "A different kind of value on both sides.")
_schema("format-added", B, N, "format {new} added", "A format restricts what the server accepts.")
_schema("format-removed", N, B, "format {old} removed", "Readers that parse the format may get other text.")
_schema("format-changed", B, B, "format {old} -> {new}", "Values are parsed differently on both sides.")
_schema(
    "became-nullable",
    N,
    B,
    "became nullable",
    "Callers may now send null; readers must handle null.",
    response_message="became nullable (readers must handle null)",
)
_schema(
    "became-not-nullable",
    B,
    N,
    "no longer nullable (callers can no longer send null)",
    "Callers that send null are rejected; readers simply never see null.",
    response_message="no longer nullable",
)
_schema("enum-added", B, N, "now restricted to {values}", "Only the listed values are accepted from now on.")
_schema(
    "enum-removed",
    N,
    B,
    "no longer restricted to {values}",
    "Any value is accepted; readers that switch over the values may see new ones.",
    response_message="no longer restricted to {values}; readers may now see any value",
)
_schema(
    "enum-value-removed",
    B,
    N,
    "enum value {value} removed (callers sending it are rejected)",
    "Callers sending the value are rejected; readers simply never see it again.",
    response_message="enum value {value} no longer returned",
)
_schema(
    "enum-value-added",
    N,
    N,
    "enum value {value} accepted",
    "An addition (minor release); the message warns strict clients, which reject unknown values.",
    response_message="enum value {value} may be returned (strict clients that reject unknown values must be updated)",
)
_schema(
    "extensible-enum-value-removed",
    B,
    N,
    "x-extensible-enum value {value} removed (callers sending it are rejected)",
    "x-extensible-enum lists the known values of an open set; removing one still rejects callers that send it.",
    response_message="x-extensible-enum value {value} no longer returned",
)
_schema(
    "extensible-enum-value-added",
    N,
    N,
    "x-extensible-enum value {value} added",
    "Readers of an extensible enum must already accept unknown values.",
)

#: constraint keyword (camelCase) -> the verbs it can produce
CONSTRAINT_VERBS: dict[str, tuple[str, ...]] = {
    "minLength": ("tightened", "relaxed", "changed"),
    "maxLength": ("tightened", "relaxed", "changed"),
    "minimum": ("tightened", "relaxed", "changed"),
    "maximum": ("tightened", "relaxed", "changed"),
    "exclusiveMinimum": ("tightened", "relaxed", "changed"),
    "exclusiveMaximum": ("tightened", "relaxed", "changed"),
    "minItems": ("tightened", "relaxed", "changed"),
    "maxItems": ("tightened", "relaxed", "changed"),
    "minProperties": ("tightened", "relaxed", "changed"),
    "maxProperties": ("tightened", "relaxed", "changed"),
    "minContains": ("tightened", "relaxed", "changed"),
    "maxContains": ("tightened", "relaxed", "changed"),
    "uniqueItems": ("tightened", "relaxed"),
    "pattern": ("tightened", "relaxed", "changed"),
    "multipleOf": ("tightened", "relaxed", "changed"),
}


def kebab(name: str) -> str:
    """``maxLength`` -> ``max-length``."""
    return "".join("-" + c.lower() if c.isupper() else c for c in name)


_STRICT = " (strict clients that validate responses must be updated)"
for _keyword, _verbs in CONSTRAINT_VERBS.items():
    for _verb in _verbs:
        _schema(
            f"{kebab(_keyword)}-{_verb}",
            N if _verb == "relaxed" else B,
            N,
            f"{_keyword} {_verb}: {{before}} -> {{after}}",
            (
                "A tightened constraint rejects requests that passed before; on responses only strict validating "
                "clients notice, so the message says so."
            ),
            response_message=f"{_keyword} {_verb}: {{before}} -> {{after}}" + ("" if _verb == "tightened" else _STRICT),
        )

_schema(
    "keyword-added",
    B,
    N,
    "{keyword} added",
    "A JSON Schema keyword without a rule of its own (if, contains, patternProperties...) adds a condition: fewer "
    "values are valid.",
)
_schema(
    "keyword-removed",
    N,
    B,
    "{keyword} removed",
    "A condition removed: more values are valid, readers may see values they did not expect.",
)
_schema(
    "keyword-changed",
    B,
    B,
    "{keyword} changed",
    "A different condition: neither side can tell whether its values stay valid.",
)
_schema("default-added", N, I, "default {after} added", "Callers that omitted the value keep working.")
_schema(
    "default-removed",
    B,
    I,
    "default {before} removed (callers that omit the value get another behaviour)",
    "Callers that omit the value silently get another behaviour; a response default is documentation.",
    response_message="default {before} removed",
)
_schema(
    "default-changed",
    B,
    I,
    "default {before} -> {after} (callers that omit the value get another behaviour)",
    "Callers that omit the value silently get another behaviour; a response default is documentation.",
    response_message="default {before} -> {after}",
)
_schema("deprecated", D, D, "marked deprecated", "Announces a future removal.")
_schema("undeprecated", I, I, "no longer deprecated", "Nothing to do for anyone.")
_schema(
    "property-removed",
    B,
    B,
    "property {name} removed (callers that send it may be rejected)",
    "A generated client loses the field: code that sets or reads it breaks.",
    response_message="property {name} removed (readers relying on it break)",
)
_schema(
    "inferred-property-removed",
    B,
    B,
    "property {name} removed (it was known only from an example: check the page)",
    "The generated model loses the field all the same, but the docs never listed it (``x-inferred``): an outdated"
    " example may be what changed. A rule of its own so ``--severity`` can set it apart from documented removals.",
)
_schema(
    "property-renamed",
    B,
    B,
    "property {name} renamed to {new_name} (spelt alike, same schema; callers sending {name} may be rejected)",
    "Read from a removed and an added property spelt alike with the same schema (a spelling fix, a case change):"
    " as breaking as the removal, reported once so the review sees one edit (see ``property_renames``).",
    response_message="property {name} renamed to {new_name} (spelt alike, same schema; readers of {name} break)",
)
_schema("property-required-added", B, None, "new required property {name}", "Every caller must now send it.")
_schema("property-added", N, N, "property {name} added", "An addition; optional on requests.")
_schema(
    "property-became-required",
    B,
    N,
    "property {name} became required",
    "Callers must now send it; readers can rely on it more than before.",
)
_schema(
    "property-became-optional",
    N,
    B,
    "property {name} became optional",
    "Readers can no longer rely on it being there.",
)
_schema(
    "property-became-read-only",
    B,
    None,
    "property {name} became readOnly (no longer sent)",
    "The generated request model loses the field, so code that sets it breaks (the server would ignore it).",
)
_schema(
    "property-became-not-read-only",
    N,
    None,
    "property {name} is no longer readOnly (may be sent)",
    "An optional field appears in requests.",
)
_schema(
    "property-required-became-not-read-only",
    B,
    None,
    "required property {name} is no longer readOnly (must be sent)",
    "Every caller must now send a field it could not send before.",
)
_schema(
    "property-became-write-only",
    None,
    B,
    "property {name} became writeOnly (no longer returned)",
    "Readers relying on the field break; this is the one change to report, not a removal.",
)
_schema(
    "property-became-not-write-only",
    None,
    N,
    "property {name} is no longer writeOnly (now returned)",
    "A field appears in responses.",
)
_schema("items-removed", N, B, "array item schema removed", "Items may now be anything.")
_schema("items-added", B, N, "array item schema added", "Items are now constrained.")
_schema(
    "additional-properties-changed",
    I,
    I,
    "additionalProperties changed",
    "Extra keys were and are allowed with any value (absent and true say the same).",
)
_schema(
    "additional-properties-schema-removed",
    N,
    B,
    "additionalProperties schema removed (extra keys may now hold any value)",
    "As items-removed: callers may send more; readers (a typed map's values) may get any value.",
)
_schema(
    "additional-properties-schema-added",
    B,
    N,
    "additionalProperties schema added (extra keys' values now constrained)",
    "As items-added: callers sending other values are rejected; readers see a subset.",
)
_schema("additional-properties-allowed", N, N, "additional properties allowed", "Requests may carry more keys.")
_schema(
    "additional-properties-forbidden",
    B,
    N,
    "additional properties forbidden",
    "Requests with extra keys are rejected; readers see fewer keys.",
)
_schema("variant-removed", B, N, "alternative #{index} removed", "A shape callers may send is no longer accepted.")
_schema("variant-added", N, B, "alternative #{index} added", "Readers may receive a shape they do not know.")
_schema(
    "discriminator-added",
    N,
    N,
    "discriminator {property} added",
    "Tells readers which alternative a value is; the values themselves do not change.",
)
_schema(
    "discriminator-removed",
    N,
    B,
    "discriminator {property} removed",
    "Generated clients dispatch response alternatives on it; without it they must guess.",
)
_schema(
    "discriminator-property-changed",
    B,
    B,
    "discriminator property {old} -> {new}",
    "Both sides choose the alternative by another field.",
)
_schema(
    "discriminator-mapping-added",
    N,
    N,
    "discriminator value {value} added",
    "Like a new enum value: accepted on requests, may be returned on responses.",
)
_schema(
    "discriminator-mapping-removed",
    B,
    N,
    "discriminator value {value} removed",
    "Like a removed enum value: callers sending it are rejected.",
)
_schema(
    "discriminator-mapping-changed",
    B,
    B,
    "discriminator value {value} maps to {new} instead of {old}",
    "The same value now means another shape on both sides.",
)
_schema(
    "stability-decreased",
    B,
    B,
    "x-stability-level decreased: {old} -> {new}",
    "Less stable than promised: users may have relied on the promise.",
)
_schema("stability-increased", I, I, "x-stability-level increased: {old} -> {new}", "A stronger promise.")
_schema(
    "stability-invalid",
    B,
    B,
    "x-stability-level {new} is not one of draft, alpha, beta, stable",
    "An unreadable promise is a spec error.",
)
_rule(
    "body-schema-added",
    "content",
    B,
    N,
    "schema documented",
    "A body that was anything is now constrained.",
    scoped=True,
)
_rule(
    "body-schema-removed",
    "content",
    N,
    B,
    "schema removed",
    "Readers no longer know what comes back.",
    scoped=True,
)
_rule(
    "media-type-changed",
    "content",
    B,
    B,
    "media type {old} -> {new}",
    "The only media type changed: the body is encoded differently.",
    scoped=True,
)
_rule(
    "media-type-removed",
    "content",
    B,
    B,
    "media type {old} removed",
    "Callers or readers using it break.",
    scoped=True,
)
_rule("media-type-added", "content", N, N, "media type {new} added", "An alternative encoding.", scoped=True)

# -- documentation -----------------------------------------------------------------------------------------------
for _field in ("summary", "description", "title", "example", "examples", "tags"):
    _both(
        f"{_field}-changed",
        "documentation",
        I,
        f"{_field} changed",
        "Documentation only (reported with --docs; the changelog makes it a patch release).",
    )

# -- operations --------------------------------------------------------------------------------------------------
_both("operation-added", "operations", N, "operation added", "An addition (minor release).")
_both(
    "operation-removed",
    "operations",
    B,
    "operation removed",
    "Removed without deprecation: callers break and the generated method disappears.",
)
_both(
    "operation-removed-before-sunset",
    "operations",
    B,
    "operation removed before its sunset {sunset} ({as_of})",
    "Deprecated, but removed before the promised date (without a reference date the sunset counts as not "
    "passed: the package changelog treats the vanished method as breaking).",
)
_both(
    "operation-removed-after-sunset",
    "operations",
    D,
    "operation removed after its sunset {sunset} (end of its deprecation)",
    "The expected end of a deprecation, announced with a date that has passed.",
)
_both(
    "operation-removed-deprecated",
    "operations",
    D,
    "operation removed (it was deprecated, with no sunset date)",
    "The expected end of a deprecation that promised no date.",
)
_both(
    "operation-removed-unstable",
    "operations",
    N,
    "operation removed (x-stability-level {stability}: no compatibility promise)",
    "draft and alpha operations promise nothing.",
)
_both(
    "operation-id-changed",
    "operations",
    B,
    "operationId {old} -> {new} (generated method names change)",
    "Generated clients name their methods after it.",
)
_both(
    "operation-id-rederived",
    "operations",
    N,
    "operationId {old} -> {new} (read from the operation's heading, x-source; generated clients keep the old method"
    " name as a deprecated alias)",
    "Both documents derived the id from the documented heading: a new reading of the same operation's title, whose"
    " generated method keeps its old name as an alias until the next major release (a minor release).",
)
_both(
    "operation-id-reassigned",
    "operations",
    B,
    "operationId {old} -> {new} ({moved} names another operation in the other document: a generated method of that"
    " name calls another endpoint)",
    "An id that moves from one operation to another (a doc heading copied onto another path, corrected) cannot be kept"
    " as an alias: the old method name now calls another endpoint, whatever the ids were read from.",
)
_both(
    "operation-id-version-changed",
    "operations",
    I,
    "operationId {old} -> {new} (the API version in it)",
    "The ids differ only where they spell each document's version; each version's client has its own methods."
    " What a version diff is.",
)
_both("operation-deprecated", "lifecycle", D, "operation deprecated", "Announces a future removal.")
_both("operation-undeprecated", "lifecycle", I, "operation no longer deprecated", "Nothing to do for anyone.")
for _prefix, _status, _subject in (("operation-", "operation-", "operation"), ("", "api-", "API version")):
    _family = "lifecycle"
    _both(
        f"{_status}status-deprecated",
        _family,
        D,
        f"{_subject} status {{old}} -> {{new}}",
        "x-api-status became DEPRECATED: announces a removal.",
    )
    _both(
        f"{_status}status-changed",
        _family,
        I,
        f"{_subject} status {{old}} -> {{new}}",
        "Any other status change is information.",
    )
for _prefix, _subject in (("operation-", "operation"), ("", "API version"), ("parameter-", "parameter")):
    _family = "lifecycle"
    _both(f"{_prefix}sunset-set", _family, D, f"{_subject} sunset set to {{new}}", "Announces a removal date.")
    _both(
        f"{_prefix}sunset-removed",
        _family,
        I,
        f"{_subject} sunset {{old}} removed",
        "The deprecation was withdrawn together with its date.",
    )
    _both(
        f"{_prefix}sunset-deleted",
        _family,
        D,
        f"{_subject} sunset {{old}} removed while still deprecated",
        "Users planning for the date lose it; flagged so that --fail-on deprecation catches it.",
    )
    _both(
        f"{_prefix}sunset-moved-earlier",
        _family,
        D,
        f"{_subject} sunset moved earlier: {{old}} -> {{new}}",
        "Less time to migrate, but still the announced notice.",
    )
    _both(
        f"{_prefix}sunset-moved-later",
        _family,
        I,
        f"{_subject} sunset moved later: {{old}} -> {{new}}",
        "More time to migrate.",
    )
    _both(
        f"{_prefix}sunset-too-soon",
        _family,
        B,
        f"{_subject} sunset {{new}} is less than {{days}} days after {{today}}{{passed}}",
        "A sunset set or moved to less than the minimum notice leaves users no time to migrate.",
    )
    _both(
        f"{_prefix}sunset-invalid",
        _family,
        B,
        f"{_subject} x-sunset {{new}} is not a date (YYYY-MM-DD)",
        "A sunset that cannot be read is a spec error, not a string to compare.",
    )
_both(
    "operation-stability-decreased",
    "lifecycle",
    B,
    "x-stability-level decreased: {old} -> {new}",
    "Less stable than promised: users may have relied on the promise.",
)
_both("operation-stability-increased", "lifecycle", I, "x-stability-level increased: {old} -> {new}", "A promise.")
_both(
    "operation-stability-invalid",
    "lifecycle",
    B,
    "x-stability-level {new} is not one of draft, alpha, beta, stable",
    "An unreadable promise is a spec error.",
)

# -- parameters --------------------------------------------------------------------------------------------------
_rule(
    "parameter-location-changed",
    "parameters",
    B,
    None,
    "parameter {name} moved from {old} to {new}",
    "The value must be sent elsewhere.",
)
_rule(
    "parameter-removed",
    "parameters",
    B,
    None,
    "{where} parameter {name} removed (callers that send it may be rejected)",
    "Callers that send it may be rejected, and a generated client loses the argument.",
)
_rule(
    "parameter-removed-deprecated",
    "parameters",
    D,
    None,
    "{where} parameter {name} removed (it was deprecated)",
    "The expected end of the parameter's deprecation; the generated argument disappears.",
)
_rule(
    "parameter-removed-before-sunset",
    "parameters",
    B,
    None,
    "{where} parameter {name} removed before its sunset {sunset} ({as_of})",
    "Deprecated, but removed before the promised date.",
)
_rule(
    "parameter-required-added",
    "parameters",
    B,
    None,
    "new required {where} parameter {name}",
    "Every caller must now send it.",
)
_rule("parameter-added", "parameters", N, None, "optional {where} parameter {name} added", "An addition.")
_rule(
    "path-parameter-renamed",
    "parameters",
    I,
    None,
    "path parameter {old} renamed to {new}",
    "Path parameters are matched by position; only the argument name changes.",
)
_rule(
    "parameter-became-required",
    "parameters",
    B,
    None,
    "parameter became required",
    "Every caller must now send it.",
)
_rule("parameter-became-optional", "parameters", N, None, "parameter became optional", "Callers may omit it.")
_rule("parameter-deprecated", "parameters", D, None, "parameter deprecated", "Announces a future removal.")
_rule(
    "parameter-style-changed",
    "parameters",
    B,
    None,
    "style {old} -> {new}",
    "The value is serialised differently.",
)
_rule(
    "parameter-explode-changed",
    "parameters",
    B,
    None,
    "explode {old} -> {new}",
    "The value is serialised differently.",
)
_rule(
    "path-parameter-mismatch",
    "parameters",
    B,
    None,
    "path template and path parameters disagree: {problem}",
    "A malformed spec: the URL cannot be built. Reported once instead of as a removed plus an added parameter.",
)
_rule(
    "path-parameter-mismatch-fixed",
    "parameters",
    I,
    None,
    "path template and path parameters agree again (was: {problem})",
    "The old spec was malformed; comparing its parameters would report noise.",
)

# -- request and response bodies ---------------------------------------------------------------------------------
_rule("request-body-added", "request body", N, None, "optional request body added", "Callers may send it.")
_rule(
    "request-body-required-added",
    "request body",
    B,
    None,
    "required request body added",
    "Every caller must now send a body.",
)
_rule(
    "request-body-removed",
    "request body",
    B,
    None,
    "request body removed (callers that send it may be rejected)",
    "Callers that send it may be rejected; the generated argument disappears.",
)
_rule("request-body-became-required", "request body", B, None, "request body became required", "Must now be sent.")
_rule("request-body-became-optional", "request body", N, None, "request body became optional", "May be omitted.")
_rule(
    "response-success-status-removed",
    "responses",
    None,
    B,
    "status {code} no longer documented",
    "Readers expecting that success status break.",
)
_rule(
    "response-status-removed",
    "responses",
    None,
    N,
    "status {code} no longer documented",
    "An error status no longer documented: readers handle it generically anyway.",
)
_rule("response-status-added", "responses", None, N, "status {code} added", "Readers handle unknown statuses.")
_rule(
    "response-body-removed",
    "responses",
    None,
    B,
    "response body no longer documented",
    "Readers relying on the body break.",
)
_rule("response-body-added", "responses", None, N, "response body documented", "More is known about the reply.")
_rule("response-header-removed", "responses", None, B, "header {name} removed", "Readers relying on it break.")
_rule("response-header-added", "responses", None, N, "header {name} added", "An addition.")
_rule(
    "response-header-became-optional",
    "responses",
    None,
    B,
    "header {name} became optional",
    "Readers can no longer rely on it being sent.",
)
_rule("response-header-became-required", "responses", None, N, "header {name} became required", "Always sent now.")

# -- document: info, versions, servers, security, components ---------------------------------------------------
_both("api-version-changed", "document", I, "API version {old} -> {new}", "What a version diff is.")
_both("version-listed", "document", I, "version {version} listed ({status})", "The version table grew.")
_both("version-unlisted", "document", I, "version {version} no longer listed", "The version table shrank.")
_both(
    "version-status-deprecated",
    "document",
    D,
    "version {version} status {old} -> {new}",
    "A listed version became DEPRECATED.",
)
_both("version-status-changed", "document", I, "version {version} status {old} -> {new}", "Information.")
_both(
    "version-date-moved-earlier",
    "document",
    D,
    "version {version} date {old} -> {new}",
    "A listed version's date was set or moved earlier: less time to migrate.",
)
_both("version-date-changed", "document", I, "version {version} date {old} -> {new}", "A later or removed date.")
_both(
    "version-header-added",
    "document",
    B,
    "requests must now send {name}: {value}",
    "Every request must carry the header.",
)
_both("version-header-removed", "document", N, "version header no longer required", "Requests may omit it.")
_both("version-header-renamed", "document", B, "version header {from} -> {to}", "Requests must send another header.")
_both(
    "version-header-value-changed",
    "document",
    I,
    "{name} value {old!r} -> {new!r}",
    "The value changing is what a version diff is; the generated client sends it.",
)
_both(
    "path-version-changed",
    "document",
    I,
    "API version in the paths /{old}/ -> /{new}/ ({count} operations)",
    "Paths that differ only by the segment spelling each document's version are the same operations (matched as"
    " such, their changes reported); each version's client calls its own. What a version diff is.",
)
_both("server-url-changed", "servers", B, "server URL {old} -> {new}", "Requests go elsewhere.")
_both(
    "server-url-version-changed",
    "servers",
    I,
    "server URL {old} -> {new} (the API version in it)",
    "The URLs differ only by the segment spelling each document's version; each version's client calls its own."
    " What a version diff is.",
)
_both("server-removed", "servers", B, "server {old} removed", "Callers using it break.")
_both("server-added", "servers", N, "server {new} added", "An addition.")
_both("server-variable-removed", "servers", B, "server variable {name} removed", "Callers setting it break.")
_both(
    "server-variable-added",
    "servers",
    N,
    "server variable {name} added (default {default!r})",
    "Has a default; callers need not set it.",
)
_both(
    "server-variable-default-changed",
    "servers",
    B,
    "default {name} {old!r} -> {new!r} (requests that do not choose it go elsewhere)",
    "Requests that do not choose it go elsewhere.",
)
_both("server-variable-value-removed", "servers", B, "{name} {old!r} no longer offered", "Callers choosing it break.")
_both("server-variable-value-added", "servers", N, "{name} {new!r} added", "An addition.")
_both("server-pair-removed", "servers", B, "combination {key} removed", "Callers choosing it break.")
_both("server-pair-added", "servers", N, "combination {key} added", "An addition.")
_both(
    "security-requirement-added",
    "security",
    B,
    "security requirement {key} added",
    "Requests without credentials were accepted and are now rejected.",
)
_both(
    "security-requirement-removed",
    "security",
    N,
    "security requirement {key} removed",
    "No credentials are needed any more.",
)
_both(
    "security-alternative-added",
    "security",
    N,
    "security alternative {key} added",
    "One more way to authenticate; the old ones still work.",
)
_both(
    "security-alternative-removed",
    "security",
    B,
    "security alternative {key} removed",
    "Callers that authenticate this way are rejected, although other ways remain.",
)
_both(
    "schema-renamed",
    "components",
    I,
    "schema {old} renamed to {new} (same shape)",
    "Component names are not part of the wire contract; differences show in the operations that use them.",
)
_both(
    "schema-removed",
    "components",
    I,
    "schema {old} removed",
    "Whether a removal breaks anyone shows in the operations that used it.",
)
_both("schema-added", "components", I, "schema {new} added", "Information.")

RULES: dict[str, Rule] = {r.id: r for r in _RULES}
assert len(RULES) == len(_RULES), "duplicate rule id"


def rule_for_kind(kind: str) -> Rule | None:
    """The rule a reported kind comes from (``request-property-removed`` -> ``property-removed``)."""
    found = RULES.get(kind)
    if found is not None and not found.scoped:
        return found
    scope, sep, rest = kind.partition("-")
    if sep and scope in SCOPES:
        scoped = RULES.get(rest)
        if scoped is not None and scoped.scoped:
            return scoped
    return None


def severity_of(rule: Rule, side: Side | None, kind: str, overrides: Mapping[str, Severity]) -> Severity:
    """A rule's severity on ``side``, unless ``overrides`` names the reported kind or the rule id."""
    if kind in overrides:
        return overrides[kind]
    if rule.id in overrides:
        return overrides[rule.id]
    return rule.severity(side)
