"""Schema-valid example values for operations the spec gives no examples for, so every operation gets a contract test.

A small deterministic instance generator (the same schema always gives the same value, which generated output
needs): it follows local ``$ref``s, takes the first ``enum``/``const``/``oneOf``/``anyOf`` choice, merges ``allOf``,
fills every required property (and the optional ones down to a few levels), respects lengths, bounds and item
counts, and knows the common string formats. The caller validates the result against the schema and uses it only
when it is valid; a schema it cannot satisfy (a ``pattern`` it cannot guess, contradictory bounds) yields nothing.
"""

from __future__ import annotations

import importlib
import math
import re
import warnings
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, TypeGuard

from scraper import schema_patterns
from scraper.clients import refs
from scraper.clients.schema_keywords import fitting_values

__all__ = ["Unsatisfiable", "instance", "variants"]

#: Optional properties are filled down to this depth (required ones always, up to MAX_DEPTH).
OPTIONAL_DEPTH = 2
MAX_DEPTH = 12
#: The most items, characters or properties a synthesised value holds: a spec from anyone may ask for ``minItems:
#: 1000000000`` (validating that value hung the generator) or ``1e308`` (an OverflowError), and no contract test
#: sends that much, so a larger lower bound is :class:`Unsatisfiable`.
MAX_SIZE = 10_000

_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05Z",
    "duration": "P1D",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/",
    "uri-reference": "https://example.com/",
    "iri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "Y29udHJhY3Q=",
    "binary": "contract-test",
    "password": "contract-test",
}


class Unsatisfiable(ValueError):
    """The generator cannot build a value for this schema (the message says what stopped it)."""


#: ``check(value, schema)``: whether ``value`` is valid for ``schema`` (the caller's validator), used to pick the
#: ``oneOf`` option whose value matches exactly one option.
Check = Callable[[Any, Any], bool]


def instance(doc: Mapping[str, Any], schema: Any, depth: int = 0, check: Check | None = None) -> Any:
    """A value valid for ``schema`` (best effort; the caller validates). Raises :class:`Unsatisfiable`."""
    value = _instance(doc, schema, depth, check)
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if isinstance(value, dict) and isinstance(ref, str):
        tagged = _member_tags(doc).get(ref)
        if tagged is not None:
            # its own tag, also over one its allOf parent gave (a parent with a discriminator is built as its first
            # member: an ``account`` extending ``object`` came out tagged ``page``, and failed to parse)
            own = _member_tag(doc, ref, *tagged, depth, check)
            if value.get(tagged[0]) != own:
                return {**value, tagged[0]: own}
    return value


