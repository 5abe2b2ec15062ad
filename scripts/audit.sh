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
# Prints a row for each library path read from standard input: its name, its Debian package and that version.
describe() {
    printf '  %-28s %-32s %s\n' "LIBRARY" "PACKAGE" "VERSION"
    while read -r library; do
        real=$(readlink -f "$library")
        package=$(dpkg -S "$real" 2>/dev/null | head -n1 | cut -d: -f1 || true)
        if [ -z "$package" ]; then
            package=$(dpkg -S "$library" 2>/dev/null | head -n1 | cut -d: -f1 || true)
        fi
        version=$( [ -n "$package" ] && dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo "?")
        printf '  %-28s %-32s %s\n' "$(basename "$library")" "${package:-not from a Debian package}" "$version"
    done
}

linked=$(ldd "$binary" | awk '/=> \// {print $3}' | sort -u)

# Describes a library WineBox loads with dlopen (`$1`, a soname) and the libraries it needs that the binary does not
# load already; prints `$2` instead when the library is not installed.
describe_loaded_on_demand() {
    local path
    path=$("$(command -v ldconfig || echo /sbin/ldconfig)" -p | awk -v name="$1" '$1 == name && !found {print $NF; found = 1}')
    if [ -n "$path" ]; then
        comm -13 <(echo "$linked") <({ echo "$path"; ldd "$path" | awk '/=> \// {print $3}'; } | sort -u) | describe
    else
        echo "  $1 is not installed: $2"
    fi
}

echo "Debian packages of the shared libraries the binary loads (from ldd, mapped with dpkg -S):"
echo "$linked" | describe
echo
echo "Loaded on demand with dlopen (when a mail is sent through SMTP or SES):"
printf '  %-28s %-32s %s\n' "libcurl.so.4" "libcurl4" "$(dpkg-query -W -f='${Version}' libcurl4 2>/dev/null || echo 'not installed')"
echo
echo "Loaded on demand with dlopen (by winebox backup and restore): libarchive and the libraries it needs that"
echo "the binary does not load already."
describe_loaded_on_demand libarchive.so.13 "backup and restore fail with a message saying so"
echo
echo "Loaded on demand with dlopen (at the first label photo upload): libvips and the libraries it needs"
echo "that the binary does not load already. Its modules (ImageMagick, HEIF, …) are never loaded: WineBox starts it"
echo "with VIPSHOME=/dev/null unless VIPSHOME is set."
describe_loaded_on_demand libvips.so.42 "label photo uploads answer 503"
echo
echo "Loaded on demand with dlopen (at the first label scan): Tesseract, the libraries it needs that the binary"
echo "does not load already (some shared with libvips), and the language models it reads."
describe_loaded_on_demand libtesseract.so.5 "offline label reading answers 503"
for package in tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-ita tesseract-ocr-spa tesseract-ocr-por; do
    printf '  %-28s %-32s %s\n' "(language model)" "$package" "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo 'not installed')"
done
echo
echo "Header-only or build-time components:"
for package in libtomlplusplus-dev libmicrohttpd-dev libsqlite3-dev libargon2-dev libssl-dev libcurl4-openssl-dev libvips-dev libarchive-dev libtesseract-dev; do
    printf '  %-28s %s\n' "$package" "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo 'not installed')"
done
echo
echo "Linked statically into the binary:"
echo "  Swift runtime and Foundation  $(swift --version 2>/dev/null | head -n1)"
echo
echo "Data shipped in the source tree:"
echo "  Common-password list          john-data 1.9.0-2 and zxcvbn 4.5.0 (see Sources/WineBoxDomain/Resources/README.md)"
echo "  Label gazetteers              written for WineBox (see Sources/WineBoxDomain/Resources/README.md)"
