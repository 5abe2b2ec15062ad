"""Where the project's shared test data is (`shared/data`), found the way the Swift tests' `SharedData` finds it."""

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]


def find():
    """WINEBOX_SHARED_DATA, else shared/data beside the checkout or beside any folder above it (as CI lays it out),
    else /work/shared/data; None when none of them exists."""
    if os.environ.get("WINEBOX_SHARED_DATA"):
        return Path(os.environ["WINEBOX_SHARED_DATA"])
    for folder in [CHECKOUT, *CHECKOUT.parents]:
        if (folder.parent / "shared" / "data").is_dir():
            return folder.parent / "shared" / "data"
    fallback = Path("/work/shared/data")
    return fallback if fallback.is_dir() else None
