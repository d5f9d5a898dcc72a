"""Exercises on the classifier page. key -> (English, Korean); keys start with ex.classifier.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.classifier.seed": ("Exercise number", "문제 번호"),
    "ex.classifier.seed.help": (
        "0 asks about the text in the box above (when it is short enough); 1, 2, 3 … about the examples, and each "
        "number picks another word to add.",
        "0이면 위 입력란의 글로(충분히 짧을 때), 1, 2, 3 …이면 예문으로 묻습니다. 번호마다 덧붙일 단어도 달라집니다."),
    "ex.classifier.sentence": ("The exercises ask about: «{sentence}»", "문제의 문장: «{sentence}»"),
    "ex.classifier.none": (
        "The exercises need a sentence of {low} to {high} different words and at most {chars} characters: type "
        "one in the box above.",
        "문제를 만들려면 서로 다른 단어가 {low}~{high}개이고 {chars}자 이하인 문장이 필요합니다. 위 입력란에 입력하세요."),
    "ex.classifier.pick": ("Pick one of the words of the sentence.", "문장의 단어 중 하나를 고르세요."),
    "ex.classifier.yes": ("Yes", "예"),
    "ex.classifier.no": ("No", "아니요"),
    "ex.classifier.effect": ("«{word}»: without it, p = {p} ({change})", "«{word}»: 빼면 p = {p} ({change})"),
    "ex.classifier.flips": ("→ the answer becomes *{label}*", "→ 답이 *{label}*(으)로 바뀜"),
    # which word matters most
    "ex.classifier.word.q": (
        "The model reads «{sentence}» as *{label}* (p = {p}). Remove one word (every time it occurs): which word's "
        "removal changes the probability of *{label}* the most, up or down?",
        "모델은 «{sentence}»를 *{label}*(으)로 읽습니다 (p = {p}). 단어 하나를 (나올 때마다 모두) 빼면, 어느 단어를 뺄 때 "
        "*{label}*의 확률이 가장 크게 (오르든 내리든) 바뀔까요?"),
    "ex.classifier.word.right": (
        "Without «{word}», p({label}) goes from {p} to {without} ({change}): no other word moves it as much.",
        "«{word}»를 빼면 p({label})가 {p}에서 {without}(으)로 바뀝니다 ({change}). 이만큼 바꾸는 단어는 없습니다."),
    "ex.classifier.word.wrong": (
        "Without «{word}», p({label}) goes from {p} to {without} ({change}); another word moves it more. Put the "
        "sentence in the box and pick the *leave one out* explanation: it colours each token by what removing it does.",
        "«{word}»를 빼면 p({label})가 {p}에서 {without}(으)로 바뀌지만 ({change}), 더 크게 바꾸는 단어가 있습니다. 문장을 "
        "입력란에 넣고 *하나씩 빼 보기* 설명을 고르세요. 토큰마다 뺐을 때의 효과로 색을 칠합니다."),
    "ex.classifier.word.solution": (
        "{words}: removing it changes p({label}) = {p} by {change}. Every word, the largest change first:",
        "{words}: 빼면 p({label}) = {p}가 {change}만큼 바뀝니다. 모든 단어 (크게 바꾸는 순서):"),
    # which word flips the answer
    "ex.classifier.flip.q": (
        "The model reads «{sentence}» as *{label}* (p = {p}). Which word, removed (every time it occurs), makes the "
        "model answer another class? If none does, say so.",
        "모델은 «{sentence}»를 *{label}*(으)로 읽습니다 (p = {p}). 어느 단어를 (나올 때마다 모두) 빼면 모델의 답이 다른 "
        "클래스로 바뀔까요? 그런 단어가 없으면 없다고 고르세요."),
    "ex.classifier.flip.none": ("No single word flips it", "바꾸는 단어 없음"),
    "ex.classifier.flip.right": (
        "Without «{word}», p({label}) falls from {p} to {without}: the model answers *{other}*.",
        "«{word}»를 빼면 p({label})가 {p}에서 {without}(으)로 떨어져 모델이 *{other}*(이)라고 답합니다."),
    "ex.classifier.flip.wrong": (
        "Without «{word}», p({label}) is {without} (it was {p}): the answer stays *{label}*. Look for the word the "
        "over-time chart jumps at.",
        "«{word}»를 빼도 p({label})는 {without}입니다 (원래 {p}). 답은 *{label}* 그대로입니다. 시간에 따른 차트가 크게 "
        "뛰는 단어를 찾아보세요."),
    "ex.classifier.flip.right_none": (
        "Removing any one word leaves the answer *{label}* (p = {p} with all of them).",
        "어느 단어 하나를 빼도 답은 *{label}* 그대로입니다 (모두 있을 때 p = {p})."),
    "ex.classifier.flip.wrong_none": (
        "{n} word(s) flip it: removing one of them changes the answer from *{label}*. Try the *leave one out* "
        "explanation.",
        "답을 바꾸는 단어가 {n}개 있습니다. 그중 하나를 빼면 *{label}*에서 다른 답으로 바뀝니다. *하나씩 빼 보기* 설명을 "
        "보세요."),
    "ex.classifier.flip.solution": (
        "Removing {words} makes the model answer something other than *{label}* (p = {p} with every word).",
        "{words}를 빼면 모델이 *{label}* 아닌 답을 합니다 (모든 단어가 있을 때 p = {p})."),
    "ex.classifier.flip.solution_none": (
        "No single word flips it: without any one of them the answer is still *{label}* (p = {p} with all).",
        "답을 바꾸는 단어는 없습니다. 어느 하나를 빼도 답은 *{label}*입니다 (모두 있을 때 p = {p})."),
    # adding a word
    "ex.classifier.add.q": (
        "The model gives «{sentence}» p({label}) = {before}. Will adding «{word}» at the end raise the probability "
        "of *{label}*?",
        "모델은 «{sentence}»에 p({label}) = {before}를 줍니다. 끝에 «{word}»를 덧붙이면 *{label}*의 확률이 오를까요?"),
    "ex.classifier.add.up": ("raises", "올립니다"),
    "ex.classifier.add.down": ("lowers", "내립니다"),
    "ex.classifier.add.right": (
        "With «{word}» at the end, p({label}) is {after} (it was {before}): the word {moved} it.",
        "끝에 «{word}»를 붙이면 p({label})는 {after}입니다 (원래 {before}). 이 단어는 확률을 {moved}."),
    "ex.classifier.add.wrong": (
        "Type the sentence with «{word}» at the end in the box above and read p({label}): it is {after}, it was "
        "{before}.",
        "위 입력란에 끝에 «{word}»를 붙인 문장을 넣고 p({label})를 읽어 보세요. {after}입니다. 원래는 {before}였습니다."),
    "ex.classifier.add.solution": (
        "«{sentence} {word}»: p({label}) = {after}, against {before} without «{word}»: adding it {moved} the "
        "probability.",
        "«{sentence} {word}»: p({label}) = {after}, «{word}» 없이 {before}. 덧붙이면 확률을 {moved}."),
}
