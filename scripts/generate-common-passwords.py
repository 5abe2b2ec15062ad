#!/usr/bin/env python3
"""Writes Sources/WineBoxDomain/Security/CommonPasswords+List.swift, WineBox's list of common passwords.

The list serves ASVS 5.0 requirement 6.2.4: new passwords found among the most common ones are refused. It keeps
only entries that WineBox's length rule (8 to 128 characters) would otherwise accept, lower-cased and deduplicated.

Sources (provenance and licences: Sources/WineBoxDomain/Resources/README.md):
  1. Openwall's password.lst as shipped by Debian's john-data package (/usr/share/john/password.lst), public domain.
  2. The "passwords" frequency list of the zxcvbn package on PyPI (MIT licence).

Usage (Debian 12):
  apt-get install -y john-data
  pip download --no-deps --dest /tmp/zxcvbn zxcvbn==4.5.0
  python3 scripts/generate-common-passwords.py --zxcvbn /tmp/zxcvbn/zxcvbn-4.5.0-py2.py3-none-any.whl

The output is deterministic: the same inputs give the same file, byte for byte.
"""

import argparse
import hashlib
import pathlib
import sys

MIN_LENGTH = 8
MAX_LENGTH = 128
MIN_ENTRIES = 3000
MAX_OUTPUT_BYTES = 1024 * 1024
REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPOSITORY / "Sources/WineBoxDomain/Security/CommonPasswords+List.swift"


def sha256_of(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def read_john(path):
    """The entries of john's password.lst, skipping its '#!comment:' header lines."""
    text = pathlib.Path(path).read_bytes().decode("latin-1")
    return [line for line in text.splitlines() if line and not line.startswith("#!comment:")]


def read_zxcvbn(wheel):
    """The 'passwords' frequency list of zxcvbn, from a wheel file or, without one, the installed package."""
    if wheel:
        sys.path.insert(0, str(wheel))  # a wheel is a zip archive, which Python imports from directly
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # noqa: E402 (imported only once the path is known)

    passwords = FREQUENCY_LISTS["passwords"]
    return passwords.split(",") if isinstance(passwords, str) else list(passwords)


def usable(entry):
    """Whether an entry belongs in the list: a length WineBox would otherwise accept, printable ASCII only."""
    return MIN_LENGTH <= len(entry) <= MAX_LENGTH and all(33 <= ord(c) <= 126 for c in entry)


def render(entries, john_path, john_count, wheel, zxcvbn_count):
    """The Swift source: a raw multi-line string literal, one password per line."""
    body = "\n".join("    " + entry for entry in entries)
    if '"""#' in body or "\\#" in body:
        sys.exit('an entry contains """# or \\#, which a #"""..."""# raw string literal would not keep as text')
    zxcvbn_source = f"{pathlib.Path(wheel).name}, sha256\n//   {sha256_of(wheel)}" if wheel else "the installed package"
    header = [
        "// GENERATED FILE: do not edit. Regenerate with scripts/generate-common-passwords.py.",
        "//",
        f"// {len(entries)} common passwords of {MIN_LENGTH} to {MAX_LENGTH} characters, lower-cased, deduplicated,"
        " sorted.",
        f"// - {john_count} from {john_path} (Debian john-data, public domain), sha256",
        f"//   {sha256_of(john_path)}",
        f"// - {zxcvbn_count} from the 'passwords' list of zxcvbn (PyPI, MIT licence): {zxcvbn_source}",
        "// Provenance and licences: Sources/WineBoxDomain/Resources/README.md.",
        "",
        "extension CommonPasswords {",
        "    /// The list, one lower-case password per line (each line indented by the literal's 4 spaces).",
        '    static let listText = #"""',
    ]
    return "\n".join(header) + "\n" + body + '\n    """#\n}\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--john", default="/usr/share/john/password.lst", help="john-data's password.lst")
    parser.add_argument("--zxcvbn", help="a zxcvbn wheel; without it the installed zxcvbn package is used")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="the Swift file to write")
    arguments = parser.parse_args()

    john = {entry.lower() for entry in read_john(arguments.john) if usable(entry)}
    zxcvbn = {entry.lower() for entry in read_zxcvbn(arguments.zxcvbn) if usable(entry)}
    entries = sorted(john | zxcvbn)
    if len(entries) < MIN_ENTRIES:
        sys.exit(f"only {len(entries)} entries; ASVS asks for at least {MIN_ENTRIES}")

    source = render(entries, arguments.john, len(john), arguments.zxcvbn, len(zxcvbn))
    if len(source.encode()) > MAX_OUTPUT_BYTES:
        sys.exit(f"the generated file would be {len(source.encode())} bytes, over {MAX_OUTPUT_BYTES}")
    pathlib.Path(arguments.output).write_text(source)
    print(f"wrote {len(entries)} entries ({len(john)} from john, {len(zxcvbn)} from zxcvbn) to {arguments.output}")


if __name__ == "__main__":
    main()
