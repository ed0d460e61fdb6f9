# The two commands: `make briefs` (the main job) and `make test`. Both create .venv when missing
# and (re)install the package whenever pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2
OUT    ?= reports

.PHONY: briefs test install bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,parallel]"
	touch $(STAMP)

install: $(STAMP)

briefs: $(STAMP)
	$(BIN)/mzanalysis briefs --jobs $(JOBS) --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/briefs.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
