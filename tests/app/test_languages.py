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
