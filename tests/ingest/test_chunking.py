from ingest.chunking import approx_tokens, chunk_pages, sentences


def _chunks(pages, **kw):
    return chunk_pages(pages, doc_id="d", doc="d.txt", title="Title", **kw)


def test_chunk_is_the_exact_slice_of_the_document_with_its_page():
    pages = ["Heading one\nFirst paragraph on page one.", "Second page paragraph. It has two sentences."]
    chunks = _chunks(pages, max_tokens=12, overlap_tokens=0)
    text = "\n".join(pages)
    for c in chunks:
        assert text[c.start:c.end] == c.text
    assert chunks[-1].page == 2 and chunks[0].page == 1


def test_chunks_fit_the_budget_and_never_split_a_sentence_that_fits():
    sentence = "Inspectors found that supervision is regular and reflective in most teams."
    pages = [" ".join([sentence] * 30)]
    chunks = _chunks(pages, max_tokens=60, overlap_tokens=0)
    assert len(chunks) > 3
    for c in chunks:
        assert approx_tokens(c.text) <= 60
        assert c.text.startswith("Inspectors") and c.text.endswith("teams.")


def test_a_sentence_longer_than_a_chunk_is_split_by_words():
    pages = ["word " * 500]
    chunks = _chunks(pages, max_tokens=50, overlap_tokens=0)
    assert len(chunks) >= 10 and all(approx_tokens(c.text) <= 50 for c in chunks)


def test_headings_start_chunks_and_are_carried():
    body = "Social workers know their children well and visit them often. " * 6
    pages = [f"Care leavers\n{body}\nSupervision\n{body}"]
    chunks = _chunks(pages, max_tokens=120, overlap_tokens=0)
    assert [c.heading for c in chunks] == ["Care leavers", "Supervision"]
    assert chunks[1].text.startswith("Supervision")
    assert chunks[1].embed_text.startswith("Title")


def test_a_long_judgement_heading_ends_the_list_before_it():
    # ILACS reports follow "What needs to improve?" with a judgement heading too long for the general rule
    judgement = "The experiences and progress of children who need help and protection: requires improvement to be good"
    items = "".join(f"- The quality and consistency of {w} for children at risk outside the home.\n"
                    for w in ("assessments", "plans", "direct work", "management oversight"))
    pages = [f"What needs to improve?\n{items}{judgement}\n1. There are strong areas of practice for children. " * 1]
    chunks = _chunks(pages, max_tokens=200, overlap_tokens=0)
    assert [c.heading for c in chunks] == ["What needs to improve?", judgement]
    assert chunks[0].text.endswith("management oversight for children at risk outside the home.")


def test_overlap_repeats_trailing_sentences_within_a_section():
    pages = [" ".join(f"Sentence number {i} says something about practice." for i in range(40))]
    chunks = _chunks(pages, max_tokens=60, overlap_tokens=20)
    assert chunks[1].start < chunks[0].end  # the second chunk re-reads the end of the first


def test_a_sentence_over_a_page_break_stays_whole():
    pages = ["Permanence planning", "arrangements are significantly underdeveloped."]
    chunks = _chunks(pages, max_tokens=100, overlap_tokens=0)
    assert len(chunks) == 1 and (chunks[0].page, chunks[0].page_end) == (1, 2)


def test_sentence_splitter_respects_abbreviations():
    spans = sentences("Services e.g. the MASH are good. Dr. Smith agreed. It ends")
    assert len(spans) == 3


def test_chunk_ids_are_content_hashes():
    a = _chunks(["Same text here."])[0]
    b = _chunks(["Same text here."])[0]
    c = _chunks(["Other text here."])[0]
    assert a.id == b.id != c.id
