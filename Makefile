# Two commands for a newcomer: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean lock

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f storyline.db storyline.db-wal storyline.db-shm
	$(BIN)/storyline ingest examples/
	$(BIN)/storyline stats
	@echo
	$(BIN)/storyline stories --limit 5
	@echo
	@$(BIN)/python -c "from storyline.render import NEXT_STEPS; print(NEXT_STEPS)"

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^storyline' > requirements.lock

clean:
	rm -rf $(VENV) storyline.db storyline.db-wal storyline.db-shm
