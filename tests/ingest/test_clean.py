from ingest.clean import clean_pages


def test_repeated_headers_footers_and_page_numbers_are_removed():
    bodies = ["Leaders know the service.", "Plans are weak.", "Supervision is regular.", "Care leavers thrive."]
    pages = [f"Testshire inspection report\n{n}\n{body}\nInspection of Testshire 2023\n{n}"
             for n, body in enumerate(bodies, 1)]
    cleaned = clean_pages(pages)
    assert all("Testshire inspection report" not in p for p in cleaned)
    assert all("Inspection of Testshire 2023" not in p for p in cleaned)
    assert [p.strip() for p in cleaned] == bodies


def test_wrapped_lines_join_and_hyphenated_words_rejoin():
    text = ("Social workers visit children regularly and the assess-\nments are thorough. Every assessment "
            "counts.\nThe multi-\nagency hub works well with multi-agency partners.")
    cleaned = clean_pages([text])[0]
    assert "assessments are thorough" in cleaned
    assert "multi-agency hub" in cleaned  # a real compound keeps its hyphen


def test_list_items_and_numbered_sections_keep_their_own_lines():
    text = "What needs to improve\n◼ The quality of plans.\n◼ Supervision.\n2.3 Leaders know\nthe service well."
    lines = clean_pages([text])[0].split("\n")
    assert "◼ The quality of plans." in lines
    assert "◼ Supervision." in lines
    assert "2.3 Leaders know the service well." in lines


def test_word_bullets_pypdf_gives_as_symbol_font_glyphs_keep_their_own_lines():
    text = ("Children looked after in this area \n\uf06e 31 August 2015, 433 children are being looked after. "
            "This is an increase from 425. Of this number: \n\uf02d 177 (or 41%) live outside the area \n"
            "\uf02d 33 live in residential homes \n\uf0a7 discussions with children and young people")
    lines = clean_pages([text])[0].split("\n")
    assert lines[0] == "Children looked after in this area"
    assert lines[1].startswith("■ 31 August 2015") and lines[2] == "- 177 (or 41%) live outside the area"
    assert len(lines) == 5


def test_sentence_split_by_blank_lines_is_rejoined():
    cleaned = clean_pages(["Progress has been hampered by the COVID-19\n\n\n\npandemic, and by staff sickness."])[0]
    assert cleaned == "Progress has been hampered by the COVID-19 pandemic, and by staff sickness."


def test_markdown_emphasis_links_and_letterhead_go():
    text = "Ofsted\nPiccadilly Gate\n[enquiries@ofsted.gov.uk](mailto:enquiries@ofsted.gov.uk)\n\n### **Headline findings**\n\nSee the **plan** [here](http://x)."
    cleaned = clean_pages([text], markdown=True)[0]
    assert cleaned.split("\n") == ["Headline findings", "See the plan here."]
