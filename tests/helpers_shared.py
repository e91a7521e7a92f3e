"""``shared_path``: files under ../shared for the ingest tests (skip when absent; fail under CI=true)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """``SHARED/parts``; ``pytest.skip`` when it is missing, ``pytest.fail`` when CI=true requires it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing; CI=true needs ../shared beside the checkout")
        pytest.skip(f"{path} not present")
    return path
