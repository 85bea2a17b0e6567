"""Shared pytest setup: make tests/ importable so test modules can share tests/factories.py."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The fixture site of tests/fixtures/site, built once per test session."""
    from sitebuild import SITE_FIXTURE, build_site

    return build_site(SITE_FIXTURE, tmp_path_factory.mktemp("site"))
