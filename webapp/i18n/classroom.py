"""A teacher's class: starting one, the two links, the live counts. key -> (English, Korean)."""
STRINGS: dict[str, tuple[str, str]] = {
    # Under a page's exercises (the teacher's panel, a student's note)
    "class.panel": ("Teach this page to a class", "이 페이지로 수업하기"),
    "class.panel_intro": (
        "Start a class on this view: your students get a link to this page with these settings and this seed, "
        "and you watch their answers come in, live and without names. A class ends after 4 hours.",
        "지금 보이는 화면으로 수업을 시작합니다. 학생들은 이 설정과 시드 그대로 이 페이지를 여는 링크를 받고, 선생님은 "
        "학생들의 답이 들어오는 것을 이름 없이 실시간으로 봅니다. 수업은 4시간 뒤에 끝납니다."),
    "class.which": ("Exercise for the class", "수업에서 풀 문제"),
    "class.all": ("All of this page's exercises", "이 페이지의 모든 문제"),
    "class.number": ("Exercise {n}: {question}", "문제 {n}: {question}"),
    "class.start": ("Start a class", "수업 시작"),
    "class.opened": ("The class is open for {hours} h {minutes} min.", "수업이 {hours}시간 {minutes}분 동안 열립니다."),
    "class.student_link": ("**For your students** (send it to them):", "**학생용 링크** (학생들에게 보내세요):"),
    "class.teacher_link": ("**For you** (keep it to yourself: whoever has it sees the answers):",
                           "**선생님용 링크** (혼자만 간직하세요. 이 링크가 있으면 누구나 답을 볼 수 있습니다):"),
    "class.open_view": ("Open the class view", "수업 화면 열기"),
    "class.student_note": ("You came by a class link: each answer you check is sent to your teacher, without your "
                           "name.", "수업 링크로 들어왔습니다. 확인한 답은 이름 없이 선생님께 전달됩니다."),
    "class.ended": ("This class link has ended or is not known (a class lasts 4 hours). Your answers are still "
                    "checked here, but no longer sent to the class.",
                    "이 수업 링크는 끝났거나 없는 수업입니다 (수업은 4시간 동안 열립니다). 답은 여기서 계속 확인되지만 "
                    "수업으로 전달되지는 않습니다."),
    "class.sent": (":material/send: Sent to your class.", ":material/send: 수업으로 전달했습니다."),
    "class.store_down": ("The class's answers cannot be reached just now; your answer was checked but not sent.",
                         "지금은 수업의 답 저장소에 연결할 수 없습니다. 답은 확인했지만 전달하지 못했습니다."),
    # Why an answer was not sent (nothing was stored)
    "class.refused.foreign": ("This exercise is not part of the class you came for, so this answer was not sent. "
                              "Open your class link again to answer the class's exercise.",
                              "이 문제는 들어온 수업의 문제가 아니어서 답을 전달하지 않았습니다. 수업 링크를 다시 열어 "
                              "수업 문제에 답하세요."),
    "class.refused.too_long": ("This answer is longer than {limit} characters, so it was not sent.",
                               "답이 {limit}자보다 길어서 전달하지 않았습니다."),
    "class.refused.too_fast": ("More than {limit} answers in a minute: this one was not sent. Wait a moment and "
                               "check again.", "1분에 {limit}개가 넘는 답을 보냈습니다. 이 답은 전달하지 않았습니다. "
                               "잠시 뒤에 다시 확인하세요."),
    "class.refused.full": ("The class has its {limit} answers already: this one was not sent.",
                           "이 수업은 이미 답 {limit}개가 모여 더 받지 않습니다. 이 답은 전달하지 않았습니다."),
    "class.refused.bad": ("This answer could not be sent to the class.", "이 답은 수업으로 전달할 수 없습니다."),
    # Why no class was opened
    "class.not_opened.busy": ("{limit} classes are running on this server already: try again later.",
                              "이 서버에서 이미 수업 {limit}개가 열려 있습니다. 나중에 다시 시도하세요."),
    "class.not_opened.too_many": ("You have started {limit} classes in the last hour: wait a little, or use one of "
                                  "them.", "지난 한 시간 동안 수업을 {limit}개 시작했습니다. 조금 기다리거나 열려 있는 "
                                  "수업을 쓰세요."),
    "class.not_opened.too_long_query": ("This view's settings are too long to share ({limit} characters at most): "
                                        "choose a shorter text and start again.",
                                        "이 화면의 설정이 너무 길어 공유할 수 없습니다 (최대 {limit}자). "
                                        "더 짧은 텍스트를 골라 다시 시작하세요."),
    "class.not_opened.bad": ("A class cannot be started on this view.", "이 화면으로는 수업을 시작할 수 없습니다."),
    # The teacher's view (pages/classroom.py)
    "class.title": ("Class", "수업"),
    "class.how": (
        "A teacher starts a class from any page's **Exercises**: open the page, set it up as the class should "
        "see it (settings, seed), then under the exercises open **Teach this page to a class**, pick an exercise "
        "and press **Start a class**. You get two links: one for your students, who open the page as you set it "
        "up, and one for you, which opens this view with their answers, live and without names. A class ends "
        "after 4 hours; its answers are deleted then.",
        "선생님은 어느 페이지의 **연습 문제**에서든 수업을 시작할 수 있습니다. 페이지를 열어 학생들이 볼 "
        "화면(설정, 시드)을 맞춘 뒤, 연습 문제 아래의 **이 페이지로 수업하기**를 열고 문제를 골라 **수업 시작**을 "
        "누르세요. 링크 두 개가 나옵니다. 학생용 링크는 선생님이 맞춘 그대로 페이지를 열고, 선생님용 링크는 "
        "학생들의 답을 이름 없이 실시간으로 보여 주는 이 화면을 엽니다. 수업은 4시간 뒤에 끝나고, 그때 답도 "
        "지워집니다."),
    "class.no_access": ("This link does not open a class: its token is missing or wrong, or the class has ended. "
                        "Only the teacher's link shows the answers.",
                        "이 링크로는 수업을 열 수 없습니다. 토큰이 없거나 틀렸거나, 수업이 끝났습니다. 답은 선생님용 "
                        "링크로만 볼 수 있습니다."),
    "class.about": ("Page **{page}**, {n} exercise(s). The class ends in {hours} h {minutes} min; the counts below "
                    "update by themselves.", "페이지 **{page}**, 문제 {n}개. 수업은 {hours}시간 {minutes}분 뒤에 "
                    "끝납니다. 아래 숫자는 저절로 새로 고쳐집니다."),
    "class.exercise_key": ("Exercise `{name}`", "문제 `{name}`"),
    "class.answered": ("Students who answered", "답한 학생"),
    "class.right": ("Right (latest answer)", "정답 (마지막 답)"),
    "class.attempts": ("Answers checked", "확인한 답"),
    "class.waiting": ("No answers yet.", "아직 답이 없습니다."),
    "class.versions": ("These answers came from {n} versions of the exercise: some students changed the seed, the "
                       "settings or the language.", "이 답들은 문제의 {n}가지 버전에서 왔습니다. 시드, 설정, 언어를 "
                       "바꾼 학생이 있습니다."),
    "class.verdict_right": ("right", "정답"),
    "class.verdict_wrong": ("not right", "오답"),
    "class.students_axis": ("students", "학생 수"),
    "class.ended_teacher": ("This class has ended; its answers have been deleted.",
                            "이 수업은 끝났고 답은 지워졌습니다."),
    "class.end": ("End the class now", "지금 수업 끝내기"),
    "class.ended_now": ("The class has ended: its answers are deleted, and its links open nothing now.",
                        "수업을 끝냈습니다. 답은 지워졌고 두 링크로는 이제 아무것도 열리지 않습니다."),
}
