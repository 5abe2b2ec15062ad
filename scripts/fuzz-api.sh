#!/usr/bin/env bash
# Fuzzes the API as /openapi.json describes it, with Schemathesis (PyPI), against a fresh server.
#
# Starts `winebox serve` on a free loopback port with a temporary data directory and rate limits off, creates an
# admin, signs in, and runs `schemathesis run` with the admin's token: every operation gets generated requests,
# valid and invalid, and each answer is checked against the document (status, headers, content type, schema) and
# for server errors. Sign-out is left out, since it would revoke the token the run uses.
#
# Three of Schemathesis' checks are off, for behaviour that is intended and documented in docs/api.md:
# - negative_data_rejection: WineBox accepts more than the schemas say (a blank field counts as absent, numbers
#   may come as strings, enums in any case);
# - positive_data_acceptance: some schema-valid input breaks rules JSON Schema does not express (a name or a label
#   for a check-in, a recipient for a gift, a grape listed twice in any case, the password policy, valid links);
# - allow_header_conformance: `/api/wines/checkin` also fits the pattern `/api/wines/{id}`, so a 405 there lists
#   that route's methods too, which the router does answer (with 404 for the wine "checkin").
#
# Usage: scripts/fuzz-api.sh [BINARY [SCHEMATHESIS OPTION...]]   (default .build/release/winebox)
#   e.g. scripts/fuzz-api.sh .build/debug/winebox --include-tag Lots
# Environment: FUZZ_EXAMPLES (test cases per operation, default 20), FUZZ_SEED (for a reproducible run).
# Schemathesis is installed once into .build/schemathesis (a virtual environment).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(realpath "${1:-$root/.build/release/winebox}")
shift || true
examples=${FUZZ_EXAMPLES:-20}
venv=$root/.build/schemathesis
schemathesis_version=4.32.5

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$schemathesis_version"; then
    echo "Installing Schemathesis $schemathesis_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
password="fuzzing pass phrase $RANDOM"
export WINEBOX_SECRET_KEY=$(openssl rand -hex 32)
export WINEBOX_STORAGE_DATA_DIR=$work/data
export WINEBOX_SERVER_PORT=$port
export WINEBOX_SERVER_RATE_LIMIT_ENABLED=false
export WINEBOX_LOGGING_LEVEL=error

# An empty configuration file, so no config.toml of the checkout or the machine is read: defaults and the
# environment above only.
: >"$work/config.toml"
cd "$work"
echo "$password" | "$binary" --config "$work/config.toml" user add fuzz@example.com --admin --password-stdin >/dev/null
"$binary" --config "$work/config.toml" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    sleep 0.1
done

token=$(curl -fsS -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\": \"fuzz@example.com\", \"password\": \"$password\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

seed=()
if [ -n "${FUZZ_SEED:-}" ]; then
    seed=(--seed "$FUZZ_SEED")
fi
status=0
"$venv/bin/schemathesis" run "$base/openapi.json" \
    --header "Authorization: Bearer $token" \
    --max-examples "$examples" "${seed[@]}" \
    --exclude-operation-id signOut \
    --exclude-checks negative_data_rejection,positive_data_acceptance,allow_header_conformance \
    --generation-database none \
    --no-color "$@" || status=$?
if [ "$status" -ne 0 ] && grep -q . "$work/server.log"; then
    echo "--- server log ---"
    cat "$work/server.log"
fi
exit "$status"
