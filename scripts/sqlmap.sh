#!/usr/bin/env bash
# SQL injection probe: starts Steward on a throw-away SQLite database on a free loopback port
# and runs sqlmap (Debian package `sqlmap`) in batch mode against the public request form and
# the staff sign-in form, with bounded level, risk and time (about a minute at the defaults). Exits non-zero if sqlmap reports
# an injectable parameter (or cannot run). Loopback only; nothing else is contacted.
#
#   scripts/sqlmap.sh                 # uses target/{release,debug}/steward, building if needed
#   STEWARD_BIN=/path/to/steward scripts/sqlmap.sh
#   SQLMAP_LEVEL=3 SQLMAP_RISK=2 SQLMAP_MAX_SECONDS=600 scripts/sqlmap.sh
#   SQLMAP_LOG_DIR=/tmp scripts/sqlmap.sh   # keep sqlmap's full output
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sqlmap >/dev/null || { echo "sqlmap is not installed (apt-get install sqlmap)" >&2; exit 2; }

target_dir="${CARGO_TARGET_DIR:-target}"
bin="${STEWARD_BIN:-}"
if [[ -z "$bin" ]]; then
    for b in "$target_dir/release/steward" "$target_dir/debug/steward"; do
        if [[ -x "$b" ]]; then bin="$b"; break; fi
    done
fi
if [[ -z "$bin" ]]; then
    cargo build --quiet
    bin="$target_dir/debug/steward"
fi

level="${SQLMAP_LEVEL:-2}"
risk="${SQLMAP_RISK:-2}"
max_seconds="${SQLMAP_MAX_SECONDS:-240}"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
export STEWARD_DATABASE_URL="sqlite://$work/steward.db"
export STEWARD_BIND="127.0.0.1:$port"
export STEWARD_BASE_URL="$base"
export STEWARD_MAIL_DIR="$work/mail"
# sqlmap sends thousands of requests from one address: no rate limits for this run.
export STEWARD_RATE_LOGIN=off STEWARD_RATE_INTAKE=off STEWARD_RATE_VERIFY=off
export STEWARD_LOG=warn

# A real account, so the sign-in form runs its whole path (lockout included).
printf 'orbit kettle velvet 42\n' | "$bin" admin create --email admin@sqlmap.example --password-stdin >/dev/null
"$bin" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "$base/healthz" >/dev/null || { echo "Steward did not start:" >&2; cat "$work/server.log" >&2; exit 2; }

found=0
run() {
    local name="$1" path="$2" data="$3" params="$4"
    shift 4
    echo "== sqlmap: $name (POST $path; level $level, risk $risk, at most ${max_seconds}s)"
    local log="${SQLMAP_LOG_DIR:-$work}/sqlmap-$name.log"
    # The forms carry a double-submit CSRF token: sqlmap fetches the form page before every
    # request (--csrf-url) and keeps the cookie it sets.
    set +e
    TERM=dumb timeout "$max_seconds" sqlmap -u "$base$path" --data "$data" \
        -p "$params" --csrf-token=csrf --csrf-url="$base$path" \
        --batch --level="$level" --risk="$risk" --time-sec=2 --timeout=10 \
        --retries=1 --disable-coloring --output-dir="$work/sqlmap" "$@" >"$log" 2>&1
    local rc=$?
    set -e
    grep -E "^\[[0-9:]+\] \[(WARNING|CRITICAL|ERROR)\]|all tested parameters|is vulnerable|injectable|identified the following injection point" "$log" | sort | uniq -c | sort -rn | head -20 || true
    tail -n 3 "$log"
    if grep -qE "identified the following injection point|parameter '[^']+' is vulnerable|appears to be '.*' injectable" "$log"; then
        echo "!! $name: sqlmap reports an injectable parameter; full log below" >&2
        cat "$log" >&2
        found=1
    elif grep -E "\[(CRITICAL|ERROR)\]" "$log" | grep -qv "all tested parameters do not appear to be injectable"; then
        echo "!! $name: sqlmap could not test the form (see above)" >&2
        found=1
    elif [[ $rc -eq 124 ]]; then
        echo "   (stopped after ${max_seconds}s; no injection found in the tests that ran)"
    fi
}

run intake /privacy/requests/new \
    "kind=access&jurisdiction=gdpr&email=probe%40example.org&name=Probe&details=hello&csrf=x" \
    "kind,jurisdiction,email,name,details"
run login /console/login \
    "email=admin%40sqlmap.example&password=wrong-password-123&next=%2Fconsole%2Frequests&csrf=x" \
    "email,password,next" --ignore-code=401

if grep -qiE "panicked|internal error" "$work/server.log"; then
    echo "!! the server logged internal errors during the probe:" >&2
    grep -iE "panicked|internal error" "$work/server.log" | sort | uniq -c >&2
    found=1
fi

if [[ $found -ne 0 ]]; then
    echo "sqlmap: FAILED"
    exit 1
fi
echo "sqlmap: no injectable parameter found"
