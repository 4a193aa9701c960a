#!/usr/bin/env bash
# Runs schemathesis (from PyPI) against a throw-away Steward on loopback, with an
# administrator's API token, over every operation of /api/v1/openapi.json. First each
# operation's documented example, once, in the document's order: a body the server refuses
# (400, 422, 409) fails the run. Then every phase: fails on any 5xx, an undocumented status
# or content type, a response that does not match its schema, or a crash. Used by .ci/run;
# needs the debug binary (cargo build).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v st >/dev/null 2>&1; then
    echo "Installing schemathesis from PyPI"
    python3 -m pip install --quiet schemathesis || { echo "FATAL: could not install schemathesis" >&2; exit 1; }
fi
bin="${CARGO_TARGET_DIR:-$PWD/target}/debug/steward"
[ -x "$bin" ] || cargo build --quiet
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
export STEWARD_DATABASE_URL="sqlite://$dir/steward.db" STEWARD_BIND="127.0.0.1:$port" STEWARD_LOG=warn
export STEWARD_RATE_LOGIN=off STEWARD_RATE_INTAKE=off STEWARD_RATE_VERIFY=off STEWARD_RATE_CONSENT=off
export STEWARD_SCHEDULER_INTERVAL_MS=500
unset STEWARD_SMTP_URL
(cd "$dir" && "$bin" migrate >/dev/null 2>&1)
# The examples name owner@shop.example as a store's owner: here, the administrator.
(cd "$dir" && printf 'schemathesis runs here 42\n' | "$bin" admin create --email owner@shop.example --name CI --password-stdin >/dev/null)
token="$(cd "$dir" && "$bin" token create --email owner@shop.example --name schemathesis 2>/dev/null)"
(cd "$dir" && exec "$bin" serve >"$dir/serve.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs -H "Authorization: Bearer $token" "$base/api/v1/openapi.json" >"$dir/openapi.json"

# Positive coverage: each documented example once, one operation at a time in the document's
# order (so the purpose exists before consent is recorded for it). Accepted means 2xx; 404
# where the path names an object no example created, 401 where the banner's call needs a
# site key this run has not got. A correction's approval needs a SQL store's preview first,
# which no example makes: 409 there (tests/it/openapi_examples.rs approves one for real).
cat >"$dir/accept.toml" <<'TOML'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "404"]
TOML
cat >"$dir/accept-409.toml" <<'TOML'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "404", "409"]
TOML
python3 - "$dir/openapi.json" >"$dir/examples.txt" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
# What one example makes that the next needs: purposes before consent, a store before tasks.
first = ["/api/v1/purposes", "/api/v1/site-keys", "/api/v1/consent", "/api/v1/stores", "/api/v1/requests"]
rank = lambda path: next((i for i, p in enumerate(first) if path.startswith(p)), len(first))
for path, item in sorted(doc["paths"].items(), key=lambda kv: (rank(kv[0]), kv[0])):
    for method, op in item.items():
        if "example" in op.get("requestBody", {}).get("content", {}).get("application/json", {}):
            print(op["operationId"], path)
PY
[ -s "$dir/examples.txt" ] || { echo "FATAL: the description has no examples" >&2; exit 1; }
while read -r operation path; do
    config="$dir/accept.toml"
    [ "$path" = "/api/v1/requests/{id}/corrections" ] && config="$dir/accept-409.toml"
    if ! st --config-file "$config" run "$dir/openapi.json" --url "$base" \
        -H "Authorization: Bearer $token" \
        --include-operation-id "$operation" \
        --checks not_a_server_error,positive_data_acceptance \
        --phases examples --mode positive --workers 1 --no-color >"$dir/example.log" 2>&1; then
        cat "$dir/example.log" >&2
        echo "FATAL: the documented example of $operation was refused" >&2
        exit 1
    fi
    echo "example accepted: $operation"
done <"$dir/examples.txt"

# One worker: with two, hypothesis's lambda descriptions call ast.parse from two threads, and
# CPython 3.11 fails that now and then ("AST constructor recursion depth mismatch"), failing
# the run for a reason that is not the API's.
set +e
st run "$dir/openapi.json" --url "$base" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing,stateful \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
    --workers 1 \
    --suppress-health-check all \
    --no-color "$@"
status=$?
set -e
if grep -q "panicked" "$dir/serve.log"; then
    echo "FATAL: the server panicked during the run:" >&2
    grep -A5 "panicked" "$dir/serve.log" >&2
    exit 1
fi
exit $status
