"""Exercises on the tagging page. key -> (English, Korean); keys start with ex.tagging.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.tagging.seed": ("Exercise seed", "연습 문제 시드"),
    "ex.tagging.seed.help": ("Another number picks another sentence for the exercises above.",
                             "다른 숫자를 넣으면 위 연습 문제의 문장이 바뀝니다."),
    # 1. tag it yourself
    "ex.tagging.tag.question": (
        "Tag this sentence yourself, one tag per word, in order, separated by spaces ({n} words):\n\n"
        "**{sentence}**\n\n{source} The tags this model knows: {tags}.",
        "이 문장을 직접 태깅해 보세요. 단어마다 태그 하나씩, 순서대로, 띄어 써서 ({n}어절):\n\n"
        "**{sentence}**\n\n{source} 이 모델이 아는 태그: {tags}."),
    "ex.tagging.tag.from.gold": (
        "The sentence comes from the {data} dev set, which people tagged by hand: your tags are checked against "
        "theirs (the gold tags), and compared with the model's.",
        "이 문장은 사람이 직접 태깅한 {data} 검증(dev) 세트에서 왔습니다. 답은 사람의 태그(정답 태그)로 채점하고, "
        "모델의 태그와도 비교합니다."),
    "ex.tagging.tag.from.example": (
        "The sentence is one of the page's examples, which no person tagged: your tags are checked against the "
        "model's.",
        "이 문장은 페이지의 예문이라 사람이 붙인 정답 태그가 없습니다. 답은 모델의 태그로 채점합니다."),
    "ex.tagging.tag.unknown": ("This model has no tag {tags}. Its tags: {known}.",
                               "이 모델에는 {tags} 태그가 없습니다. 모델의 태그: {known}."),
    "ex.tagging.tag.count": ("You gave {got} tags for {n} words: one tag per word, in order (punctuation counts as "
                             "a word).",
                             "{n}어절에 태그를 {got}개 입력했습니다. 어절마다 하나씩 순서대로 입력하세요(문장 부호도 "
                             "한 어절입니다)."),
    "ex.tagging.tag.right.gold": (
        "All {n} tags are the annotators'. The model gets {model} of the {n} right.",
        "{n}개 태그가 모두 사람이 붙인 정답과 같습니다. 모델은 {n}개 중 {model}개를 맞힙니다."),
    "ex.tagging.tag.right.model": (
        "All {n} tags are the model's. Its least sure tag still got p = {p}.",
        "{n}개 태그가 모두 모델의 태그와 같습니다. 모델이 가장 덜 확신한 태그도 확률이 {p}입니다."),
    "ex.tagging.tag.wrong.gold": (
        "{ok} of {n} tags are the annotators'; {model} of {n} are the model's. Where you differ from the "
        "annotators:",
        "{n}개 중 {ok}개가 사람이 붙인 정답과 같고, {model}개가 모델의 태그와 같습니다. 정답과 다른 곳:"),
    "ex.tagging.tag.wrong.model": (
        "{model} of {n} tags are the model's. Where you differ:",
        "{n}개 중 {model}개가 모델의 태그와 같습니다. 다른 곳:"),
    "ex.tagging.tag.diff.gold": (
        "“{word}”: you said {yours}, the annotators {gold}; the model said {model} (p = {p_model}) and gave "
        "yours p = {p_yours}.",
        "“{word}”: 내 답은 {yours}, 정답은 {gold}. 모델은 {model}(확률 {p_model})이라 했고 내 답에는 {p_yours}를 "
        "주었습니다."),
    "ex.tagging.tag.diff.model": (
        "“{word}”: you said {yours}, the model {model} with p = {p_model}; it gave yours p = {p_yours}.",
        "“{word}”: 내 답은 {yours}, 모델은 {model}(확률 {p_model}). 모델은 내 답에 {p_yours}를 주었습니다."),
    "ex.tagging.tag.diff.slip": (
        "the model slips on “{word}”: it said {model} (p = {p_model}) where the annotators say {gold} "
        "(p = {p_gold}).",
        "모델은 “{word}”에서 틀립니다. 정답은 {gold}(확률 {p_gold})인데 {model}(확률 {p_model})이라고 했습니다."),
    "ex.tagging.tag.meanings": ("What these tags stand for: {meanings}.", "태그의 뜻: {meanings}."),
    "ex.tagging.tag.solution.gold": (
        "The annotators' tags: `{gold}`. The model's: `{model}`. Each word, the model's tag and its probability: "
        "{probs}.",
        "사람이 붙인 정답: `{gold}`. 모델의 태그: `{model}`. 단어별 모델의 태그와 그 확률: {probs}."),
    "ex.tagging.tag.solution.model": (
        "The model's tags: `{model}`. Each word, its tag and the probability the model gave it: {probs}.",
        "모델의 태그: `{model}`. 단어별 태그와 모델이 준 확률: {probs}."),
    # 2. the least sure word
    "ex.tagging.unsure.question": (
        "Which word of this sentence is the model least sure about: the one whose chosen tag got the lowest "
        "probability?\n\n**{sentence}**\n\nPaste the sentence into the text box above to see its tag probabilities.",
        "이 문장에서 모델이 가장 덜 확신하는 단어는 무엇일까요? 고른 태그의 확률이 가장 낮은 단어입니다.\n\n"
        "**{sentence}**\n\n문장을 위의 입력 칸에 붙여 넣으면 태그 확률이 보입니다."),
    "ex.tagging.unsure.right": (
        "The model tagged “{word}” `{tag}` with p = {p}, the lowest of the sentence; the runner-up tag `{second}` "
        "got {p2}. The closer the two, the nearer the model was to the other tag.",
        "모델은 “{word}”에 `{tag}`를 확률 {p}로 붙였고, 이 문장에서 가장 낮습니다. 2위 태그 `{second}`는 {p2}입니다. "
        "두 확률이 가까울수록 모델이 다른 태그를 고를 뻔했다는 뜻입니다."),
    "ex.tagging.unsure.wrong": (
        "The model tagged “{word}” `{tag}` with p = {p}; another word's tag got less. Read the tag probabilities "
        "of the sentence on the page.",
        "모델은 “{word}”에 `{tag}`를 확률 {p}로 붙였습니다. 이보다 낮은 단어가 있습니다. 페이지에서 이 문장의 태그 "
        "확률을 보세요."),
    "ex.tagging.unsure.pick": ("Pick one of the sentence's words.", "문장의 단어 중 하나를 고르세요."),
    "ex.tagging.unsure.solution": (
        "Each word, the model's tag and its probability: {rows}. The lowest: “{word}” ({p}).",
        "단어별 모델의 태그와 확률: {rows}. 가장 낮은 단어: “{word}” ({p})."),
}
