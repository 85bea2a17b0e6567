"""The search bundles kept in the build cache: a folder per bundle key, linked into the site.

A bundle is stored read-only and whole (built aside, then renamed into place), linked into a
site when its key comes again, and pruned when a build did not use it (renamed away first, so
that another build never links half a bundle).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from generator.search.bundle import ENTRY


class BundleCache:
    """The bundles under `folder`, one folder per key."""

    def __init__(self, folder: Path):
        self.folder = folder

    def has(self, key: str) -> bool:
        """Whether a whole bundle is kept under `key`."""
        return (self.folder / key / ENTRY).is_file()

    def place(self, key: str, target: Path) -> bool:
        """Link the bundle kept under `key` to `target`; False if it is gone meanwhile."""
        return place(self.folder / key, target)

    def store(self, bundle: Path, key: str) -> None:
        """Keep a finished bundle under `key`: built aside, then renamed into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=self.folder, prefix=".tmp-"))
        try:
            place(bundle, temporary / "b", read_only=True)
            os.replace(temporary / "b", self.folder / key)
        except OSError:  # another build stored it meanwhile, or the disk is full: not needed
            pass
        finally:
            shutil.rmtree(temporary, ignore_errors=True)

    def prune(self, used: set[str]) -> int:
        """Delete the bundles whose keys are not in `used`; returns how many went."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for entry in os.scandir(self.folder):
            if entry.name not in used:
                # renamed first, so that another build never links half a bundle
                gone = self.folder / f".tmp-gone-{entry.name}"
                with contextlib.suppress(OSError):
                    os.replace(entry.path, gone)
                shutil.rmtree(gone, ignore_errors=True)
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
        return removed


def place(source: Path, target: Path, read_only: bool = False) -> bool:
    """Hard-link (or, across file systems, copy) a bundle folder's files; False if it failed.

    Linking is safe here: nothing writes a bundle's files in place. Pagefind writes a new
    folder, normalising replaces files, and the cache's copies are read-only, so a tool that
    tried to change a site's file in place would fail instead of changing the cache.
    """
    def fail(error: OSError) -> None:
        raise error

    try:
        for folder, dirs, files in os.walk(source, onerror=fail):
            dirs.sort()
            relative = Path(folder).relative_to(source)
            (target / relative).mkdir(parents=True, exist_ok=True)
            for name in sorted(files):
                src, dst = Path(folder, name), target / relative / name
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copyfile(src, dst)
                if read_only:
                    os.chmod(dst, 0o444)
        if not (target / ENTRY).is_file():
            raise FileNotFoundError(source / ENTRY)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)  # a cached bundle pruned meanwhile
        return False
    return True
