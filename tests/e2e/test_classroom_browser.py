"""A teacher's class in a real browser (chromium via Playwright): the teacher starts a class under a page's
exercises, three students (three browser contexts: three sessions) answer through the students' link, and
the teacher's view shows three answers; the students' link cannot open the teacher's view; forged links and
answers change nothing. Screenshots in English and Korean go to the folder of conftest.py."""
import re
from urllib.parse import parse_qs, urlsplit

from streamlit_server import no_errors, settle, snap

PAGE = "hello_rnn"  # the lecture's network: its exercises come from the weights the seed draws
SEED = 3  # the seed the teacher sets with the page's widget: the students' link must carry it
ANSWERS = ["0.25", "-0.5", "0.25"]  # three students' h_t[i], typed (right or not, each is counted)


def visit(context, url: str):
    page = context.new_page()
    page.goto(url, timeout=60_000)
    settle(page)
    return page


def query_of(link: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(link).query).items()}


def start_class(page) -> tuple[str, str]:
    """Under the exercises: open the teacher's panel, pick the first exercise, Start: the two links."""
    page.get_by_text("Teach this page to a class").click()
    panel = page.locator('[data-testid="stExpander"]').filter(has_text="Teach this page to a class")
    settle(page, stable_ms=500, draw_ms=300)
    option = page.get_by_role("option").filter(has_text="Exercise 1:")
    for _ in range(3):  # the list closes if the page happens to redraw while it opens
        panel.locator('[data-testid="stSelectbox"] input').click()
        try:
            option.wait_for(timeout=5_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: open it again
            page.keyboard.press("Escape")
    option.click()
    settle(page, stable_ms=500, draw_ms=0)
    panel.get_by_role("button", name="Start a class").click()
    page.get_by_text("The class is open").wait_for(timeout=30_000)
    settle(page, stable_ms=500, draw_ms=500)
    links = [c.inner_text().strip() for c in panel.locator('[data-testid="stCode"]').all()]
    assert len(links) == 2, links
    return links[0], links[1]


def first_question(page) -> str:
    """The first exercise's question as shown ("1. The model reads ...")."""
    return page.locator('[data-testid="stMarkdownContainer"] p').filter(has_text=re.compile(r"^1\.\s")).filter(
        has=page.locator("strong")).first.inner_text()


def check_typed(page, answer: str):
    """A student types `answer` into the one exercise on their link and checks it."""
    box = page.locator('[data-testid="stTextInput"]').filter(has_text="Your answer").locator("input")
    box.fill(answer)
    box.press("Enter")
    settle(page, stable_ms=300, draw_ms=0)
    page.get_by_role("button", name="Check").click()
    page.get_by_text("Sent to your class.").first.wait_for(timeout=30_000)
    settle(page, stable_ms=300, draw_ms=0)


def check_option(page, number: int = 0, sent: str = "Sent to your class."):
    """A student picks choice `number` of the one exercise on their link and checks it; waits for `sent`."""
    page.locator('[data-testid="stRadio"]').filter(has_text="Your answer").locator(
        '[data-testid="stRadioOption"]').nth(number).click()
    settle(page, stable_ms=300, draw_ms=0)
    page.get_by_role("button", name="Check").click()
    page.get_by_text(sent).first.wait_for(timeout=30_000)
    settle(page, stable_ms=300, draw_ms=0)


def answered(page) -> str:
    """'Students who answered' on the teacher's view, as shown."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Students who answered")
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_three_students_answer_and_the_teacher_sees_them(app, browser, shots):
    teacher_ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    teacher = visit(teacher_ctx, f"{app}/{PAGE}?lang=en")
    seed = teacher.locator('[data-testid="stNumberInput"]').filter(has_text="Seed (initial weights)").locator("input")
    seed.fill(str(SEED))  # the teacher sets the view up: the link must carry what the widget now holds
    seed.press("Enter")
    settle(teacher)
    no_errors(teacher)
    question = first_question(teacher)
    assert question.startswith("1. At t =")
    student_link, teacher_link = start_class(teacher)
    snap(teacher, shots / "class-panel.png")
    s, tq = query_of(student_link), query_of(teacher_link)
    assert urlsplit(student_link).path == f"/{PAGE}" and s["hello_seed"] == str(SEED) and "token" not in s
    assert s["ex"] == "hello_unit"  # the first exercise
    assert urlsplit(teacher_link).path == "/classroom" and tq["class"] == s["class"] and len(tq["token"]) == 32

    view = visit(teacher_ctx, teacher_link)
    assert answered(view) == "0"
    assert view.locator('[data-testid="stCode"]').first.inner_text().strip() == student_link  # shown again
    students = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in range(3)]
    for number, ctx in enumerate(students):
        page = visit(ctx, student_link)
        no_errors(page)
        assert page.get_by_text("Teach this page to a class").count() == 0  # a student gets no teacher's panel
        assert page.get_by_role("button", name="Check").count() == 1  # the class's one exercise
        assert first_question(page) == question  # the same question, from the same seed
        check_typed(page, ANSWERS[number])
        if number == 0:
            snap(page, shots / "class-student.png")
    view.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
                           ".some(e => e.innerText.trim() === '3')", timeout=30_000)  # the view refreshes itself
    settle(view)
    assert answered(view) == "3"
    assert view.get_by_text("Exercise 1: At t =").first.is_visible()
    assert view.locator('[data-testid="stVegaLiteChart"]').count() == 1  # the spread: 0.25 twice, -0.5 once
    no_errors(view)
    snap(view, shots / "class-teacher.png")

    # Korean: the teacher's view and the panel
    ko_view = visit(teacher_ctx, teacher_link + "&lang=ko")
    assert ko_view.get_by_text("답한 학생").first.is_visible()
    snap(ko_view, shots / "class-teacher-ko.png")
    ko_page = visit(browser.new_context(viewport={"width": 1400, "height": 1000}),
                    f"{app}/{PAGE}?hello_seed={SEED}&lang=ko")
    ko_page.get_by_text("이 페이지로 수업하기").click()
    settle(ko_page, stable_ms=300)
    snap(ko_page, shots / "class-panel-ko.png")

    # The students' link cannot open the teacher's view; a forged token reads nothing
    for forged in (f"{app}/classroom?class={s['class']}", f"{app}/classroom?class={s['class']}&token={'A' * 32}",
                   f"{app}/classroom?class=%27%3B%20DROP%20TABLE%20rnnlab_answers%3B--&token={tq['token']}"):
        page = visit(students[0], forged)
        no_errors(page)
        assert page.get_by_text("does not open a class").first.is_visible()
        assert page.locator('[data-testid="stMetric"]').count() == 0
    snap(page, shots / "class-forged.png")

    # A student who edits the link to answer another exercise is told, and nothing is kept
    other = visit(students[1], student_link.replace(f"ex={s['ex']}", "ex=hello_grad"))
    check_option(other, sent="not part of the class")
    view = visit(teacher_ctx, teacher_link)
    assert answered(view) == "3"
    assert view.locator('[data-testid="stMetric"]').filter(has_text="Answers checked").locator(
        '[data-testid="stMetricValue"]').inner_text().strip() == "3"
    for ctx in (teacher_ctx, *students):
        ctx.close()
