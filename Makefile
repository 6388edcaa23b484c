# Two commands do all the set-up on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup compile report test test-fast fuzz lab bench yoast lint clean eval

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	@touch $(STAMP)

setup: $(STAMP)

# smpseo's own modules compiled ahead: an editable install leaves them to the first import, and where
# PYTHONDONTWRITEBYTECODE is set, every command would compile them from source again (half a warm check).
compile: $(STAMP)
	@$(BIN)/python -m compileall -q smpseo > /dev/null

report: compile
	@$(BIN)/smpseo report monthly --posts posts --out reports

test: compile
	$(BIN)/python -m pytest

# The quick tier (no notebook runs, no browser, no whole corpora), spread over the cores.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q -n auto

# The long fuzz profile: hundreds of mutated posts through every command (tests/test_fuzz.py).
fuzz: $(STAMP)
	SMPSEO_FUZZ=long $(BIN)/python -m pytest -q tests/test_fuzz.py

# Jupyter refuses to start as root (containers, CI boxes) unless told it may.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/hostile.py

# Yoast's analysis engine beside smpseo on the clinic's posts (needs Node and npm; nothing else does).
YOAST := benchmarks/yoast
$(YOAST)/node_modules/.installed: $(YOAST)/package-lock.json
	cd $(YOAST) && npm ci --no-audit --no-fund
	@touch $@

yoast: $(STAMP) $(YOAST)/node_modules/.installed
	node $(YOAST)/compare.js --python $(BIN)/python

# The FAQ-gap matcher against the labelled blogs, leave one clinic out (reads ../shared/corpora/faq-dev).
# With TORCH_PYTHON=<python of the build environment of scripts/build_word_vectors.py>, also the candidates that
# run the transformer itself (benchmarks/gaps_candidates.py; minutes, and torch, which smpseo never needs).
TORCH_PYTHON ?=
eval: $(STAMP)
	$(BIN)/python benchmarks/gaps_eval.py
	@if [ -n "$(TORCH_PYTHON)" ]; then echo; $(BIN)/python benchmarks/gaps_candidates.py --torch-python "$(TORCH_PYTHON)"; fi
	@if [ -n "$(SCORERS)" ]; then echo; $(BIN)/python benchmarks/gaps_scorers.py --settings; fi

lint: $(STAMP)
	$(BIN)/ruff check smpseo tests notebooks scripts benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
