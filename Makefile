# The two commands of the README: `make demo` (set up, build the graph, answer a question)
# and `make test` (set up, run the tests).  Both install from this repository's own files.
PYTHON ?= python3
VENV ?= .venv
DIPLOGRAPH_TEXTS ?= $(abspath ../shared/seeds)
export DIPLOGRAPH_TEXTS
BIN = $(VENV)/bin

.PHONY: install demo test clean

$(BIN)/diplograph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/diplograph

demo: install
	$(BIN)/diplograph build
	$(BIN)/diplograph query asylum-grants

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf var $(VENV)
