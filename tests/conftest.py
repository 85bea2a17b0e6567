"""Shared pytest setup: make tests/ importable so test modules can share tests/factories.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
