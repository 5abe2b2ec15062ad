#!/usr/bin/env bash
# Runs the browser tests: headless Chromium (Debian `chromium` + `chromium-driver`) driving a real WineBox server.
#
# Usage: scripts/browser-tests/run.sh [PYTEST ARGUMENT...]
#   e.g. scripts/browser-tests/run.sh -m smoke          (the subset `make test` runs)
#        scripts/browser-tests/run.sh -k cellar -x
# Environment: WINEBOX_BINARY (default .build/debug/winebox), BROWSER_TESTS_HEADED=1 to watch (needs a display).
# The Python packages of requirements.txt are installed once into .build/browser-tests.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$root/.build/browser-tests
stamp=$venv/.requirements

if ! cmp -s "$here/requirements.txt" "$stamp" 2>/dev/null; then
    echo "Installing the browser tests' Python packages into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    cp "$here/requirements.txt" "$stamp"
fi

cd "$here"
exec "$venv/bin/python" -m pytest "$@"
