from app_helpers import open_app, texts


def test_home_shows_the_three_usages_with_diagrams():
    at = open_app()
    assert at.title[0].value == "RNN Lab"
    assert texts(at.subheader) == ["One to many", "Many to one", "Many to many"]
    charts = at.get("graphviz_chart")
    assert len(charts) == 3 and all("digraph" in c.proto.spec for c in charts)


def test_the_sidebar_offers_korean_and_names_the_device():
    at = open_app()
    assert any("Models run on" in c for c in texts(at.sidebar.caption))
    at.sidebar.radio[0].set_value("ko").run()
    assert not at.exception
    assert at.header[0].value == "순환 신경망을 쓰는 세 가지 방법"
    assert at.query_params["lang"] == ["ko"] or at.query_params["lang"] == "ko"


def test_a_link_in_korean_opens_in_korean():
    at = open_app(lang="ko")
    assert texts(at.subheader)[0] == "일대다 (one-to-many)"
    assert any("모델 실행 장치" in c for c in texts(at.sidebar.caption))


def test_home_links_every_use_to_its_pages_and_names_those_to_come():
    """Each use of an RNN links to all of its pages; a page not built yet is named, greyed."""
    at = open_app()
    links = [link.proto.label for link in at.get("page_link")]
    assert links[:2] == ["Follow the lecture, page by page, with exercises",
                         "Start with the lecture's example: Hello RNN, every number visible"]
    expected = {"Character language model", "Text classifier", "Tagging: entities and parts of speech"}
    assert expected <= set(links)
    soon = [c for c in texts(at.caption) if c.endswith("coming soon")]
    assert len(links) - 2 + len(soon) == 7  # the memory lab and the six pages of the three uses
