"""Compare each pinned Python dependency with its latest release and PyPI's advisories for it.

Usage: .venv/bin/python scripts/audit_pins.py [requirements files]

A fallback for machines where pip-audit cannot reach an advisory service but the registry's
project pages (https://pypi.org/pypi/NAME/json) answer: their `vulnerabilities` list is the
latest release's, so a pin that is the latest release gets a real answer and an older pin is
named, with the release that would replace it. Exits 1 when a latest-release pin has an advisory.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;#]+)")


def pins(files: list[Path]) -> list[tuple[str, str]]:
    """Return (name, version) for every exact pin in the requirements files."""
    found = []
    for path in files:
        for line in path.read_text().splitlines():
            match = PIN.match(line.strip())
            if match:
                found.append((match.group(1), match.group(2)))
    return found


def main(argv: list[str] | None = None) -> int:
    """Print one line per pin and a summary; exit 1 on an advisory for a pinned release."""
    names = argv if argv is not None else sys.argv[1:]
    files = [Path(n) for n in names] or [Path("requirements.txt"), Path("requirements-dev.txt")]
    flagged = older = 0
    for name, version in pins(files):
        url = f"https://pypi.org/pypi/{name}/json"
        try:
            with urllib.request.urlopen(url, timeout=20) as response:
                project = json.load(response)
        except OSError as exc:
            print(f"{name}=={version}: registry unreachable ({exc})")
            continue
        latest = project["info"]["version"]
        advisories = [v.get("id") for v in project.get("vulnerabilities") or []]
        if latest == version:
            flagged += bool(advisories)
            state = f"latest; advisories: {', '.join(advisories) or 'none'}"
        else:
            older += 1
            state = f"older than {latest}: not covered, review by hand"
        print(f"{name}=={version}: {state}")
    print(f"{flagged} pinned latest releases with advisories; {older} pins older than latest")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
