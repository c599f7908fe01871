"""Thin command line over the Library facade: python -m assistant COMMAND --help."""
from __future__ import annotations

import argparse
import json
import os
import sys

from assistant.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def _store_flags() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--index", metavar="DIR", help="index folder (embedded Chroma); env ASSISTANT_STORE__INDEX_DIR")
    g.add_argument("--chroma-url", metavar="URL", help="a `chroma run` server; env ASSISTANT_STORE__CHROMA_URL")
    p.add_argument("--chunk-size", type=int, help="chunk size in model tokens (default 200)")
    p.add_argument("--chunk-overlap", type=int, help="chunk overlap in model tokens (default 40)")
    return p


def build_parser() -> argparse.ArgumentParser:
    store = _store_flags()
    parser = argparse.ArgumentParser(prog="python -m assistant",
                                     description="Ask questions of inspection documents; answers cite their passages.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[store], help="add PDF, TXT and MD files or folders to the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the outcome of every file as JSON")

    p = sub.add_parser("reindex", parents=[store],
                       help="read every document again from its file (after an upgrade that changed chunking)")
    p.add_argument("--json", action="store_true", help="print the outcome of every file as JSON")

    p = sub.add_parser("check", parents=[store], help="check the library is consistent (after a crash, say)")
    p.add_argument("--json", action="store_true", help="documents, chunks and problems as JSON")

    p = sub.add_parser("docs", parents=[store], help="list the documents in the library")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("history", parents=[store],
                       help="a council's documents in date order, with the judgements each report states")
    p.add_argument("authority", help='the local authority, e.g. "Medway"')
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("compare", parents=[store], help="two documents or two years side by side on a theme")
    p.add_argument("theme", help='e.g. "supervision", "care leavers", "workforce"')
    p.add_argument("left", help="a year (2019) or a document (its doc name or title)")
    p.add_argument("right")
    p.add_argument("--local-authority", help="the council, when the sides are years")
    p.add_argument("--out", metavar="FILE", help="also write it to FILE (.md or .docx)")

    p = sub.add_parser("scrutiny", parents=[store], help="challenge questions on a theme, each on a cited finding")
    p.add_argument("theme")
    p.add_argument("--local-authority", help="only this council's documents")
    p.add_argument("--out", metavar="FILE", help="also write them to FILE (.md or .docx)")

    p = sub.add_parser("delete", parents=[store], help="remove a document (its `doc` name, as `docs` lists it)")
    p.add_argument("doc")

    p = sub.add_parser("search", parents=[store], help="the passages that best match a question")
    p.add_argument("question")
    p.add_argument("--k", type=int, help="how many passages (default 10)")
    p.add_argument("--retriever", choices=["hybrid", "dense", "bm25"], help="retrieval mode (default hybrid)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("ask", parents=[store, _filter_flags()],
                       help="a short answer whose every sentence cites its passage, or a plain 'not answered'")
    p.add_argument("question")
    p.add_argument("--history", metavar="FILE", help="JSON list of earlier turns: [{\"role\", \"content\"}]")
    p.add_argument("--json", action="store_true", help="answer, refused and citations as JSON")

    p = sub.add_parser("chat", parents=[store], help="ask questions in the terminal, with follow-ups")

    p = sub.add_parser("serve", parents=[store], help="the Gradio app (chat, library, filters)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--auth", metavar="USER:PASSWORD",
                   help="ask every visitor for this user and password (HTTP Basic); env ASSISTANT_AUTH keeps it "
                        "out of the process list. Use it whenever --host is not 127.0.0.1")
    return parser


def _filter_flags() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--doc", action="append", default=[], help="only this document (repeatable)")
    p.add_argument("--kind", action="append", default=[], help="only this kind of report (repeatable)")
    p.add_argument("--local-authority", action="append", default=[], help="only this council (repeatable)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="documents dated from (YYYY or YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="documents dated up to")
    return p


def filters_from(args: argparse.Namespace):
    from vectorstore.retrieval import Filters

    return Filters(docs=tuple(args.doc), kinds=tuple(args.kind), local_authorities=tuple(args.local_authority),
                   date_from=args.date_from, date_to=args.date_to)


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings().with_overrides(
        store__index_dir=getattr(args, "index", None), store__chroma_url=getattr(args, "chroma_url", None),
        chunking__size=getattr(args, "chunk_size", None), chunking__overlap=getattr(args, "chunk_overlap", None),
        retrieval__k=getattr(args, "k", None), retrieval__mode=getattr(args, "retriever", None),
    )


def cmd_ingest(lib, args) -> int:
    from ingest import discover

    return _write(lib, args, "ingest", len(discover(args.paths)), lambda progress: lib.ingest(args.paths, progress))


def cmd_reindex(lib, args) -> int:
    total = len(lib.documents()) + len(lib.store.earlier_documents())
    return _write(lib, args, "reindex", total, lambda progress: lib.reindex(progress))


def _write(lib, args, name: str, total: int, work) -> int:
    """Run an ingest or re-index with a progress bar (files, pages, chunks) and a line per file that fails."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="file", desc=name, file=sys.stderr, disable=args.json or None)
    pages = chunks = 0

    def progress(outcome):
        nonlocal pages, chunks
        pages, chunks = pages + outcome.pages, chunks + outcome.chunks
        bar.set_postfix(pages=pages, chunks=chunks)
        bar.update(1)
        if outcome.status == "failed":
            tqdm.write(f"error: {outcome.doc}: {outcome.reason}", file=sys.stderr)
        elif outcome.status in ("duplicate", "skipped"):
            tqdm.write(f"{outcome.status}: {outcome.doc}: {outcome.reason}", file=sys.stderr)

    report = work(progress)
    bar.close()
    if report.orphans_removed:
        print(f"removed {report.orphans_removed} chunks left by an interrupted ingest", file=sys.stderr)
    if args.json:
        print(json.dumps([vars(o) for o in report.outcomes], ensure_ascii=False, indent=2))
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def cmd_check(lib, args) -> int:
    problems = lib.check()
    docs = lib.documents()
    if args.json:
        print(json.dumps({"documents": len(docs), "chunks": lib.store.count(), "problems": problems},
                         ensure_ascii=False, indent=2))
        return 1 if problems else 0
    for line in problems:
        print(f"problem: {line}", file=sys.stderr)
    print(f"{len(docs)} documents, {sum(d.chunks for d in docs)} chunks: "
          + (f"{len(problems)} problems; `ingest` the same files again to repair" if problems else "consistent"))
    return 1 if problems else 0


def cmd_docs(lib, args) -> int:
    docs = lib.documents()
    if args.json:
        rows = [{"doc": d.doc, "title": d.title, "kind": d.kind, "date": d.date, "pages": d.pages,
                 "chunks": d.chunks, "local_authority": d.local_authority, "visit_dates": list(d.visit_dates),
                 "overall": d.overall, "judgements": dict(d.judgements), "judgement_page": d.judgement_page,
                 "outcome": d.outcome, "lead_inspector": d.lead_inspector}
                for d in docs]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    notice = lib.earlier_notice()
    if notice:
        print(notice, file=sys.stderr)
    if not docs and not notice:
        print("The library is empty: add documents with `python -m assistant ingest PATH`.")
    for d in docs:
        print(f"{d.date or '----------':10}  {d.title}  [{d.doc}]  {d.pages} pages, {d.chunks} chunks")
    return 0


def cmd_history(lib, args) -> int:
    from assistant.history import history, history_markdown

    rows = history(lib.documents(), args.authority)
    print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else history_markdown(args.authority, rows))
    return 0 if rows else 1


def cmd_compare(lib, args) -> int:
    from assistant.prepare import compare, comparison_markdown, export

    text = comparison_markdown(args.theme, compare(lib, args.theme, args.left, args.right, args.local_authority))
    print(text)
    if args.out:
        print(f"wrote {export(text, args.out)}", file=sys.stderr)
    return 0


def cmd_scrutiny(lib, args) -> int:
    from assistant.prepare import challenges, challenges_markdown, export

    items = challenges(lib, args.theme, args.local_authority)
    text = challenges_markdown(args.theme, items)
    print(text)
    if args.out:
        print(f"wrote {export(text, args.out)}", file=sys.stderr)
    return 0 if items else 1


def cmd_delete(lib, args) -> int:
    if not lib.delete(args.doc):
        print(f"error: no document named {args.doc!r} (see `python -m assistant docs`)", file=sys.stderr)
        return 1
    print(f"deleted {args.doc}")
    return 0


def cmd_search(lib, args) -> int:
    hits = lib.search(args.question)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    for h in hits:
        _print_hit(h, 400, score=True)
    return 0


def _print_hit(h, width: int, score: bool = False) -> None:
    pages = f"p. {h.page}" if h.page == h.page_end else f"pp. {h.page}-{h.page_end}"
    print(f"[{h.rank}] {h.title} ({h.doc}, {pages})" + (f"  score {h.score:.4f}" if score else ""))
    print("    " + " ".join(h.text.split())[:width])


def cmd_ask(lib, args) -> int:
    history = []
    if args.history:
        try:
            history = json.loads(open(args.history, encoding="utf-8").read())
        except (OSError, ValueError) as exc:
            print(f"error: {args.history}: cannot read the history ({exc})", file=sys.stderr)
            return 2
    answer = lib.ask(args.question, history=history, filters=filters_from(args))
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(answer.markdown())
    return 0


def cmd_chat(lib, args) -> int:
    docs = lib.documents()
    print(f"{len(docs)} documents in the library. Ask a question (empty line or Ctrl-D to quit).")
    history: list[dict] = []
    while True:
        try:
            question = input("\n> ").strip()
        except EOFError:
            return 0
        if not question:
            return 0
        answer = lib.ask(question, history=history)
        print(answer.markdown())
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]


def cmd_serve(lib, args) -> int:
    from assistant.app import serve

    auth = args.auth or os.environ.get("ASSISTANT_AUTH") or None
    if auth and ":" not in auth:
        raise ValueError("--auth takes USER:PASSWORD")
    if not auth and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {args.host} without --auth: anyone who can reach it can read and change "
              "the library", file=sys.stderr)
    serve(lib, host=args.host, port=args.port, auth=tuple(auth.split(":", 1)) if auth else None)
    return 0


COMMANDS = {"ingest": cmd_ingest, "reindex": cmd_reindex, "check": cmd_check, "docs": cmd_docs, "history": cmd_history, "compare": cmd_compare,
            "scrutiny": cmd_scrutiny, "delete": cmd_delete, "search": cmd_search, "ask": cmd_ask,
            "chat": cmd_chat, "serve": cmd_serve}


def main(argv: list[str] | None = None) -> int:
    from pydantic import ValidationError

    from assistant.library import Library
    from vectorstore import StoreError
    from vectorstore.embedder import ModelIntegrityError

    args = build_parser().parse_args(argv)
    try:
        lib = Library(settings_from(args))
        return COMMANDS[args.command](lib, args)
    except (StoreError, ModelIntegrityError, ValidationError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"error: {first}", file=sys.stderr)
        return 2
