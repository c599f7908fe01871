# Two entry points for a fresh machine: `make run DOCS=...` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DOCS ?=
INDEX ?= .index
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: venv run test eval eval-corpus heldout bench clean browser

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	# torch first, pinned: the CPU build on this disk (plain `torch` pulls a multi-GB CUDA build)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

venv: $(VENV)/.installed

# Ingest DOCS (files that fail are named and skipped), then open the app on http://127.0.0.1:7860
run: venv
	@if [ -n "$(DOCS)" ]; then $(BIN)/python -m assistant ingest $(DOCS) --index $(INDEX) || true; fi
	$(BIN)/python -m assistant serve --index $(INDEX)

# The browser tests drive Debian's chromium through Playwright (`playwright install` cannot reach its CDN).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

# Two workers: the slow tests wait on CLI processes, servers and the browser as much as they compute
# (about 9 minutes instead of 12 on 2 cores).
test: venv browser
	$(BIN)/python -m pytest -n 2

# The figures in docs/evaluation.md: the dev set over seeds + Medway PDFs, and over the seeds alone; dev sets 2-11.
eval: venv
	rm -rf .eval-index .eval-seeds
	$(BIN)/python -m evals run --dataset evals/datasets/medway_dev.jsonl \
	  --docs ../shared/seeds ../shared/corpus/medway --index .eval-index \
	  --retriever dense --retriever bm25 --retriever hybrid --out out/eval-dev
	$(BIN)/python -m evals run --dataset evals/datasets/medway_dev.jsonl \
	  --docs ../shared/seeds --index .eval-seeds \
	  --retriever dense --retriever bm25 --retriever hybrid --out out/eval-seeds
	for set in dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10 dev11 dev12 dev13 dev14 dev15 dev16 dev17 dev18 dev19 dev20 dev21; do \
	  $(BIN)/python -m evals run --dataset evals/datasets/medway_$$set.jsonl \
	    --docs ../shared/seeds ../shared/corpus/medway --index .eval-index --out out/eval-$$set || exit 1; \
	done

# The held-out set: written once, blind, after the answerer was tuned on the dev sets; measured, never tuned on.
heldout: venv
	$(BIN)/python -m evals check --dataset evals/datasets/medway_heldout.jsonl --docs ../shared/seeds ../shared/corpus/medway
	$(BIN)/python -m evals run --dataset evals/datasets/medway_heldout.jsonl \
	  --docs ../shared/seeds ../shared/corpus/medway --index .eval-index --out out/eval-heldout

# The whole corpus (../shared/corpus and the seeds, ~5,000 chunks; ingest ~5 minutes): the other-council
# dev set, and the Medway dev set as the assistant reads it (the seeds are Medway's own papers, so Medway is the
# home council) and with no home council (docs/domain.md).
eval-corpus: venv
	$(BIN)/python -m evals run --dataset evals/datasets/other_councils_dev.jsonl \
	  --docs ../shared/corpus ../shared/seeds --index .eval-full \
	  --retriever dense --retriever bm25 --retriever hybrid --out out/eval-others
	$(BIN)/python -m evals run --dataset evals/datasets/medway_dev.jsonl \
	  --docs ../shared/corpus ../shared/seeds --index .eval-full --out out/eval-medway-full
	ASSISTANT_RETRIEVAL__HOME_AUTHORITY=none $(BIN)/python -m evals run \
	  --dataset evals/datasets/medway_dev.jsonl --docs ../shared/corpus ../shared/seeds --index .eval-full \
	  --out out/eval-medway-nohome
