import pytest

from ingest import IngestError, load_document
from tests.conftest import shared_path
from tests.pdfgen import make_pdf


def _load(path):
    return load_document(path, path.name, path.read_bytes())


@pytest.mark.parametrize("name, data, reason", [
    ("page.pdf", b"<!DOCTYPE html><html><body>Not found</body></html>", "not a PDF"),
    ("empty.pdf", b"", "empty file"),
    ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "corrupt or truncated PDF"),
    ("empty.txt", b"   \n", "empty file"),
    ("binary.txt", b"\x00\x01\x02abc", "binary file"),
    ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
])
def test_bad_files_fail_with_one_clear_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as err:
        _load(path)
    assert reason in err.value.reason
    assert name in str(err.value) and "\n" not in str(err.value)


def test_pdf_without_text_layer_asks_for_ocr(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(IngestError, match="OCR it first"):
        _load(path)


def test_non_utf8_text_is_read(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\xe9 culture: the council\x92s report.".encode("latin-1"))
    loaded = _load(path)
    assert "council’s report" in loaded.chunks[0].text


def test_pdf_pages_are_numbered_from_one(tmp_path):
    path = make_pdf(tmp_path / "two pages.pdf", [["Page one text about leaders."], ["Page two text about plans."]])
    loaded = _load(path)
    assert [p.number for p in loaded.pages] == [1, 2]
    assert loaded.info.pages == 2
    assert any(c.page <= 2 <= c.page_end and "plans" in c.text for c in loaded.chunks)


@pytest.mark.corpus
def test_saved_web_pages_named_pdf_are_refused():
    for path in sorted(shared_path("corpus", "broken").glob("*.pdf")):
        with pytest.raises(IngestError, match="not a PDF"):
            _load(path)
