"""Packages from the npm registry (node and npm are on every machine), installed once into a cache
directory ($XDG_CACHE_HOME or ~/.cache) keyed by their pinned versions, so later runs install nothing."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def npm_packages(packages: dict[str, str]) -> Path:
    """A directory whose node_modules holds exactly these versions; concurrent sessions each install, one wins."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hitlai-schema"
    key = "-".join(f"{name.replace('/', '+')}@{version}" for name, version in sorted(packages.items()))
    target = root / f"npm-{key}"
    if (target / "node_modules" / ".package-lock.json").exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="npm-", dir=root))
    (staging / "package.json").write_text(json.dumps({"private": True, "dependencies": packages}))
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=staging,
        check=True,
        capture_output=True,
        timeout=600,
    )
    try:
        staging.rename(target)
    except OSError:  # another session finished first
        shutil.rmtree(staging, ignore_errors=True)
    return target
