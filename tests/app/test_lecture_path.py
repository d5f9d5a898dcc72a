"""The lecture as a path: every page in the lecture's order, Back/Next, the progress kept in the link."""
import pytest
from app_helpers import clean, open_app

from webapp import lecture
from webapp.i18n import STRINGS

STOPS = [path for path, _ in lecture.STOPS]


def page_of(link) -> str:
    """A page link's target as its file: 'hello_rnn' -> 'pages/hello_rnn.py'."""
    return f"pages/{link.proto.page}.py"


def test_the_path_covers_every_page_of_the_lecture_once():
    nav = ["pages/hello_rnn.py", "pages/memory.py", "pages/char_lm.py", "pages/captioning.py",
           "pages/classifier.py", "pages/forecast.py", "pages/tagging.py", "pages/translate.py"]
    assert STOPS == nav
    assert lecture.stop_of("pages/home.py") is None


@pytest.mark.parametrize("locale, where", [("en", "stop {n} of 8"), ("ko", "8개 중 {n}번째")])
def test_walking_the_path_in_both_languages(locale, where):
    start_at = open_app(locale=locale)
    start = [link for link in start_at.get("page_link")
             if page_of(link) == STOPS[0] and "lecture=true" in link.proto.query_string]
    assert start, "the home page links to the lecture's first stop"
    for n, path in enumerate(STOPS):
        at = open_app(path, locale=locale, lecture="true")  # as the links open it
        clean(at)
        assert any(where.format(n=n + 1) in c.value for c in at.caption), [c.value for c in at.caption][:3]
        stop_text = STRINGS[lecture.STOPS[n][1]][0 if locale == "en" else 1]
        assert any(m.value == stop_text for m in at.markdown)
        links = {link.label: page_of(link) for link in at.get("page_link")}
        back, forward = ("Back", "Next") if locale == "en" else ("이전", "다음")
        assert links.get(back) == (STOPS[n - 1] if n else None)
        assert links.get(forward) == (STOPS[n + 1] if n + 1 < len(STOPS) else None)


def test_the_link_carries_the_progress_and_forged_keys_are_dropped():
    at = open_app("pages/hello_rnn.py", lecture="true", solved="hello_a,memory_b,<script>,x")
    clean(at)
    assert "3 exercises solved" in at.caption[0].value
    assert at.query_params["solved"] in ("hello_a,memory_b,x", ["hello_a,memory_b,x"])
    assert all("solved=hello_a%2Cmemory_b%2Cx" in link.proto.query_string for link in at.get("page_link")
               if link.label in ("Back", "Next"))


def test_off_the_lecture_no_banner():
    at = open_app("pages/hello_rnn.py")
    clean(at)
    assert not any("stop 1 of 8" in c.value for c in at.caption)


def test_a_link_into_the_lecture_turns_it_on_in_a_session_that_had_it_off():
    at = open_app()
    assert at.toggle(key="lecture").value is False
    at.query_params["lecture"] = "true"  # the home page's link, followed in the same session
    at.switch_page("pages/hello_rnn.py").run()
    clean(at)
    assert at.toggle(key="lecture").value is True
    assert any("stop 1 of 8" in c.value for c in at.caption)
