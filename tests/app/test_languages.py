"""Every page of this app in both languages: no exception, and no string left untranslated (a key missing
from webapp/i18n/ shows as the key itself)."""
import re

import pytest
from app_helpers import open_app

KEY = re.compile(r"^(nav|sidebar|home|hello|lm|train|inside|chart|corpus)\.[a-z_.\-]+$")


def labels(at) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("button", "radio", "slider", "select_slider", "selectbox", "text_input", "number_input"):
        out += [e.label for e in getattr(at, kind)]
    out += [o for r in at.radio for o in r.options]
    return out


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", [None, "pages/hello_rnn.py", "pages/char_lm.py"])
def test_every_string_is_translated(with_shipped, page, lang):
    at = open_app(page, lang=lang)
    shown = labels(at)
    assert shown and not [s for s in shown if KEY.match(s)]
    if lang == "ko":
        assert any(re.search("[가-힣]", s) for s in shown)


def korean(at) -> bool:
    """Is the interface Korean? (Any Hangul in what it says, leaving out the language switch's "한국어".)"""
    return any(re.search("[가-힣]", s) for s in labels(at) if s != "한국어")


@pytest.mark.parametrize("locale,lang", [("ko-KR", "ko"), ("ko", "ko"), ("en-US", "en"), ("de-DE", "en"), (None, "en")])
def test_a_first_visit_opens_in_the_browsers_language_when_it_is_korean(with_shipped, locale, lang):
    at = open_app(locale=locale)
    assert at.radio(key="lang").value == lang
    assert korean(at) == (lang == "ko")
    # the browser's own language stays out of the link: a page switch would otherwise write it back, one
    # more history entry at every page (issue 25); a language picked against the browser's is in the link
    assert at.query_params.get("lang") in (None, [], "")


def test_a_link_and_the_switch_win_over_the_browser(with_shipped):
    at = open_app(locale="ko-KR", lang="en")  # the sender chose English
    assert at.radio(key="lang").value == "en" and not korean(at)
    at = open_app(locale="en-GB", lang="ko")
    assert at.radio(key="lang").value == "ko" and korean(at)
    at = open_app(locale="ko-KR")
    at.radio(key="lang").set_value("en").run()  # the switch
    assert not at.exception and at.radio(key="lang").value == "en" and not korean(at)
    assert at.query_params.get("lang") in (["en"], "en")  # kept in the URL: a reload stays in English
    at.run()
    assert at.radio(key="lang").value == "en"
