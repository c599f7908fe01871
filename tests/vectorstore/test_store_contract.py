"""One contract for the store, run against embedded Chroma and a real `chroma run` server."""
from __future__ import annotations

import pytest

from ingest.records import Chunk, DocumentInfo
from vectorstore.chroma_store import ChromaStore, make_client


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def store(request, tmp_path):
    name = f"t{abs(hash(request.node.name)) % 10**8}"
    if request.param == "embedded":
        client = make_client(index_dir=tmp_path / "index")
    else:
        client = make_client(url=request.getfixturevalue("chroma_server"))
    return ChromaStore(client, f"chunks-{name}", f"docs-{name}", dimension=3)


def _doc(doc: str, content: str, texts: list[str]) -> tuple[DocumentInfo, list[Chunk], list[list[float]]]:
    info = DocumentInfo(id=f"id-{content}", doc=doc, title=doc.upper(), kind="focused visit",
                        local_authority="Medway", date="2024-01-02", pages=1, chunks=len(texts))
    chunks = [Chunk(info.id, doc, info.title, i, 1, 1, 0, len(t), "", t) for i, t in enumerate(texts)]
    vectors = [[1.0, float(i), 0.5] for i in range(len(texts))]
    return info, chunks, vectors


def test_upsert_count_and_documents(store):
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta"]))
    store.upsert(*_doc("b.pdf", "v1b", ["gamma"]))
    assert store.count() == 3
    assert [d.doc for d in store.documents()] == ["a.pdf", "b.pdf"]
    assert store.find("a.pdf").chunks == 2


def test_upserting_the_same_document_twice_changes_nothing(store):
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta"]))
    before = sorted(c.id for c in store.all_chunks())
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta"]))
    assert sorted(c.id for c in store.all_chunks()) == before


def test_a_changed_document_replaces_its_chunks(store):
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta", "delta"]))
    store.upsert(*_doc("a.pdf", "v2", ["alpha two"]))
    assert [c.text for c in store.all_chunks()] == ["alpha two"]
    assert store.find("a.pdf").id == "id-v2"


def test_delete_removes_a_document_entirely(store):
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta"]))
    store.upsert(*_doc("b.pdf", "v1b", ["gamma"]))
    assert store.delete("a.pdf") is True
    assert store.delete("a.pdf") is False
    assert [c.text for c in store.all_chunks()] == ["gamma"]
    assert [d.doc for d in store.documents()] == ["b.pdf"]


def test_query_ranks_by_cosine_and_filters(store):
    store.upsert(*_doc("a.pdf", "v1", ["alpha", "beta"]))
    store.upsert(*_doc("b.pdf", "v1b", ["gamma"]))
    found = store.query([1.0, 1.0, 0.5], k=3)
    assert found[0][0].text == "beta" and found[0][1] > found[-1][1]
    only_b = store.query([1.0, 1.0, 0.5], k=3, where={"doc": "b.pdf"})
    assert [c.text for c, _ in only_b] == ["gamma"]
    # the same search without the text, for a caller that holds it (the retriever)
    assert store.nearest([1.0, 1.0, 0.5], k=3) == [(c.id, s) for c, s in found]
    assert store.nearest([1.0, 1.0, 0.5], k=3, where={"doc": "b.pdf"}) == [(c.id, s) for c, s in only_b]
    assert store.nearest([1.0, 1.0, 0.5], k=0) == store.query([1.0, 1.0, 0.5], k=0) == []


def test_orphan_chunks_of_a_half_written_document_are_removed(store):
    info, chunks, vectors = _doc("a.pdf", "v1", ["alpha", "beta"])
    store._chunks.upsert(ids=[c.id for c in chunks], documents=[c.text for c in chunks],
                         metadatas=[{"doc": "a.pdf", "doc_id": info.id}] * 2, embeddings=vectors)
    assert store.remove_orphans() == 2
    assert store.count() == 0


def test_twin_chunks_tie_in_one_order_whichever_was_stored_first(store):
    # one text in two files has one vector: which comes first must not depend on the order of storing
    first, second = _doc("b.pdf", "vb", ["alpha"]), _doc("a.pdf", "va", ["alpha"])
    store.upsert(*first)
    store.upsert(*second)
    ids = [c.id for c, _ in store.query([1.0, 0.0, 0.5], k=2)]
    assert ids == sorted(ids) and len(ids) == 2
    assert [i for i, _ in store.nearest([1.0, 0.0, 0.5], k=2)] == ids


def test_the_search_reads_enough_candidates_to_be_exhaustive_on_a_library_of_this_size(tmp_path):
    from vectorstore.chroma_store import EF_SEARCH

    client = make_client(index_dir=tmp_path / "index")

    def ef_search(name: str) -> int:
        return client.get_collection(name, embedding_function=None).configuration_json["hnsw"]["ef_search"]

    client.get_or_create_collection("chunks-old", configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
    assert ef_search("chunks-old") < EF_SEARCH  # Chroma's default
    ChromaStore(client, "chunks-old", "docs-old", dimension=3)  # a library made before: raised when opened
    assert ef_search("chunks-old") == EF_SEARCH >= 1000
    ChromaStore(client, "chunks-new", "docs-new", dimension=3)
    assert ef_search("chunks-new") == EF_SEARCH
