"""Running the whole app from its entry script in AppTest. (Not in conftest.py: `from conftest import`
would find tests/core/conftest.py first when every folder is collected together.)"""
from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60  # the first run imports torch


def open_app(page: str | None = None, *, locale: str | None = None, **query) -> AppTest:
    """The app, run once from streamlit_app.py, then on `page` (e.g. 'pages/char_lm.py'), with URL `query`,
    from a browser whose language (st.context.locale) is `locale` when given."""
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=TIMEOUT)
    if locale is not None:
        at.context = {"locale": locale}
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def clean(at: AppTest) -> None:
    """No exception and no error box: the guard turns an exception into an error box, so both are failures."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def answer_exercise(at: AppTest, key: str, answer) -> AppTest:
    """Give `answer` to the exercise `key` (its choice, or its text box) and press its Check button."""
    widget = f"ex_{key}_answer"
    if any(r.key == widget for r in at.radio):
        at.radio(key=widget).set_value(answer)
    else:
        at.text_input(key=widget).input(str(answer))
    at.button(key=f"ex_{key}_check").click().run()
    clean(at)
    return at
