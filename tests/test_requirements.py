"""Tests of the hash-pinned locks in requirements/ (written by scripts/lock from pyproject.toml)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
RELOCK = "run `bash scripts/lock` and commit requirements/"
DEBIAN_PYTHON = "3.11.2"  # the oldest Python 3.11 the locks are for (scripts/lock)


def pyproject() -> dict:
    """pyproject.toml, parsed."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def wanted(extras: tuple[str, ...] = ()) -> list[str]:
    """The project's dependencies, plus those of the given extras, as written in pyproject.toml."""
    project = pyproject()["project"]
    optional = project.get("optional-dependencies", {})
    return project["dependencies"] + [req for extra in extras for req in optional[extra]]


def pins(text: str) -> dict[str, tuple[str, int]]:
    """A lock's pins: canonical name -> (version, number of hashes)."""
    found: dict[str, tuple[str, int]] = {}
    name = None
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match["name"])
            found[name] = (match["version"], 0)
        if name is not None and HASH.search(line):
            version, count = found[name]
            found[name] = (version, count + len(HASH.findall(line)))
    return found


def extra_requirements(name: str, extras: set[str]) -> list[Requirement]:
    """What the installed distribution `name` needs for `extras` on this platform."""
    needed = []
    for text in metadata.requires(name) or []:
        req = Requirement(text)
        if req.marker is None:
            continue
        if any(req.marker.evaluate({**default_environment(), "extra": extra})
               for extra in extras):
            req.marker = None  # evaluated here, for this platform and these extras
            needed.append(req)
    return needed


def uncovered(requirements: list[str], locked: dict[str, tuple[str, int]], lock: str) -> list[str]:
    """Each requirement (and each requirement of its extras) that the lock does not satisfy."""
    problems = []
    queue = [(Requirement(text), "pyproject.toml") for text in requirements]
    while queue:
        req, origin = queue.pop(0)
        if req.marker is not None and not req.marker.evaluate():
            continue
        pinned = locked.get(canonicalize_name(req.name))
        if pinned is None:
            problems.append(f"{lock} does not pin {req} (from {origin}): {RELOCK}")
        elif not req.specifier.contains(pinned[0], prereleases=True):
            problems.append(f"{lock} pins {req.name}=={pinned[0]}, outside {req} "
                            f"(from {origin}): {RELOCK}")
        elif req.extras:
            queue += [(extra, f"{req.name}[{','.join(sorted(req.extras))}]")
                      for extra in extra_requirements(req.name, req.extras)]
    return problems


LOCK_EXTRAS = {"build.txt": (), "test.txt": ("test",)}


@pytest.mark.parametrize("lock", sorted(LOCK_EXTRAS))
def test_the_lock_covers_every_dependency_of_pyproject(lock):
    locked = pins((LOCKS / lock).read_text(encoding="utf-8"))
    problems = uncovered(wanted(LOCK_EXTRAS[lock]), locked, f"requirements/{lock}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lock", sorted(LOCK_EXTRAS))
def test_every_pin_of_the_lock_has_hashes(lock):
    text = (LOCKS / lock).read_text(encoding="utf-8")
    locked = pins(text)
    assert locked, f"requirements/{lock} pins nothing"
    assert not [name for name, (_, hashes) in locked.items() if hashes == 0]
    assert text.splitlines()[1] == "#    bash scripts/lock"  # the header names the command


def test_the_build_lock_agrees_with_the_test_lock():
    build = pins((LOCKS / "build.txt").read_text(encoding="utf-8"))
    test = pins((LOCKS / "test.txt").read_text(encoding="utf-8"))
    differ = {name: (build[name][0], test.get(name, ("missing",))[0]) for name in build
              if test.get(name, ("",))[0] != build[name][0]}
    assert not differ, f"the tests would check other versions than the site is built with: {differ}"


def test_the_locks_include_the_pagefind_binary_and_properdocs():
    build = pins((LOCKS / "build.txt").read_text(encoding="utf-8"))
    test = pins((LOCKS / "test.txt").read_text(encoding="utf-8"))
    # pagefind[bin] brings the platform wheels of the binary: one hash per platform at least.
    assert build["pagefind-bin"][1] >= 4
    assert "properdocs" in test and "properdocs" not in build


def test_every_locked_package_installed_here_runs_on_debian_12s_python():
    # scripts/lock resolves for Python 3.11.2 (Debian 12); a pin moved by hand or by Dependabot
    # to a release that needs a later 3.11 would break the README's first command there.
    locked = pins((LOCKS / "test.txt").read_text(encoding="utf-8"))
    checked, refused = 0, []
    for name, (version, _) in sorted(locked.items()):
        try:
            installed = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        if installed["Version"] != version:
            continue  # not installed from the lock; scripts/test always installs from it
        checked += 1
        needs = installed.get("Requires-Python")
        if needs and not SpecifierSet(needs).contains(DEBIAN_PYTHON):
            refused.append(f"{name}=={version} needs Python {needs}")
    assert checked >= len(locked) // 2, "install the test lock first (scripts/test does)"
    assert not refused, f"not installable on Python {DEBIAN_PYTHON}: {refused}; {RELOCK}"


def test_a_forgotten_relock_is_reported_with_what_to_run():
    locked = {"mkdocs": ("1.6.1", 2), "pagefind": ("1.5.2", 2), "pagefind-bin": ("1.5.2", 6)}
    problems = uncovered(["mkdocs>=1.6,<2", "nh3>=0.2", "mkdocs-material>=9.6",
                          "pagefind[bin]>=1.5,<1.6", "mkdocs>=1.7",
                          "pywin32>=300; sys_platform == 'win32'"], locked, "requirements/x.txt")
    assert problems == [
        f"requirements/x.txt does not pin nh3>=0.2 (from pyproject.toml): {RELOCK}",
        f"requirements/x.txt does not pin mkdocs-material>=9.6 (from pyproject.toml): {RELOCK}",
        f"requirements/x.txt pins mkdocs==1.6.1, outside mkdocs>=1.7 (from pyproject.toml): "
        f"{RELOCK}",
    ]


def test_an_extra_needs_its_own_requirements_in_the_lock():
    locked = {"pagefind": ("1.5.2", 2)}
    problems = uncovered(["pagefind[bin]>=1.5,<1.6"], locked, "requirements/x.txt")
    assert len(problems) == 1
    assert problems[0].startswith("requirements/x.txt does not pin pagefind-bin")
    assert "(from pagefind[bin])" in problems[0]
