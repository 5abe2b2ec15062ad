#!/usr/bin/env bash
# For `make run`: when no WINEBOX_SECRET_KEY is configured, writes ./secrets.env with a fresh random key
# (mode 0600), so the quick start runs in production mode without manual steps. An existing key is kept.
set -euo pipefail

if [ -n "${WINEBOX_SECRET_KEY:-}" ]; then
    exit 0
fi
if [ -f secrets.env ] && grep -Eq '^[[:space:]]*(export[[:space:]]+)?WINEBOX_SECRET_KEY[[:space:]]*=[[:space:]]*[^[:space:]]' secrets.env; then
    exit 0
fi
umask 077
key=$(openssl rand -base64 48 | tr -d '\n')
{
    echo "# Created by 'make run' because no WINEBOX_SECRET_KEY was set. Keep this file private."
    echo "WINEBOX_SECRET_KEY=$key"
} >> secrets.env
chmod 600 secrets.env
echo "Created ./secrets.env with a random WINEBOX_SECRET_KEY (keep it private; sign-ins depend on it)."
