#!/usr/bin/env bash
# Lists every third-party component in WineBox with its version, for checking against security advisories
# (e.g. https://security-tracker.debian.org). Run as `make audit`.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/winebox
if [ ! -x "$binary" ]; then
    swift build -c release --product winebox --static-swift-stdlib >/dev/null
fi

echo "WineBox $(grep -o 'current = "[^"]*"' Sources/WineBoxSupport/WineBoxVersion.swift | cut -d'"' -f2) - third-party components"
echo
echo "Debian packages of the shared libraries the binary loads (from ldd, mapped with dpkg -S):"
printf '  %-28s %-32s %s\n' "LIBRARY" "PACKAGE" "VERSION"
ldd "$binary" | awk '/=> \// {print $3}' | sort -u | while read -r library; do
    real=$(readlink -f "$library")
    package=$(dpkg -S "$real" 2>/dev/null | head -n1 | cut -d: -f1 || true)
    if [ -z "$package" ]; then
        package=$(dpkg -S "$library" 2>/dev/null | head -n1 | cut -d: -f1 || true)
    fi
    version=$( [ -n "$package" ] && dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo "?")
    printf '  %-28s %-32s %s\n' "$(basename "$library")" "${package:-not from a Debian package}" "$version"
done
echo
echo "Loaded on demand with dlopen (when a mail is sent through SMTP or SES):"
printf '  %-28s %-32s %s\n' "libcurl.so.4" "libcurl4" "$(dpkg-query -W -f='${Version}' libcurl4 2>/dev/null || echo 'not installed')"
echo
echo "Loaded by libvips when it starts (at the first image upload), from its modules folder:"
printf '  %-28s %-32s %s\n' "LIBRARY" "PACKAGE" "VERSION"
modules=$(ls /usr/lib/*/vips-modules-*/*.so 2>/dev/null || true)
if [ -n "$modules" ]; then
    # The modules themselves and the libraries they need that the binary does not load already.
    # shellcheck disable=SC2086
    comm -13 <(ldd "$binary" | awk '/=> \// {print $3}' | sort -u) \
        <({ printf '%s\n' $modules; ldd $modules | awk '/=> \// {print $3}'; } | sort -u) |
        while read -r library; do
            real=$(readlink -f "$library")
            package=$(dpkg -S "$real" 2>/dev/null | head -n1 | cut -d: -f1 || true)
            version=$( [ -n "$package" ] && dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo "?")
            printf '  %-28s %-32s %s\n' "$(basename "$library")" "${package:-not from a Debian package}" "$version"
        done
fi
echo
echo "Header-only or build-time components:"
for package in libtomlplusplus-dev libmicrohttpd-dev libsqlite3-dev libargon2-dev libssl-dev libcurl4-openssl-dev libvips-dev libarchive-dev; do
    printf '  %-28s %s\n' "$package" "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo 'not installed')"
done
echo
echo "Linked statically into the binary:"
echo "  Swift runtime and Foundation  $(swift --version 2>/dev/null | head -n1)"
echo
echo "Data shipped in the source tree:"
echo "  Common-password list          john-data 1.9.0-2 and zxcvbn 4.5.0 (see Sources/WineBoxDomain/Resources/README.md)"
