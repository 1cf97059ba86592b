"""The installed Chromium the browser tests and docs/build.py drive (never a downloaded one), and its flags."""

from __future__ import annotations

import os
import shutil

#: Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
CHROMIUM_FLAGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in (os.environ.get("FACTCHECK_CHROMIUM"), "chromium", "chromium-browser"):
        found = name and shutil.which(name)
        if found:
            return found
    return None
