"""The Gradio app: a chat whose answers cite their passages, a Library tab, filters, export.

Thin over the Library facade, like the CLI. The app is mounted in FastAPI beside one extra route,
`/doc/{doc_id}`, which serves a library document's own file (and nothing else) so a citation can
open the PDF at its page. Named API endpoints `ask` and `search` serve `gradio_client`.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from assistant.records import Answer, Citation
from assistant.app_domain import domain_tabs
from assistant.history import history
from assistant.library import Library
from vectorstore.chroma_store import StoreError
from vectorstore.retrieval import Filters

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

KINDS = ["full inspection", "focused visit", "monitoring visit", "area SEND inspection",
         "scrutiny committee report", "commissioner report", "council news", "joint targeted area inspection"]
EXAMPLES = [
    "What did Ofsted say about supervision in 2019, and has it improved?",
    "What were the judgements in the most recent full inspection?",
    "What did the latest focused visit say needs to improve?",
    "How big were social workers' caseloads at the 2019 inspection?",
    "Is supervision still a problem?",
]
CSS = """
.sources mark { background: #fff1a8; padding: 0 2px; }
.sources details { border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; margin-bottom: 8px; }
.sources summary { cursor: pointer; font-weight: 600; }
.sources .meta { color: #555; font-size: 0.9em; }
.sources .passage { white-space: pre-wrap; margin-top: 6px; }
"""


# -- rendering (pure functions: tested without a server) ------------------------------------------
def chat_markdown(answer: Answer) -> str:
    """The answer for the chat: document text escaped, markers linked to their passage in the panel."""
    text = html.escape(answer.text, quote=False)
    if answer.hedged:  # read before the answer, not after; the other passage's words are the document's, escaped
        text = f"*{html.escape(answer.less_certain(), quote=False)}*\n\n{text}"
    text = re.sub(r"\[(\d+)\]", lambda m: f"[[{m.group(1)}]](#cite-{m.group(1)})", text)
    if answer.refused and answer.closest:
        text += "\n\n*Closest matches are shown beside the chat; they are not answers.*"
    if answer.notice:
        text += f"\n\n*{html.escape(answer.notice)}*"
    return text


def sources_html(answer: Answer | None) -> str:
    if answer is None:
        return "<div class='sources'><p>Cited passages appear here.</p></div>"
    cited, heading = ((answer.citations, "Sources") if answer.citations
                      else (answer.closest, "Closest matches (they do not answer the question)"))
    if not cited:
        return "<div class='sources'><p>No passages.</p></div>"
    parts = [f"<div class='sources'><h3>{heading}</h3>"]
    for c in sorted(cited, key=lambda c: c.n != answer.lead):  # the passage the answer rests on most first
        parts.append(_citation_html(c, opened=bool(answer.citations), lead=c.n == answer.lead and len(cited) > 1))
    parts.append("</div>")
    return "\n".join(parts)


def _citation_html(c: Citation, opened: bool, lead: bool = False) -> str:
    pages = c.where()
    meta = " · ".join(html.escape(x) for x in (c.kind or "", c.date or "", pages, c.doc) if x)
    passage = _highlight(c.text, c.sentence)
    link = (f"<a href='/doc/{html.escape(c.doc_id)}#page={c.page}' target='_blank' rel='noopener'>"
            f"Open the document at {pages}</a>") if c.doc_id else ""
    link += "".join(f"<div class='also'>Also printed in <a href='/doc/{html.escape(a['doc_id'])}#page={a['page']}' "
                    f"target='_blank' rel='noopener'>{html.escape(a['title'] or a['doc'])}, {a['where']}</a></div>"
                    for a in c.also if a.get("doc_id"))
    best = " <em>(best match)</em>" if lead and opened else ""
    return (f"<details id='cite-{c.n}' {'open' if opened else ''}><summary>[{c.n}] {html.escape(c.title or c.doc)}"
            f"{best}</summary><div class='meta'>{meta}</div><div class='passage'>{passage}</div>{link}</details>")


def _highlight(text: str, sentence: str) -> str:
    """The passage, escaped, with each supporting sentence marked."""
    spans = []
    for piece in filter(None, (sentence or "").split("\n")):
        for part in re.split(r"(?<=[.!?])\s+", piece):
            i = text.find(part.strip())
            if part.strip() and i >= 0:
                spans.append((i, i + len(part.strip())))
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [html.escape(text[pos:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def conversation_markdown(turns: list[tuple[str, Answer]]) -> str:
    """The whole conversation with its citations, to paste into a committee paper."""
    parts = ["# Questions and answers from the inspection documents", ""]
    for question, answer in turns:
        parts += [f"## {question}", "", answer.markdown(), ""]
    return "\n".join(parts).strip() + "\n"


def make_filters(docs=None, kinds=None, authorities=None, date_from=None, date_to=None) -> Filters:
    return Filters(docs=tuple(docs or ()), kinds=tuple(kinds or ()), local_authorities=tuple(authorities or ()),
                   date_from=(date_from or "").strip() or None, date_to=(date_to or "").strip() or None)


def library_rows(lib: Library) -> list[list]:
    return [[d.title, d.kind or "", d.local_authority or "", d.date or "", d.pages, d.chunks, d.doc]
            for d in lib.documents()]


# -- the app ---------------------------------------------------------------------------------------
def build(lib: Library, upload_dir: Path):
    import gradio as gr

    def doc_names() -> list[str]:
        return [d.doc for d in lib.documents()]

    def authorities() -> list[str]:
        return sorted({d.local_authority for d in lib.documents() if d.local_authority})

    def respond(question, chat, turns, docs, kinds, las, date_from, date_to):
        question = (question or "").strip()
        if not question:
            yield chat, turns, gr.update(), ""
            return
        history = [{"role": role, "content": text} for q, a in turns for role, text in
                   (("user", q), ("assistant", a.text))]
        chat = chat + [{"role": "user", "content": html.escape(question, quote=False)},
                       {"role": "assistant", "content": "Searching the documents…"}]
        yield chat, turns, gr.update(), ""
        answer = lib.ask(question, history=history,
                         filters=make_filters(docs, kinds, las, date_from, date_to))
        full = chat_markdown(answer)
        words = re.split(r"(\s+)", full)
        for end in range(0, len(words), 24):  # stream the answer as it is written out
            chat[-1] = {"role": "assistant", "content": "".join(words[:end + 24])}
            yield chat, turns, gr.update(), ""
            time.sleep(0.02)
        chat[-1] = {"role": "assistant", "content": full}
        yield chat, turns + [(question, answer)], sources_html(answer), ""

    def export(turns):
        if not turns:
            return gr.update(value=None, visible=False)
        path = Path(tempfile.mkdtemp(prefix="export-")) / "conversation.md"
        path.write_text(conversation_markdown(turns), encoding="utf-8")
        return gr.update(value=str(path), visible=True)

    def refresh():
        names, councils = doc_names(), authorities()
        return (library_rows(lib), gr.update(choices=names, value=None), gr.update(choices=names),
                *(gr.update(choices=councils) for _ in range(3)))  # the Ask filter, Timeline and Prepare

    def api_history(authority: str) -> list:
        """A council's documents in date order, with the judgements each states (as `history --json`)."""
        return history(lib.documents(), authority)

    def upload(files, progress=gr.Progress()):
        lines, failed = [], 0
        upload_dir.mkdir(parents=True, exist_ok=True)
        files = files or []
        for i, f in enumerate(files):
            src = Path(f if isinstance(f, str) else f.name)
            progress((i, len(files)), desc=f"Reading {src.name}")
            name, problem = safe_upload_name(src.name), upload_problem(src)
            if problem:
                lines.append(f"- {html.escape(name)}: refused ({problem})")
                failed += 1
                continue
            dest = upload_dir / name
            shutil.copyfile(src, dest)
            try:
                report = lib.ingest([dest])
            except StoreError as exc:  # another process is writing to this library
                lines.append(f"- {html.escape(name)}: not added ({html.escape(str(exc))})")
                failed += 1
                continue
            for o in report.outcomes:
                lines.append(f"- {html.escape(o.line())}")
                if o.status == "failed":
                    failed += 1
                    dest.unlink(missing_ok=True)
        if not files:
            return ("Nothing uploaded.", *refresh())
        head = f"**{failed} of {len(files)} files failed**; the rest were read." if failed else \
            f"All {len(files)} files were read."
        return ("\n".join([head, ""] + lines), *refresh())

    def delete(doc):
        if not doc:
            return ("Choose a document to delete.", *refresh())
        try:
            ok = lib.delete(doc)
        except StoreError as exc:
            return (html.escape(str(exc)), *refresh())
        return (f"Deleted {html.escape(doc)}." if ok else f"No document named {html.escape(doc)}.", *refresh())

    def reindex(progress=gr.Progress()):
        try:
            report = lib.reindex(progress=lambda o: progress(None, desc=f"Re-read {o.doc}"))
        except StoreError as exc:
            return (html.escape(str(exc)), *refresh())
        return (html.escape(report.summary()), *refresh())

    def api_ask(question: str, history: str = "[]", filters: str = "{}") -> dict:
        """Answer a question: history and filters are JSON ({"docs", "kinds", "local_authorities", "date_from", "date_to"})."""
        f = json.loads(filters or "{}")
        answer = lib.ask(question, history=json.loads(history or "[]"),
                         filters=make_filters(f.get("docs"), f.get("kinds"), f.get("local_authorities"),
                                              f.get("date_from"), f.get("date_to")))
        return answer.to_dict()

    def api_search(question: str, k: int = 10, filters: str = "{}") -> list:
        """The best passages for a question."""
        f = json.loads(filters or "{}")
        hits = lib.search(question, k=int(k), filters=make_filters(f.get("docs"), f.get("kinds"),
                                                                   f.get("local_authorities"),
                                                                   f.get("date_from"), f.get("date_to")))
        return [h.to_dict() for h in hits]

    def api_documents() -> list:
        """Every document: title, kind, local authority, date, pages, chunks, doc."""
        return library_rows(lib)

    with gr.Blocks(title="Inspection documents assistant", analytics_enabled=False) as demo:
        gr.Markdown("## Inspection documents assistant\nAnswers quote the documents and cite the page. "
                    "When the documents do not answer, it says so.")
        turns = gr.State([])
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Conversation", height=460, buttons=["copy", "copy_all"],
                                      elem_id="chat", feedback_options=None)
                    question = gr.Textbox(label="Question", placeholder="e.g. What did Ofsted say about supervision "
                                          "in 2019?", elem_id="question")
                    with gr.Row():
                        ask_btn = gr.Button("Ask", variant="primary", elem_id="ask")
                        clear_btn = gr.Button("New conversation")
                        export_btn = gr.Button("Export conversation (Markdown)")
                    gr.Examples(EXAMPLES, inputs=question, label="Try")
                    export_file = gr.File(label="Conversation as Markdown", interactive=False, visible=False)
                    with gr.Accordion("Filters", open=False):
                        f_docs = gr.Dropdown(doc_names(), multiselect=True, label="Documents")
                        f_kinds = gr.Dropdown(KINDS, multiselect=True, label="Kind of report")
                        f_las = gr.Dropdown(authorities(), multiselect=True, label="Local authority")
                        with gr.Row():
                            f_from = gr.Textbox(label="From (YYYY or YYYY-MM-DD)")
                            f_to = gr.Textbox(label="To")
                with gr.Column(scale=2):
                    sources = gr.HTML(sources_html(None), elem_id="sources")
        t_la, p_la = domain_tabs(lib, authorities())
        with gr.Tab("Library"):
            table = gr.Dataframe(library_rows(lib), headers=["title", "kind", "local authority", "date", "pages",
                                                             "chunks", "doc"], interactive=False)
            with gr.Row():
                files = gr.File(label="Add PDF, TXT or MD", file_count="multiple",
                                file_types=[".pdf", ".txt", ".md"])
                with gr.Column():
                    to_delete = gr.Dropdown(doc_names(), label="Document to delete")
                    delete_btn = gr.Button("Delete", variant="stop")
                    reindex_btn = gr.Button("Re-index every document")
            status = gr.Markdown(html.escape(lib.earlier_notice()))

        inputs = [question, chat, turns, f_docs, f_kinds, f_las, f_from, f_to]
        outputs = [chat, turns, sources, question]
        ask_btn.click(respond, inputs, outputs, api_visibility="private")
        question.submit(respond, inputs, outputs, api_visibility="private")
        clear_btn.click(lambda: ([], [], sources_html(None)), None, [chat, turns, sources], api_visibility="private")
        export_btn.click(export, turns, export_file, api_visibility="private")
        lib_outputs = [status, table, to_delete, f_docs, f_las, t_la, p_la]
        files.upload(upload, files, lib_outputs, api_name="upload")
        delete_btn.click(delete, to_delete, lib_outputs, api_name="delete")
        reindex_btn.click(reindex, None, lib_outputs, api_visibility="private")
        gr.api(api_ask, api_name="ask")
        gr.api(api_search, api_name="search")
        gr.api(api_documents, api_name="documents")
        gr.api(api_history, api_name="history")
    return demo


UPLOAD_TYPES = (".pdf", ".txt", ".md")
UPLOAD_LIMIT_MB = 50


def safe_upload_name(name: str) -> str:
    """A file name that stays inside the uploads folder and reads the same: letters, digits, spaces and
    . , ' & ( ) - _ are kept; anything else (path separators, control characters) becomes `_`."""
    name = re.sub(r"[^\w .,'&()\-]", "_", Path(name.replace("\\", "/")).name).strip().lstrip(".")
    stem, dot, suffix = name.rpartition(".")
    return (f"{stem[:150]}{dot}{suffix[:10]}" if dot else name[:160]) or "upload"


def upload_problem(path: Path) -> str:
    """Why an upload is refused before it is read, or ''."""
    if path.suffix.lower() not in UPLOAD_TYPES:
        return f"only {', '.join(UPLOAD_TYPES)} files are accepted"
    size = path.stat().st_size
    if size > UPLOAD_LIMIT_MB * 1024 * 1024:
        return f"{size / 1024 / 1024:.0f} MB is over the {UPLOAD_LIMIT_MB} MB limit"
    return ""


def create_app(lib: Library, upload_dir: Path | None = None, auth: tuple[str, str] | None = None):
    """FastAPI with the Gradio app at / and the library's own files at /doc/{doc_id}; with `auth`, every
    route (the app, its API and the documents) wants that user and password (HTTP Basic)."""
    import gradio as gr
    from fastapi import FastAPI, HTTPException
    from fastapi.responses import FileResponse

    upload_dir = upload_dir or Path(lib.settings.store.index_dir) / "uploads"
    app = FastAPI()
    if auth:
        _require_basic_auth(app, *auth)

    @app.get("/doc/{doc_id}")
    def document(doc_id: str):
        path = lib.source(doc_id)
        if path is None:
            raise HTTPException(404, "no such document in the library")
        media = {".pdf": "application/pdf", ".md": "text/markdown; charset=utf-8"}.get(path.suffix.lower(),
                                                                                    "text/plain; charset=utf-8")
        return FileResponse(path, media_type=media, content_disposition_type="inline", filename=path.name)

    return gr.mount_gradio_app(app, build(lib, upload_dir), path="/", css=CSS, footer_links=["api"])


def _require_basic_auth(app, user: str, password: str) -> None:
    import base64
    import secrets

    from fastapi.responses import PlainTextResponse

    expected = b"Basic " + base64.b64encode(f"{user}:{password}".encode())

    @app.middleware("http")
    async def basic_auth(request, call_next):
        if secrets.compare_digest(request.headers.get("authorization", "").encode(), expected):
            return await call_next(request)
        return PlainTextResponse("sign in to use the inspection assistant", status_code=401,
                                 headers={"WWW-Authenticate": 'Basic realm="inspection assistant"'})


def serve(lib: Library, host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None) -> None:
    import uvicorn

    lib.embedder.embed(["warm up"])  # load the model before the first question, not during it
    print(f"Serving on http://{host}:{port} ({len(lib.documents())} documents)"
          + (", sign-in required" if auth else ""), flush=True)
    uvicorn.run(create_app(lib, auth=auth), host=host, port=port, log_level="warning")
