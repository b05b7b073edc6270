# One command to set up and run the main job, one to set up and run the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup browser run test lint score dictionary dashboard bench clean

$(BIN)/minutes: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt --config-settings editable_mode=compat -e '.[dev]'
	touch $(BIN)/minutes

setup: $(BIN)/minutes          ## create .venv with the pinned dependency set

run: setup                     ## run the pipeline on the bundled sample documents
	$(BIN)/minutes run

browser:                       ## Debian's chromium for the dashboard's browser tests (needs root or sudo)
	bash .ci/install-browser.sh || echo "chromium not installed: the browser tests will be skipped"

test: setup browser            ## run the test suite
	$(BIN)/pytest -q

dashboard: setup               ## serve the dashboard on the warehouse `make run` built
	$(BIN)/minutes dashboard --warehouse warehouse-out

bench: setup                   ## benchmark 1,000 and 10,000 generated documents, 3 runs each (about 40 minutes)
	$(BIN)/python bench/run.py --repeat 3 --out docs/benchmarks.md

lint: setup
	$(BIN)/ruff check .

score: setup                   ## build and score ../shared seeds and corpus (needs ../shared)
	MINUTES=$(BIN)/minutes PYTHON=$(BIN)/python ../shared/eval/score-all.sh

dictionary: setup              ## regenerate docs/data-dictionary.md from the schema
	$(BIN)/minutes dictionary --out docs/data-dictionary.md

clean:
	rm -rf warehouse-out state
