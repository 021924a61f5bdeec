"""Section 4: generated clients at run time, against a mock transport, ours vs the openapi-generator python client.

The driver (:func:`client_runtime`) builds the payloads once from the spec's own examples (a small object response,
and a list response with its items repeated to ``list_size``) and hands the same bytes to each client in its own
fresh child process (``python -m bench.runtime``), so each pays for only its own imports.

Both clients stop at the same layer, just above the network: ours gets an ``httpx.MockTransport`` (so request
building, SCP signing, httpx's client machinery, JSON decoding and pydantic validation all run), the
openapi-generator client gets a stand-in for its urllib3 ``PoolManager`` that returns a real
``urllib3.HTTPResponse`` (so its request building, header/auth handling, ``RESTResponse`` wrapping and
deserialization all run). The generator's client only adds a static API-key header where ours computes an HMAC
signature per request, which favours it.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import importlib
import inspect
import json
import re
import shutil
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["CLIENT_REQUIREMENTS", "build_payloads", "client_runtime", "clients_python", "import_time", "main", "snake"]

BASE_URL = "https://bench.invalid"

#: What the generated clients need at run time (ours: httpx, pydantic, typing-extensions; the openapi-generator
#: client: urllib3, python-dateutil, pydantic, typing-extensions; openapi-python-client's: httpx, attrs,
#: python-dateutil): the clients are measured in a
#: venv holding only these, as a user who installed the package has, not in the tool's venv (black, rich, ...).
CLIENT_REQUIREMENTS = ("httpx", "pydantic", "typing-extensions", "urllib3", "python-dateutil", "attrs")
#: The shared runtime of our generated clients (docs2client-runtime), installed into that venv from the checkout.
RUNTIME_SOURCE = Path(__file__).resolve().parent.parent / "runtime"


def clients_python(work: Path) -> tuple[str, str]:
    """The interpreter of a fresh venv with only :data:`CLIENT_REQUIREMENTS` (made once per work dir), and what it
    is; falls back to this interpreter, saying so, when the venv cannot be made (no index reachable)."""
    from bench.harness import run_child

    venv = work / "clients-venv"
    python = venv / "bin" / "python"
    ready = venv / ".installed"  # written only after a successful install: a half-made venv is made again
    # our generated clients import the shared runtime: installed (not editable) from the checkout's runtime/, again
    # whenever its source changed (a kept --work dir would otherwise measure the runtime of an earlier run)
    installed = " ".join(CLIENT_REQUIREMENTS) + f" docs2client-runtime {_runtime_digest()}\n"
    if not ready.exists() or ready.read_text(encoding="utf-8") != installed:
        shutil.rmtree(venv, ignore_errors=True)
        made = run_child([sys.executable, "-m", "venv", str(venv)])
        if made.ok:
            made = run_child([str(python), "-m", "pip", "install", "--quiet", *CLIENT_REQUIREMENTS])
        if made.ok:  # from a copy: a build in the checkout would leave build/ and egg-info there
            source = work / "runtime-source"
            shutil.rmtree(source, ignore_errors=True)
            shutil.copytree(RUNTIME_SOURCE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
            made = run_child([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(source)])
        if not made.ok:
            shutil.rmtree(venv, ignore_errors=True)
            return sys.executable, f"the tool's venv (a clean venv failed: {made.tail()[-200:]})"
        ready.write_text(installed, encoding="utf-8")
    return str(python), f"a clean venv with only {', '.join(CLIENT_REQUIREMENTS)} and docs2client-runtime"


def _runtime_digest() -> str:
    """A digest of the runtime's source (its package files and pyproject.toml)."""
    import hashlib

    digest = hashlib.sha256()
    files = [RUNTIME_SOURCE / "pyproject.toml", *sorted((RUNTIME_SOURCE / "docs2client_runtime").rglob("*.py"))]
    for path in files:
        digest.update(path.relative_to(RUNTIME_SOURCE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def snake(name: str) -> str:
    """``showVolume`` -> ``show_volume`` (how both generators name an ``operationId``'s method)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()


def _operation(spec: Mapping[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return path, method, op
    raise ValueError(f"operationId {operation_id!r} not found in the spec")


def _example(op: Mapping[str, Any], operation_id: str) -> Any:
    for code in sorted(op.get("responses", {})):
        if str(code).startswith("2"):
            content = op["responses"][code].get("content", {}).get("application/json", {})
            # an example that contradicts its schema is kept as x-documented-example (the fitter repairs it)
            for key in ("example", "x-documented-example"):
                if key in content:
                    return content[key]
    raise ValueError(f"operation {operation_id!r} documents no JSON example for a 2xx response")


def _path_args(path: str, op: Mapping[str, Any]) -> dict[str, str]:
    names = [p["name"] for p in op.get("parameters", []) if isinstance(p, dict) and p.get("in") == "path"]
    names += [n for n in re.findall(r"\{([^}]+)\}", path) if n not in names]
    return {snake(n): f"bench-{n}" for n in names}


def _response_schema(op: Mapping[str, Any]) -> Any:
    for code in sorted(op.get("responses", {})):
        if str(code).startswith("2"):
            content = op["responses"][code].get("content", {}).get("application/json", {})
            if "schema" in content:
                return content["schema"]
    return {}


class _Fitter:
    """Turns a documented example into a value that validates against its schema.

    Published examples do not always match their own schemas (that is what the findings record), and a client that
    validates responses would reject them; the benchmark needs a payload both clients accept. Values that validate
    are kept as they are; the rest is rebuilt from the schema, keeping whatever parts of the example still fit.
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        from jsonschema import Draft202012Validator

        self._components = spec.get("components", {})
        self._validator = Draft202012Validator

    def valid(self, value: Any, schema: Any) -> bool:
        root = {**schema, "components": self._components} if isinstance(schema, dict) else schema
        return bool(self._validator(root).is_valid(value))

    def _resolve(self, schema: Any) -> Any:
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            node: Any = {"components": self._components}
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node.get(part, {}) if isinstance(node, dict) else {}
            schema = node
        return schema

    def fit(self, value: Any, schema: Any, depth: int = 0) -> Any:
        if self.valid(value, schema) or depth > 30:
            return value
        schema = self._resolve(schema)
        if not isinstance(schema, dict):
            return value
        for key in ("anyOf", "oneOf"):
            branches = [self._resolve(b) for b in schema.get(key, [])]
            if branches:
                usable = [b for b in branches if isinstance(b, dict) and b.get("type") != "null"] or branches
                return self.fit(value, usable[0], depth + 1)
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                merged = {**merged, **self._resolve(part)}
            return self.fit(value, merged, depth + 1)
        if "enum" in schema:
            return value if value in schema["enum"] else schema["enum"][0]
        kind = schema.get("type")
        kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
        if kind == "object" or "properties" in schema:
            source = value if isinstance(value, dict) else {}
            props = schema.get("properties", {})
            names = [n for n in props if n in source or n in schema.get("required", [])]
            return {n: self.fit(source.get(n), props[n], depth + 1) for n in names}
        if kind == "array":
            items = value if isinstance(value, list) else []
            return [self.fit(v, schema.get("items", {}), depth + 1) for v in items]
        scalars: dict[str, Any] = {"string": "x", "integer": 0, "number": 0.0, "boolean": False, "null": None}
        if kind == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if kind == "string" and schema.get("format") == "date-time":
            return "2024-01-01T00:00:00Z"
        return scalars.get(str(kind), value)


def _grow(example: Any, size: int) -> tuple[Any, str]:
    """The list response with its largest list of objects repeated to ``size`` items (string ids made unique)."""
    if not isinstance(example, dict):
        raise ValueError("the list operation's example is not a JSON object")
    lists = [(k, v) for k, v in example.items() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
    if not lists:
        raise ValueError("the list operation's example has no list of objects to grow")
    key, items = max(lists, key=lambda kv: len(kv[1]))
    grown = []
    for n in range(size):
        item = copy.deepcopy(items[n % len(items)])
        for field in ("id", "name"):
            if isinstance(item.get(field), str):
                item[field] = f"{item[field]}-{n}"
        grown.append(item)
    return {**example, key: grown}, key


def build_payloads(spec: Mapping[str, Any], small_op: str, list_op: str, list_size: int) -> dict[str, Any]:
    """Request arguments and response bytes for the small call and the large list, from the spec's examples.

    Each example is first fitted to its response schema (see :class:`_Fitter`); the list's items are then repeated
    to ``list_size``, and the result is checked against the schema once more.
    """
    fitter = _Fitter(spec)
    small_path, small_method, small = _operation(spec, small_op)
    list_path, list_method, listing = _operation(spec, list_op)
    small_schema, list_schema = _response_schema(small), _response_schema(listing)
    small_body = fitter.fit(_example(small, small_op), small_schema)
    large, key = _grow(fitter.fit(_example(listing, list_op), list_schema), list_size)
    for what, body, schema in (("small", small_body, small_schema), ("list", large, list_schema)):
        if not fitter.valid(body, schema):
            raise ValueError(f"could not build a {what} payload that matches its response schema")
    return {
        "small": {
            "method": snake(small_op),
            "http": [small_method.upper(), small_path],
            "kwargs": _path_args(small_path, small),
            "body": json.dumps(small_body),
        },
        "large": {
            "method": snake(list_op),
            "http": [list_method.upper(), list_path],
            "kwargs": _path_args(list_path, listing),
            "body": json.dumps(large),
            "items_key": key,
            "items": list_size,
        },
    }


# -- child side ------------------------------------------------------------------------------------------------------


def _summary(results: list[float], number: int) -> dict[str, Any]:
    results = sorted(results)
    return {
        "median": results[len(results) // 2],
        "min": results[0],
        "max": results[-1],
        "number": number,
        "runs": results,
    }


def _median_per_call(fn: Callable[[], object], number: int, repeats: int) -> dict[str, Any]:
    timed: dict[str, Any] = _interleaved_per_call({"fn": fn}, number, repeats)["fn"]
    return timed


#: Untimed calls of each function before :func:`_interleaved_per_call` times it (at most the timed number).
_WARM_UP = 50


def _interleaved_per_call(fns: Mapping[str, Callable[[], object]], number: int, repeats: int) -> dict[str, Any]:
    """Per-call times of several functions measured in turns: each repeat times ``number`` calls of every function
    one after another, in an order that rotates from one repeat to the next.

    Timed back to back (all repeats of one, then all of the other), two functions see different moments of a shared
    machine, and the one timed while another engineer's build runs looks slower; in turns, load that comes and goes
    hits both alike. Each gets untimed warm-up calls first, so neither pays for first-call work (caches, lazy imports)
    inside its timings."""
    names = list(fns)
    for name in names:
        for _ in range(min(_WARM_UP, number)):
            fns[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for repeat in range(repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            fn = fns[name]
            started = time.perf_counter()
            for _ in range(number):
                fn()
            times[name].append((time.perf_counter() - started) / number)
    return {name: _summary(times[name], number) for name in names}


def _package_name(folder: Path) -> str:
    names = sorted(p.parent.name for p in folder.glob("*/__init__.py") if p.parent.name not in ("tests", "test"))
    if not names:
        raise SystemExit(f"no Python package in {folder}")
    return names[0]


def _ours_calls(folder: Path, payloads: Mapping[str, Any]) -> dict[str, Callable[[], Any]]:
    import httpx

    pkg = importlib.import_module(_package_name(folder))
    bodies = {key: payloads[key]["body"].encode() for key in ("small", "large")}
    current = {"body": bodies["small"]}

    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent[:] = [request]
        return httpx.Response(200, content=current["body"], headers={"content-type": "application/json"})

    auth = pkg.ScpAuth("bench-access-key", "bench-secret-key", "bench-account") if hasattr(pkg, "ScpAuth") else None
    signature = inspect.signature(pkg.Client)
    kwargs: dict[str, Any] = {"base_url": BASE_URL, "transport": httpx.MockTransport(handler)}
    if auth is not None and "auth" in signature.parameters:
        kwargs["auth"] = auth
    client = pkg.Client(**kwargs)

    def call(key: str) -> Callable[[], Any]:
        method = getattr(client, payloads[key]["method"])
        args = payloads[key]["kwargs"]

        def run() -> Any:
            current["body"] = bodies[key]
            return method(**args)

        return run

    small = call("small")
    floor = _floor_call(small, sent, handler, bodies["small"], current)
    return {"small": small, "large": call("large"), "floor": floor}


def _floor_call(
    small: Callable[[], Any],
    sent: list[Any],
    handler: Callable[[Any], Any],
    body: bytes,
    current: dict[str, bytes],
) -> Callable[[], Any]:
    """The floor of any httpx-based client: ``httpx.Client.send`` of the request our small call sends (captured
    once, then prebuilt: same method, URL, headers and body), through a MockTransport with the same handler and
    response bytes. What is left between this and our call is our own per-call work."""
    import httpx

    small()
    request = sent[-1]
    prebuilt = httpx.Request(request.method, request.url, headers=request.headers, content=request.content)
    client = httpx.Client(transport=httpx.MockTransport(handler))

    def run() -> Any:
        current["body"] = body
        return client.send(prebuilt)

    return run


def _opc_calls(folder: Path, payloads: Mapping[str, Any]) -> dict[str, Callable[[], Any]]:
    """openapi-python-client's generated client (httpx-based, attrs models): its ``api/<tag>/<operation>.sync``
    with a ``Client`` whose httpx client gets the same MockTransport handler and bytes as ours."""
    import httpx

    name = _package_name(folder)
    pkg = importlib.import_module(name)
    bodies = {key: payloads[key]["body"].encode() for key in ("small", "large")}
    current = {"body": bodies["small"]}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=current["body"], headers={"content-type": "application/json"})

    client = pkg.Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(handler)})

    def call(key: str) -> Callable[[], Any]:
        method = payloads[key]["method"]
        found = sorted((folder / name / "api").glob(f"*/{method}.py"))
        if not found:
            raise SystemExit(f"{name} has no api/<tag>/{method}.py")
        module = importlib.import_module(f"{name}.api.{found[0].parent.name}.{method}")
        args = payloads[key]["kwargs"]

        def run() -> Any:
            current["body"] = bodies[key]
            return module.sync(client=client, **args)

        return run

    return {"small": call("small"), "large": call("large")}


def _ogc_calls(folder: Path, payloads: Mapping[str, Any]) -> dict[str, Callable[[], Any]]:
    import urllib3
    import urllib3.connectionpool

    name = _package_name(folder)
    pkg = importlib.import_module(name)
    api_module = importlib.import_module(f"{name}.api")
    bodies = {key: payloads[key]["body"].encode() for key in ("small", "large")}
    current = {"body": bodies["small"]}

    def urlopen(self: Any, method: str, url: str, *args: Any, **kwargs: Any) -> urllib3.HTTPResponse:
        """Stands in for the connection pool's network round trip: a real HTTPResponse, as the socket would give."""
        return urllib3.HTTPResponse(
            body=current["body"],
            status=200,
            reason="OK",
            headers={"Content-Type": "application/json"},
            preload_content=False,
        )

    # The PoolManager stays real (URL parsing, pool lookup, redirect and retry checks), like httpx.Client above
    # the MockTransport; only the per-host connection pool's network round trip is replaced.
    urllib3.connectionpool.HTTPConnectionPool.urlopen = urlopen  # type: ignore[method-assign]
    configuration = pkg.Configuration(host=BASE_URL, api_key={"scpSignature": "bench-signature"})
    api_client = pkg.ApiClient(configuration)

    def api_for(method: str) -> Any:
        for attr in dir(api_module):
            cls = getattr(api_module, attr)
            if isinstance(cls, type) and hasattr(cls, method):
                return cls(api_client)
        raise SystemExit(f"no API class of {name} has a method {method!r}")

    def call(key: str) -> Callable[[], Any]:
        method = getattr(api_for(payloads[key]["method"]), payloads[key]["method"])
        args = payloads[key]["kwargs"]

        def run() -> Any:
            current["body"] = bodies[key]
            return method(**args)

        return run

    return {"small": call("small"), "large": call("large")}


def _items(result: Any, key: str) -> int:
    value = getattr(result, key, None)
    if value is None and hasattr(result, "model_dump"):
        value = result.model_dump().get(key)
    return len(value) if isinstance(value, list) else -1


def child(kind: str, folder: Path, payload_path: Path, calls: int, repeats: int) -> dict[str, Any]:
    """Run in a fresh process: time the small call and the large list parse of one client."""
    payloads = json.loads(payload_path.read_text(encoding="utf-8"))
    sys.path.insert(0, str(folder))
    started = time.perf_counter()
    fns = {"ours": _ours_calls, "ogc": _ogc_calls, "opc": _opc_calls}[kind](folder, payloads)
    setup = time.perf_counter() - started
    first_small = fns["small"]()  # warm-up, and proof the call parses
    first_large = fns["large"]()
    # our small call and the floor (a bare send of the same request) in turns, so both see the same machine
    small: dict[str, Callable[[], object]] = {key: fns[key] for key in ("small", "floor") if key in fns}
    timed = _interleaved_per_call(small, calls, repeats)
    result = {
        "setup_s": setup,
        "small_result_type": type(first_small).__name__,
        "large_items_parsed": _items(first_large, payloads["large"]["items_key"]),
        "small_call_s": timed["small"],
        "large_parse_s": _median_per_call(fns["large"], 1, max(3, repeats)),
    }
    if "floor" in timed:
        result["floor_small_call_s"] = timed["floor"]
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.runtime", description="one client's timings")
    parser.add_argument("kind", choices=("ours", "ogc", "opc"))
    parser.add_argument("folder", type=Path, help="the generated project (its package is imported from here)")
    parser.add_argument("payloads", type=Path)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(child(args.kind, args.folder, args.payloads, args.calls, args.repeats)))
    return 0


# -- driver side -----------------------------------------------------------------------------------------------------

_IMPORT_SNIPPET = """\
import json, sys, time
sys.path.insert(0, {folder!r})
started = time.perf_counter()
import {name} as pkg
lazy = time.perf_counter() - started
for attr in {touch!r}:
    getattr(pkg, attr)
print(json.dumps({{"import_s": lazy, "import_and_client_s": time.perf_counter() - started}}))
"""


def import_time(folder: Path, *, touch: Sequence[str], repeats: int, python: str | None = None) -> dict[str, Any]:
    """``import pkg`` and then touching ``touch`` (e.g. ``Client``), timed inside fresh interpreters (``python``,
    default this one)."""
    from bench.harness import run_child, stats

    name = _package_name(folder)
    code = _IMPORT_SNIPPET.format(folder=str(folder), name=name, touch=list(touch))
    plain: list[float] = []
    full: list[float] = []
    for _ in range(max(1, repeats)):
        run = run_child([python or sys.executable, "-c", code])
        if not run.ok:
            return {"package": name, "error": run.tail()}
        data = json.loads(run.stdout)
        plain.append(data["import_s"])
        full.append(data["import_and_client_s"])
    return {
        "package": name,
        "touch": list(touch),
        "import_s": stats(plain).as_dict(),
        "import_and_client_s": stats(full).as_dict(),
    }


def client_runtime(
    spec_path: Path,
    ours: Path | None,
    ogc: Path | None,
    work: Path,
    opc: Path | None = None,
    *,
    small_op: str,
    list_op: str,
    list_size: int,
    calls: int,
    repeats: int,
) -> dict[str, Any]:
    """Per-call overhead and large-list parse time of each client (same payloads), in fresh child processes; our
    child also times the floor (a bare ``httpx.Client.send`` of our request through the same transport)."""
    import yaml

    from bench.harness import run_child

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec = yaml.load(spec_path.read_text(encoding="utf-8"), Loader=loader)
    try:
        payloads = build_payloads(spec, small_op, list_op, list_size)
    except ValueError as exc:
        return {"error": f"{spec_path}: {exc}"}
    work.mkdir(parents=True, exist_ok=True)
    payload_path = work / "payloads.json"
    payload_path.write_text(json.dumps(payloads), encoding="utf-8")
    python, environment = clients_python(work)
    result: dict[str, Any] = {
        "spec": str(spec_path),
        "environment": environment,
        "small": {k: payloads["small"][k] for k in ("method", "http")} | {"bytes": len(payloads["small"]["body"])},
        "large": {k: payloads["large"][k] for k in ("method", "http", "items")}
        | {"bytes": len(payloads["large"]["body"])},
    }
    clients = {"docs2client": ours, "openapi-python-client": opc, "openapi-generator-cli": ogc}
    kinds = {"docs2client": "ours", "openapi-python-client": "opc", "openapi-generator-cli": "ogc"}
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in clients}
    for kind, folder in clients.items():
        if folder is None:
            result[kind] = {"error": "no generated client to measure (its generation failed or was skipped)"}
        else:
            # Byte-compile both clients first, as ``pip install`` does: imports then load bytecode, not source
            # (this matters where PYTHONDONTWRITEBYTECODE is set, as on CI machines).
            compileall.compile_dir(str(folder), quiet=1)
    # Alternate the two clients over several rounds, each in a fresh child, so load that comes and goes on the
    # machine hits both alike; each figure is then the minimum over all repeats (as ``timeit`` advises: the least
    # disturbed run), with the median beside it.
    for _ in range(_ROUNDS):
        for kind, folder in clients.items():
            if folder is None or "error" in result.get(kind, {}):
                continue
            # This file runs as a script in the clients' venv (the child side needs only the standard library).
            argv = [python, str(Path(__file__).resolve()), kinds[kind]]
            argv += [str(folder), str(payload_path), "--calls", str(calls), "--repeats", str(repeats)]
            run = run_child(argv)
            if not run.ok:
                result[kind] = {"error": run.tail()}
                continue
            runs[kind].append(json.loads(run.stdout))
    for kind, folder in clients.items():
        if folder is None or "error" in result.get(kind, {}):
            continue
        result[kind] = _combine_rounds(runs[kind])
        touch = ["Client"] if kind == "docs2client" else []
        result[kind]["import"] = import_time(folder, touch=touch, repeats=repeats, python=python)
    ours_r, ogc_r, opc_r = result["docs2client"], result["openapi-generator-cli"], result["openapi-python-client"]
    if "error" not in ours_r and "error" not in ogc_r:
        for key in ("small_call_s", "large_parse_s"):
            result[f"ratio_{key}"] = round(ogc_r[key]["min"] / ours_r[key]["min"], 3)
            result[f"ratio_{key}_median"] = round(ogc_r[key]["median"] / ours_r[key]["median"], 3)
    if "error" not in ours_r and "error" not in opc_r:
        for key in ("small_call_s", "large_parse_s"):
            result[f"ratio_{key}_opc"] = round(opc_r[key]["min"] / ours_r[key]["min"], 3)
            result[f"ratio_{key}_opc_median"] = round(opc_r[key]["median"] / ours_r[key]["median"], 3)
    if "error" not in ours_r and "floor_small_call_s" in ours_r:
        # ours over the floor: 1.0 would be no cost at all above httpx itself (lower is better, unlike the others)
        floor = ours_r["floor_small_call_s"]
        result["overhead_vs_floor"] = round(ours_r["small_call_s"]["min"] / floor["min"], 3)
        result["overhead_vs_floor_median"] = round(ours_r["small_call_s"]["median"] / floor["median"], 3)
    return result


#: Rounds of alternating child runs per client in :func:`client_runtime`.
_ROUNDS = 3


def _combine_rounds(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """One client's figures over all rounds: every repeat's per-call time, then min, median and max."""
    timed = ("small_call_s", "large_parse_s", "floor_small_call_s")
    combined: dict[str, Any] = {k: v for k, v in rounds[0].items() if k not in timed}
    for key in (k for k in timed if k in rounds[0]):
        values = sorted(v for r in rounds for v in r[key]["runs"])
        combined[key] = {
            "min": values[0],
            "median": values[len(values) // 2],
            "max": values[-1],
            "number": rounds[0][key]["number"],
            "rounds": len(rounds),
            "runs": values,
        }
    return combined


if __name__ == "__main__":
    raise SystemExit(main())