def _instance(doc: Mapping[str, Any], schema: Any, depth: int, check: Check | None) -> Any:
    if depth > MAX_DEPTH:
        raise Unsatisfiable("schema nests deeper than the generator follows")
    if schema is True or schema is None:
        return "contract-test"
    if schema is False:
        raise Unsatisfiable("schema 'false' admits no value")
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    try:
        schema = refs.follow(doc, schema)
    except refs.RefError as exc:
        raise Unsatisfiable(str(exc)) from exc
    if not isinstance(schema, Mapping):
        return "contract-test"
    schema = fitting_values(schema)
    tagged = _discriminated(doc, schema, ref if isinstance(ref, str) else None, depth, check)
    if tagged is not None:
        return tagged
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return next((v for v in schema["enum"] if v is not None), schema["enum"][0])
    # a schema's own example, when valid: a wrong one (Samsung's ``resource: ""`` for an object) would make the
    # whole value invalid, where the schema's other keywords still give a valid one
    if schema.get("example") is not None and (check is None or check(schema["example"], schema)):
        return schema["example"]  # example: null is a generator's "none" (see ir._example)
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and (check is None or check(examples[0], schema)):
        return examples[0]
    if isinstance(schema.get("allOf"), list) and schema["allOf"]:
        return _all_of(doc, schema, depth, check)
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            options = _narrowed(schema, key, options)
            non_null = [o for o in options if not (isinstance(o, Mapping) and o.get("type") == "null")]
            candidates = non_null or options
            if key == "oneOf" and check is not None:
                for option in [*candidates, *(o for o in options if o not in candidates)]:  # null last
                    try:
                        value = instance(doc, option, depth + 1, check)
                    except Unsatisfiable:
                        continue
                    if check(value, {"oneOf": options}):
                        return value
            return instance(doc, candidates[0], depth + 1, check)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((t for t in kind if t != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "array" if "items" in schema else "string"
    return _typed(doc, schema, str(kind), depth, check)


#: What makes a schema say what its value is by itself; an option with none of these only narrows its parent.
_SELF_TYPED = frozenset({"$ref", "type", "enum", "const", "allOf", "oneOf", "anyOf", "items"})


def _narrowed(schema: Mapping[str, Any], key: str, options: list[Any]) -> list[Any]:
    """The ``oneOf``/``anyOf`` options, each that states no type of its own (``{required: [a]}``, the usual way to
    say "one of these properties") merged with the schema around it: such an option narrows its parent, it is not a
    value of its own (synthesised alone it would be a string). A merged option leaves out the properties only its
    sibling options require, so a value for ``oneOf: [{required: [a]}, {required: [b]}]`` matches exactly one."""
    rest = {k: v for k, v in schema.items() if k != key}
    if not ("properties" in rest or "type" in rest):
        return options
    narrowing = [isinstance(o, Mapping) and not _SELF_TYPED & o.keys() for o in options]
    if not any(narrowing):
        return options
    own = {str(r) for r in rest.get("required") or []}
    out = []
    for index, option in enumerate(options):
        if not narrowing[index]:
            out.append(option)
            continue
        required = [str(r) for r in option.get("required") or []]
        siblings = (
            {
                str(r)
                for other, narrows in zip(options, narrowing, strict=True)
                if narrows and other is not option
                for r in other.get("required") or []
            }
            - own
            - set(required)
        )
        parent_properties = rest.get("properties")
        properties = {
            **{
                n: s
                for n, s in (parent_properties.items() if isinstance(parent_properties, Mapping) else [])
                if n not in siblings
            },
            **(option.get("properties") or {}),
        }
        merged = {**rest, **option, "properties": properties}
        merged["required"] = list(dict.fromkeys([*own, *required]))
        out.append(merged)
    return out


#: Discriminated schemas whose tagged instance is being built: their ``allOf`` children refer back to them, and
#: inside a child the base is synthesised as itself (the child sets the tag).
_TAGGING: ContextVar[frozenset[str]] = ContextVar("_TAGGING", default=frozenset())


def _discriminated(
    doc: Mapping[str, Any], schema: Mapping[str, Any], ref: str | None, depth: int, check: Check | None
) -> dict[str, Any] | None:
    """An instance of the first alternative a ``discriminator`` names, with its tag set; None when ``schema`` has
    no discriminator or no alternative can be found.

    The tags are the ``mapping`` keys, else the names of the ``oneOf``/``anyOf`` schemas, else (a base schema) the
    names of the components that extend it through ``allOf``: what pydantic dispatches on once the base is referred
    to, so a value whose tag is none of them (``"contract-test"``) would fail to parse."""
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, Mapping) or not isinstance(discriminator.get("propertyName"), str):
        return None
    if ref is not None and ref in _TAGGING.get():
        return None  # the parent part of the member being built (its allOf): the parent's own properties only
    mapping = discriminator.get("mapping")
    choices = [
        (str(tag), target if target.startswith("#") else refs.schema_ref(target))
        for tag, target in (mapping.items() if isinstance(mapping, Mapping) else [])
        if isinstance(target, str)
    ]
    options = schema.get("oneOf") or schema.get("anyOf")
    if not choices and isinstance(options, list):
        choices = [
            (o["$ref"].rsplit("/", 1)[-1], o["$ref"])
            for o in options
            if isinstance(o, Mapping) and isinstance(o.get("$ref"), str)
        ]
    if not choices and ref is not None and ref.startswith(refs.SCHEMAS):
        components = (doc.get("components") or {}).get("schemas") or {}
        choices = [
            (str(name), refs.schema_ref(str(name)))
            for name, child in (components.items() if isinstance(components, Mapping) else [])
            if isinstance(child, Mapping)
            and any(isinstance(p, Mapping) and p.get("$ref") == ref for p in child.get("allOf") or [])
        ]
    if not choices:
        return None
    tag, target = choices[0]
    token = _TAGGING.set(_TAGGING.get() | {ref or "", target})
    try:
        value = instance(doc, {"$ref": target}, depth + 1, check)
    except Unsatisfiable:
        return None
    finally:
        _TAGGING.reset(token)
    if not isinstance(value, dict):
        return None
    value[str(discriminator["propertyName"])] = tag
    return value if check is None or check(value, schema) else None


#: Per document (by identity, the document kept to prove it): each component a discriminated union names, with
#: the union's property name and the member's tag. Bounded; per process.
_MEMBER_TAGS: dict[int, tuple[Mapping[str, Any], dict[str, tuple[str, str]]]] = {}


def _member_tags(doc: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """``{component $ref: (propertyName, tag)}`` for every member of a union with a ``discriminator`` anywhere in
    ``doc`` (the first union that names it, in document order; tags as :func:`_discriminated` gives them)."""
    known = _MEMBER_TAGS.get(id(doc))
    if known is not None and known[0] is doc:
        return known[1]
    tags: dict[str, tuple[str, str]] = {}
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            discriminator = node.get("discriminator")
            if isinstance(discriminator, Mapping) and isinstance(discriminator.get("propertyName"), str):
                mapping = discriminator.get("mapping")
                named = {
                    (target if target.startswith("#") else "#/components/schemas/" + target): str(tag)
                    for tag, target in (mapping.items() if isinstance(mapping, Mapping) else [])
                    if isinstance(target, str)
                }
                options = node.get("oneOf") or node.get("anyOf") or []
                for option in options if isinstance(options, list) else []:
                    if isinstance(option, Mapping) and isinstance(option.get("$ref"), str):
                        named.setdefault(option["$ref"], option["$ref"].rsplit("/", 1)[-1])
                for ref, tag in named.items():
                    tags.setdefault(ref, (discriminator["propertyName"], tag))
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
    if len(_MEMBER_TAGS) >= 8:
        _MEMBER_TAGS.clear()
    _MEMBER_TAGS[id(doc)] = (doc, tags)
    return tags


def _member_tag(doc: Mapping[str, Any], ref: str, name: str, tag: str, depth: int, check: Check | None) -> Any:
    """The tag property of a union member reached by itself (Spotify's TrackObject in a list of tracks): the
    generator makes it a required ``Literal`` on the member's class even when the member's schema leaves it optional,
    so a synthesised member without it failed to parse. The union's tag where the member's own enum lists it (the
    generator narrows the field to it: Cohere's ``EmbedByTypeResponse.response_type``, ``enum: [embeddings_floats,
    embeddings_by_type]``, is ``Literal["embeddings_by_type"]``, so its enum's first value failed to parse), else
    its own value (an enum or const: a tag the union took from the member's name is no value of it), else the
    union's tag."""
    try:
        member = refs.follow(doc, {"$ref": ref})
        properties = member.get("properties") if isinstance(member, Mapping) else None
        own = refs.follow(doc, properties.get(name)) if isinstance(properties, Mapping) else None
    except refs.RefError:
        return tag
    if isinstance(own, Mapping) and isinstance(own.get("enum"), list) and tag in own["enum"]:
        return tag
    if isinstance(own, Mapping) and ("const" in own or (isinstance(own.get("enum"), list) and own["enum"])):
        return instance(doc, own, depth + 1, check)
    return tag


def _all_of(doc: Mapping[str, Any], schema: Mapping[str, Any], depth: int, check: Check | None) -> Any:
    # a part that only annotates (a description, nullable) constrains nothing: it adds no value of its own
    constraining = [part for part in schema["allOf"] if _constrains(part)]
    narrowing = [part for part in constraining if _only_names_properties(part)]
    parts = [instance(doc, part, depth + 1, check) for part in constraining if not _only_names_properties(part)]
    if not parts and not narrowing:
        return _typed(doc, schema, str(schema.get("type") or "object"), depth, check)
    rest = {k: v for k, v in schema.items() if k != "allOf"}
    if rest.get("properties") or rest.get("type") == "object":
        parts.append(_typed(doc, rest, "object", depth, check))
    if all(isinstance(p, dict) for p in parts):
        merged: dict[str, Any] = {}
        for part in parts:
            merged.update(part)
        for name in _required_names(rest, *narrowing):
            if name not in merged:  # required beside the allOf (rebilly's members): the part that defines it types it
                defined = _defined_property(doc, schema["allOf"], name, depth)
                merged[name] = instance(doc, defined if defined is not None else {}, depth + 1, check)
        for named in narrowing:  # a required property the other parts gave keeps their value
            for key, value in _object(doc, named, depth + 1, check).items():
                merged.setdefault(key, value)
        return merged
    return parts[-1]


def _required_names(*schemas: Mapping[str, Any]) -> list[str]:
    lists = [schema.get("required") for schema in schemas]
    return [name for names in lists if isinstance(names, list) for name in names if isinstance(name, str)]


def _defined_property(doc: Mapping[str, Any], parts: Any, name: str, depth: int) -> Any:
    """The schema of property ``name`` as the first of ``parts`` (an ``allOf``, references followed, nested
    ``allOf`` entered) that defines it gives it; None when none does."""
    for part in parts if isinstance(parts, list) and depth <= MAX_DEPTH else []:
        try:
            part = refs.follow(doc, part)
        except refs.RefError:
            continue
        if not isinstance(part, Mapping):
            continue
        properties = part.get("properties")
        if isinstance(properties, Mapping) and name in properties:
            return properties[name]
        found = _defined_property(doc, part.get("allOf"), name, depth + 1)
        if found is not None:
            return found
    return None


#: Keywords that say which properties an object has without typing any of them.
_PROPERTY_NAMING = frozenset({"required", "minProperties", "maxProperties"})


def _only_names_properties(part: Any) -> bool:
    """Whether an ``allOf`` part only says which properties the object has (``{required: [organizations]}`` beside
    the parts that define them, influxdata's style): it adds no value of its own, only properties the others must
    fill. Taken by itself it was typed a string, and the whole value became that string."""
    if not isinstance(part, Mapping):
        return False
    keys = {key for key in part if key not in _ANNOTATIONS and not str(key).startswith("x-")}
    return bool(keys) and keys <= _PROPERTY_NAMING


#: Keywords that describe a value without constraining it.
_ANNOTATIONS = frozenset(
    {"description", "title", "nullable", "deprecated", "readOnly", "writeOnly", "example", "examples", "default"}
    | {"externalDocs", "xml", "$comment"}
)


def _constrains(part: Any) -> bool:
    """Whether an ``allOf`` part says anything about the value (``{nullable: true, description: ...}`` does not)."""
    if not isinstance(part, Mapping):
        return True
    return any(key not in _ANNOTATIONS and not str(key).startswith("x-") for key in part)


def _typed(doc: Mapping[str, Any], schema: Mapping[str, Any], kind: str, depth: int, check: Check | None) -> Any:
    if kind == "null":
        return None
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return _number(schema, kind)
    if kind == "string":
        return _string(schema)
    if kind == "array":
        count = max(_size(schema, "minItems"), 1)
        high = schema.get("maxItems")
        if _is_number(high) and high < count:  # not NaN
            count = math.floor(high) if high >= 0 else 0
        items = schema.get("items", {})
        if isinstance(items, list):
            # Draft 4's tuple form, which neither OpenAPI 3.0 nor 3.1 has; the models read it as a list of any of
            # these schemas (``list[Pet]``), so the first one makes an item they accept (a string, once, did not)
            items = items[0] if items else {}
        item = instance(doc, items, depth + 1, check) if count else None
        if schema.get("uniqueItems") and count > 1:
            return _distinct(doc, items, item, count, depth + 1, check)
        return [item] * count
    return _object(doc, schema, depth, check)


def _distinct(
    doc: Mapping[str, Any], schema: Any, first: Any, count: int, depth: int, check: Check | None
) -> list[Any]:
    """``count`` different values for the items of a ``uniqueItems`` array, ``first`` first (variants of it that
    the items' schema accepts)."""
    out = [first]
    for candidate in _variants(doc, schema, first, depth):
        if candidate not in out and (check is None or check(candidate, schema)):
            out.append(candidate)
            if len(out) == count:
                return out
    raise Unsatisfiable(f"{count} unique array items")


def variants(doc: Mapping[str, Any], schema: Any, value: Any) -> list[Any]:
    """Values near ``value`` that may also be valid for ``schema``; the caller checks each (see ``_variants``)."""
    return _variants(doc, schema, value, 0)


def _variants(doc: Mapping[str, Any], schema: Any, value: Any, depth: int) -> list[Any]:
    """Values near ``value`` that may also be valid for ``schema`` (the caller checks): the other ``enum`` members
    or options, other numbers, strings with another last digit or a digit appended, an object with one property
    varied."""
    try:
        schema = refs.follow(doc, schema)
    except refs.RefError:
        return []
    if not isinstance(schema, Mapping) or depth > MAX_DEPTH:
        return []
    if isinstance(schema.get("enum"), list):
        return list(schema["enum"])
    out: list[Any] = []
    for key in ("oneOf", "anyOf"):
        for option in schema.get(key) or []:
            try:
                out.append(instance(doc, option, depth + 1))
            except Unsatisfiable:
                continue
    if isinstance(value, bool):
        out.append(not value)
    elif isinstance(value, int | float):
        raw_step = schema.get("multipleOf")
        step = raw_step if isinstance(raw_step, int | float) and raw_step > 0 else 1
        out += [value + k * step for k in range(1, 10)] + [value - k * step for k in range(1, 10)]
    elif isinstance(value, str):
        digits = [i for i, c in enumerate(value) if c.isdigit()]
        if digits:
            last = digits[-1]
            out += [value[:last] + d + value[last + 1 :] for d in "123456789" if d != value[last]]
        out += [value + str(k) for k in range(1, 10)]
    elif isinstance(value, dict):
        properties = schema.get("properties")
        known = properties if isinstance(properties, Mapping) else {}
        for name, item in value.items():
            out += [{**value, name: v} for v in _variants(doc, known.get(name, {}), item, depth + 1)]
    return out


def _object(doc: Mapping[str, Any], schema: Mapping[str, Any], depth: int, check: Check | None) -> dict[str, Any]:
    raw = schema.get("properties")
    properties: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    required = _required_names(schema)
    out: dict[str, Any] = {}
    for name, sub in properties.items():
        if name in required or depth < OPTIONAL_DEPTH:
            if isinstance(sub, Mapping) and (sub.get("readOnly") and name not in required):
                continue
            try:
                value = instance(doc, sub, depth + 1, check)
            except Unsatisfiable:
                if name in required:
                    raise
                continue
            if name in required or check is None or check(value, sub):  # an invalid optional value is left out
                out[name] = value
    for name in required:
        if name not in out:
            extra = schema.get("additionalProperties")
            out[name] = instance(doc, extra if isinstance(extra, Mapping) else {}, depth + 1, check)
    minimum = _size(schema, "minProperties")
    index = 0
    while len(out) < minimum:
        out.setdefault(f"key{index}", "contract-test")
        index += 1
    return out


def _number(schema: Mapping[str, Any], kind: str) -> int | float:
    """A number inside the schema's bounds, exact: bounds wider than a double holds (beyond 2**53) are met in integer
    arithmetic, and a ``number`` keeps an integer a double would round (only the caller's float-typed model rounds
    it, and then both sides of the contract test round alike)."""
    low = schema.get("minimum")
    high = schema.get("maximum")
    ex_low = schema.get("exclusiveMinimum")
    ex_high = schema.get("exclusiveMaximum")
    step = schema.get("multipleOf")
    # OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum
    if ex_low is True:
        ex_low, low = low, None
    if ex_high is True:
        ex_high, high = high, None
    candidate: int | float = 1
    if _is_number(low):
        candidate = max(candidate, low) if high is None or low <= 1 <= high else low
    if _is_number(ex_low) and candidate <= ex_low:
        candidate = ex_low + 1 if kind == "integer" else _beside(ex_low, 0.5)
    if _is_number(high) and candidate > high:
        candidate = high
    if _is_number(ex_high) and candidate >= ex_high:
        candidate = ex_high - 1 if kind == "integer" else _beside(ex_high, -0.5)
    if _is_number(step) and step > 0:
        if isinstance(candidate, int) and isinstance(step, int):
            candidate = -(-candidate // step) * step  # float division rounds a wide candidate below its bound
        else:
            candidate = math.ceil(candidate / step) * step
    if kind == "integer":
        return int(candidate)
    return candidate if isinstance(candidate, int) and not _double_holds(candidate) else float(candidate)


def _size(schema: Mapping[str, Any], key: str) -> int:
    """A lower bound on a value's size (``minItems``, ``minLength``, ``minProperties``); 0 when it is no number.
    Raises :class:`Unsatisfiable` beyond :data:`MAX_SIZE`."""
    bound = schema.get(key)
    if not _is_number(bound) or not bound > 0:  # also NaN
        return 0
    if bound > MAX_SIZE:
        raise Unsatisfiable(f"{key} {bound} is more than a contract test sends ({MAX_SIZE})")
    return math.ceil(bound)


def _is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _beside(bound: int | float, offset: float) -> int | float:
    """A number past ``bound`` by ``offset``, or by the next double when a double cannot tell the two apart
    (``2**60 + 0.5`` is ``2**60``): a float-typed model checks its bounds as doubles, so a value past the bound in
    exact arithmetic only (``2**60 + 1``) still failed ``gt=1.152921504606847e18``."""
    try:
        moved = bound + offset
        if (float(moved) > float(bound)) if offset > 0 else (float(moved) < float(bound)):
            return moved
        return math.nextafter(float(bound), math.inf if offset > 0 else -math.inf)
    except OverflowError:  # beyond every double: no float-typed model can hold it; exact arithmetic says past
        return bound + (1 if offset > 0 else -1)


def _double_holds(value: int) -> bool:
    try:
        return float(value) == value
    except OverflowError:
        return False


def _matching(pattern: str) -> str | None:
    """A string the (unanchored, ECMA-ish) ``pattern`` finds a match in, from a few guesses: its literal prefix,
    letters, digits. None when no guess matches (or the pattern is not a Python regex)."""
    compiled = schema_patterns.compiled(pattern)
    if isinstance(compiled, str):
        return None
    prefix = re.match(r"\^?((?:[A-Za-z0-9 _\-/:]|\\.)*)", pattern)
    literal = re.sub(r"\\(.)", r"\1", prefix.group(1)) if prefix else ""
    built = _from_regex(pattern)
    for guess in (built, literal, literal + "a", "a", "A", "1", "aaa", "AAA", "123", "a1", "contract-test"):
        if guess is not None and compiled.search(guess):
            return guess
    return None


def _from_regex(pattern: str) -> str | None:
    """The shortest string the regex's own parse tree spells out (literals, classes, categories, repeats at their
    minimum, first branches); None for constructs it does not handle (lookarounds, back references)."""
    parser: Any = importlib.import_module("re._parser")  # the standard library's regex parser
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # as schema_patterns.compiled
            tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    constants: Any = importlib.import_module("re._constants")

    def spell(items: Any) -> str | None:
        out = []
        for op, arg in items:
            if op == constants.LITERAL:
                out.append(chr(arg))
            elif op == constants.ANY:
                out.append("a")
            elif op == constants.AT:
                continue
            elif op == constants.IN:
                out.append(_class_member(arg, constants))
            elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
                low, _, sub = arg
                part = spell(sub)
                if part is None:
                    return None
                out.append(part * low)
            elif op == constants.SUBPATTERN:
                part = spell(arg[-1])
                if part is None:
                    return None
                out.append(part)
            elif op == constants.BRANCH:
                part = spell(arg[1][0])
                if part is None:
                    return None
                out.append(part)
            else:
                return None
        return "".join(out)

    return spell(tree.data)


def _class_member(items: Any, constants: Any) -> str:
    """A character a ``[...]`` class (without negation) admits."""
    for op, arg in items:
        if op == constants.LITERAL:
            return chr(arg)
        if op == constants.RANGE:
            return chr(arg[0])
        if op == constants.CATEGORY:
            return "1" if arg == constants.CATEGORY_DIGIT else " " if arg == constants.CATEGORY_SPACE else "a"
        if op == constants.NEGATE:
            return "\u00a7" if all(not (o == constants.LITERAL and a == 0xA7) for o, a in items[1:]) else "~"
    return "a"


def _string(schema: Mapping[str, Any]) -> str:
    text = _FORMATS.get(str(schema.get("format") or ""), "contract-test")
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and str(schema.get("format") or "") not in _FORMATS:
        text = _matching(pattern) or text  # the caller validates: an unmatched pattern makes the value unusable
    low = _size(schema, "minLength")
    high = schema.get("maxLength")
    if len(text) < low:
        text = text + "x" * (low - len(text))
    if isinstance(high, int) and len(text) > high:
        text = text[:high]
    return text
