#!/usr/bin/env bash
# Runs schemathesis (from PyPI) against a throw-away Steward on loopback, with an
# administrator's API token, over every operation of /api/v1/openapi.json. Fails on any 5xx,
# an undocumented status or content type, a response that does not match its schema, or a
# crash. Used by .ci/run; needs the debug binary (cargo build).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v st >/dev/null 2>&1; then
    echo "Installing schemathesis from PyPI"
    python3 -m pip install --quiet schemathesis || { echo "FATAL: could not install schemathesis" >&2; exit 1; }
fi
bin="$PWD/target/debug/steward"
[ -x "$bin" ] || cargo build --quiet
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
export STEWARD_DATABASE_URL="sqlite://$dir/steward.db" STEWARD_BIND="127.0.0.1:$port" STEWARD_LOG=warn
export STEWARD_RATE_LOGIN=off STEWARD_RATE_INTAKE=off STEWARD_RATE_VERIFY=off STEWARD_RATE_CONSENT=off
export STEWARD_SCHEDULER_INTERVAL_MS=500
unset STEWARD_SMTP_URL
(cd "$dir" && "$bin" migrate >/dev/null 2>&1)
(cd "$dir" && printf 'schemathesis runs here 42\n' | "$bin" admin create --email admin@ci.example --name CI --password-stdin >/dev/null)
token="$(cd "$dir" && "$bin" token create --email admin@ci.example --name schemathesis 2>/dev/null)"
(cd "$dir" && exec "$bin" serve >"$dir/serve.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs -H "Authorization: Bearer $token" "$base/api/v1/openapi.json" >"$dir/openapi.json"

set +e
st run "$dir/openapi.json" --url "$base" \
    -H "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing,stateful \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
    --workers 2 \
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
