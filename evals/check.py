"""Check a dataset's evidence against the documents, as ingest reads them: is every quote in the file it
names, on the page it names, and inside one passage under the default chunking (else no retrieved
passage can ever match it)?

    python -m evals check --dataset evals/datasets/medway_dev.jsonl --docs ../shared/seeds ../shared/corpus/medway
"""
from __future__ import annotations

from ingest.chunking import LengthFn, approx_tokens
from ingest.loader import discover, load_document, read_bytes
from ingest.readers import IngestError
from evals.dataset import load
from evals.matching import matches, normalise, same_file


def check(dataset: str, docs: list[str], length: LengthFn = approx_tokens, size: int = 200,
          overlap: int = 40) -> list[str]:
    """One line per problem: the item, the file and what is wrong; empty when every quote checks out.
    `length`, `size` and `overlap` chunk as ingest does (the app passes the model's token count)."""
    return check_all([dataset], docs, length, size, overlap)[dataset]


def check_all(datasets: list[str], docs: list[str], length: LengthFn = approx_tokens, size: int = 200,
              overlap: int = 40) -> dict[str, list[str]]:
    """`check` for several datasets over the same documents, read once."""
    loaded, unreadable = {}, {}
    for source in discover(docs):
        if source.supported:
            try:
                loaded[source.doc] = load_document(source.path, source.doc, read_bytes(source.path),
                                                   max_tokens=size, overlap_tokens=overlap, length=length)
            except IngestError as exc:
                unreadable[source.doc] = exc.reason
    return {dataset: _problems(dataset, loaded, unreadable) for dataset in datasets}


def _problems(dataset: str, loaded: dict, unreadable: dict[str, str]) -> list[str]:
    problems = []
    for item in load(dataset):
        for e in item.evidence:
            doc = next((d for name, d in loaded.items() if same_file(name, e["doc"])), None)
            where = f"{item.id}: {e['doc']}"
            if doc is None:
                reason = next((r for name, r in unreadable.items() if same_file(name, e["doc"])), None)
                problems.append(f"{where}: " + (f"cannot be read: {reason}" if reason else "no such document under --docs"))
                continue
            quote = normalise(e["quote"])
            pages = [p.number for p in doc.pages if quote in normalise(p.text)]
            if not pages:
                problems.append(f"{where}: quote not found on any one page: {e['quote'][:80]!r}")
            elif e.get("page") is not None and e["page"] not in pages:
                problems.append(f"{where}: quote is on page {pages[0]}, not page {e['page']}")
            elif not any(matches(doc.info.doc, c.text, e) for c in doc.chunks):
                problems.append(f"{where}: quote spans two passages, so no passage matches it: {e['quote'][:60]!r}")
    return problems
