"""Helpers shared by the test modules."""

import os
from typing import NoReturn

import pytest


def service_unavailable(reason: str) -> NoReturn:
    """Skip on a developer's machine, but fail under CI, where every server must be up."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)
