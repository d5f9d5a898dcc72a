"""Exercises on the char_lm page. key -> (English, Korean); keys start with ex.char_lm.."""
STRINGS: dict[str, tuple[str, str]] = {
    # temperature → 0
    "ex.char_lm.temp.question": (
        "This model writes after {prime} at temperature {t}, nearly 0, once with seed {a} and once with seed {b}. "
        "What comes out?",
        "이 모델이 {prime} 다음을 온도 {t}(거의 0)로, 시드 {a}로 한 번, 시드 {b}로 한 번 씁니다. 무엇이 나올까요?"),
    "ex.char_lm.temp.no_prime": ("an empty priming text", "빈 시작 글"),
    "ex.char_lm.temp.option.same": (
        "The same text with both seeds: the most likely character every time (greedy), often going round in a loop",
        "두 시드 모두 같은 글: 매번 가장 가능성 높은 문자(greedy), 흔히 같은 말을 되풀이함"),
    "ex.char_lm.temp.option.varied": (
        "Two different texts: the seed still picks the characters, as at temperature 1",
        "서로 다른 두 글: 온도 1일 때처럼 시드가 여전히 문자를 고름"),
    "ex.char_lm.temp.option.random": (
        "Random characters: every character becomes equally likely",
        "무작위 문자: 모든 문자의 확률이 같아짐"),
    "ex.char_lm.temp.samples": (
        "Sampled just now: seed {a} wrote {first}, seed {b} wrote {second}; {same} Always taking the most likely "
        "character writes {greedy}: {greedy_too}{loop}",
        "방금 샘플링한 결과: 시드 {a}의 글은 {first}, 시드 {b}의 글은 {second}입니다. {same} 매번 가장 가능성 높은 "
        "문자를 고르면 나오는 글: {greedy}. {greedy_too}{loop}"),
    "ex.char_lm.temp.same": ("the same text.", "같은 글입니다."),
    "ex.char_lm.temp.differ": ("they differ: somewhere two characters were exactly as likely.",
                               "서로 다릅니다. 어딘가에서 두 문자의 확률이 정확히 같았습니다."),
    "ex.char_lm.temp.is_greedy": ("the samples are that greedy text.", "두 샘플이 바로 그 greedy 글입니다."),
    "ex.char_lm.temp.not_greedy": ("the samples are not quite that text.", "두 샘플이 그 글과 조금 다릅니다."),
    "ex.char_lm.temp.loop": (" It ends going round {piece}.", " 끝에서는 {piece} 부분이 되풀이됩니다."),
    "ex.char_lm.temp.right": (
        "Dividing the scores by a temperature near 0 makes the largest one win every time: the seed no longer "
        "matters.",
        "점수를 0에 가까운 온도로 나누면 가장 큰 점수가 매번 이깁니다. 시드는 더 이상 상관이 없습니다."),
    "ex.char_lm.temp.wrong": (
        "Move the temperature slider down to 0.1 and press Again a few times: watch how much the sample changes.",
        "온도 슬라이더를 0.1까지 내리고 '다시'를 몇 번 눌러 보세요. 샘플이 얼마나 바뀌는지 보세요."),
    "ex.char_lm.temp.solution": ("**{expected}.**", "**{expected}.**"),
    "ex.char_lm.temp.unsampled": ("The priming text has characters this model never saw, so it cannot be sampled: "
                                  "change the priming text first.",
                                  "시작 글에 이 모델이 본 적 없는 글자가 있어 생성할 수 없습니다. 먼저 시작 글을 바꾸세요."),
    # a unit that fires in a context
    "ex.char_lm.unit.context.quotes": ("inside the quotes", "따옴표 안"),
    "ex.char_lm.unit.context.speakers": ("on a speaker's name (such as ROMEO:)", "화자의 이름(ROMEO: 같은) 위"),
    "ex.char_lm.unit.context.words": ("inside words (letters and digits, not spaces or signs)",
                                      "단어 안(공백이나 기호가 아닌 글자와 숫자)"),
    "ex.char_lm.unit.question": (
        "In the text under **Look inside**, find a unit of the {state}, layer {layer}, that fires {context} "
        "({n} characters of the text): higher there than elsewhere. Type its number (0–{last}).",
        "**안을 들여다보기**의 글에서 {layer}층 {state}의 유닛 중 {context}({n}자)에서 켜지는, 즉 다른 곳보다 값이 "
        "높은 유닛을 찾으세요. 번호(0–{last})를 입력하세요."),
    "ex.char_lm.unit.not_a_unit": ("Type a unit's number, a whole number from 0 to {last}.",
                                   "유닛 번호를 0부터 {last} 사이의 정수로 입력하세요."),
    "ex.char_lm.unit.right": (
        "Unit {unit} averages {inside} {context} and {outside} elsewhere: by that difference it ranks {rank} of the "
        "{H} units of the {state} (the top {top} count).",
        "유닛 {unit}의 평균은 {context}에서 {inside}, 다른 곳에서 {outside}입니다. 그 차이로 {state}의 유닛 {H}개 중 "
        "{rank}위입니다(상위 {top}개면 정답)."),
    "ex.char_lm.unit.wrong": (
        "Unit {unit} averages {inside} {context} and {outside} elsewhere: by that difference it ranks {rank} of "
        "{H}. Pick such a stretch in the neuron finder: its bars list the units that stand out there.",
        "유닛 {unit}의 평균은 {context}에서 {inside}, 다른 곳에서 {outside}이며, 그 차이로 {H}개 중 {rank}위입니다. "
        "뉴런 찾기에서 그런 구간을 고르면 막대가 거기서 두드러지는 유닛을 보여 줍니다."),
    "ex.char_lm.unit.solution": (
        "Unit **{best}**: it averages {inside} {context} and {outside} elsewhere ({state}, layer {layer}). "
        "The five that fire most there: {top}.",
        "유닛 **{best}**: {context}에서 평균 {inside}, 다른 곳에서 {outside}입니다({layer}층 {state}). 거기서 가장 "
        "많이 켜지는 다섯 유닛: {top}."),
    # the next character
    "ex.char_lm.next.question": (
        "The text looked at reads {prefix} up to character {position}. Which character does the model find most "
        "likely next?",
        "들여다본 글은 {position}번째 문자까지 {prefix}입니다. 모델이 다음에 올 문자로 가장 가능성 높다고 보는 것은?"),
    "ex.char_lm.next.right": (
        "The model's softmax gives {got} a probability of {p}, its highest after character {position}.",
        "{position}번째 문자 다음에 모델의 소프트맥스가 가장 높은 확률을 준 문자는 {got}입니다(확률 {p})."),
    "ex.char_lm.next.wrong": (
        "The model gives {got} a probability of {p}; another character gets more. Find position {position} in the "
        "top-5 chart under the heatmap.",
        "모델이 {got}에 준 확률은 {p}입니다. 더 높은 문자가 있습니다. 히트맵 아래 상위 5개 그래프에서 {position}번째 "
        "위치를 찾아보세요."),
    "ex.char_lm.next.solution": (
        "**{best}** ({p}). After character {position} the model's top five: {table}.",
        "**{best}** ({p}). {position}번째 문자 다음 모델의 상위 5개: {table}."),
}
