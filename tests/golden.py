"""Golden output of the fixture site (tests/fixtures/site) kept in tests/golden/site/.

After a change to the output that you mean to make, regenerate it and review the diff:

    python3 tests/golden.py --update

Without --update it builds the fixture site and lists the files that differ (exit 1 if any).
Material's assets/ and the Pagefind index are left out: they are not our output.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import SITE_FIXTURE, build_site, site_files

GOLDEN = Path(__file__).parent / "golden" / "site"


def differences(site_dir: Path, golden: Path = GOLDEN) -> list[str]:
    """Paths that are missing, extra or different between a built site and the golden copy."""
    built, expected = site_files(site_dir), site_files(golden)
    missing = [f"missing: {p}" for p in sorted(expected.keys() - built.keys())]
    extra = [f"extra: {p}" for p in sorted(built.keys() - expected.keys())]
    changed = [f"changed: {p}" for p in sorted(built.keys() & expected.keys())
               if built[p] != expected[p]]
    return missing + extra + changed


def update(site_dir: Path, golden: Path = GOLDEN) -> int:
    """Replace the golden copy with the output in `site_dir`; return the number of files."""
    if golden.exists():
        shutil.rmtree(golden)
    files = site_files(site_dir)
    for path, data in files.items():
        target = golden / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite tests/golden/site/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(SITE_FIXTURE, Path(tmp) / "site")
        if args.update:
            print(f"wrote {update(site)} files to {GOLDEN}")
            return 0
        diffs = differences(site)
    print("\n".join(diffs) or "the fixture site matches the golden output")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
