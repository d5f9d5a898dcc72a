"""The exercises' shared words (each page's questions are in its own module). key -> (English, Korean)."""
STRINGS = {
    "ex.title": ("Exercises", "연습 문제"),
    "ex.intro": ("Made from the numbers on this page: change the seed, the model or the input and they change too. "
                 "Answer, press **Check**, and read why.",
                 "이 페이지의 숫자로 만든 문제입니다. 시드, 모델, 입력을 바꾸면 문제도 바뀝니다. 답하고 **확인**을 누른 뒤 "
                 "이유를 읽어 보세요."),
    "ex.answer": ("Your answer", "내 답"),
    "ex.placeholder": ("Type your answer", "답을 입력하세요"),
    "ex.check": ("Check", "확인"),
    "ex.show": ("Show me", "정답 보기"),
    "ex.right": ("Right. {why}", "맞았습니다. {why}"),
    "ex.wrong": ("Not quite. {why}", "아쉽네요. {why}"),
    "ex.empty": ("Type or pick an answer first.", "먼저 답을 입력하거나 고르세요."),
    "ex.not_a_number": ("Type a number, such as 0.42.", "0.42처럼 숫자를 입력하세요."),
}
