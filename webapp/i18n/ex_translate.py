"""Exercises on the translate page. key -> (English, Korean); keys start with ex.translate.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.translate.seed": ("Exercise seed", "연습 문제 시드"),
    "ex.translate.seed.help": ("Another number asks about other steps and other words.",
                               "다른 숫자를 넣으면 다른 단계와 다른 단어를 묻습니다."),
    "ex.translate.none": ("Nothing to ask about yet: the model has written nothing with attention or "
                          "probabilities to read.",
                          "아직 물어볼 것이 없습니다. 모델이 어텐션이나 확률을 읽을 만한 출력을 쓰지 않았습니다."),
    "ex.translate.pick": ("Pick one of the choices.", "보기 중 하나를 고르세요."),
    # 1. where the decoder looked
    "ex.translate.looked.question": (
        "When the decoder writes “{word}” (step {step}), which source token does it look at most?",
        "디코더가 “{word}”(단계 {step})를 쓸 때 가장 많이 보는 입력 토큰은 무엇일까요?"),
    "ex.translate.looked.right": (
        "Row {step} of the attention map peaks at “{token}” with weight {w}; the runner-up, “{second}”, gets "
        "{w2}. The weights of a row add up to 1: this is what the decoder read of the source to write “{word}”.",
        "어텐션 맵의 {step}번째 행은 “{token}”에서 가장 크고(가중치 {w}), 2위 “{second}”는 {w2}입니다. 한 행의 "
        "가중치를 모두 더하면 1입니다. 디코더가 “{word}”를 쓰려고 입력에서 읽은 것이 바로 이것입니다."),
    "ex.translate.looked.wrong": (
        "At step {step} the decoder gave “{token}” weight {w}; another token got more. Read row {step} of the "
        "attention map, or move the step slider to {step} and read the bars of where it looked.",
        "단계 {step}에서 디코더는 “{token}”에 가중치 {w}를 주었습니다. 더 큰 토큰이 있습니다. 어텐션 맵의 "
        "{step}번째 행을 보거나, 단계 슬라이더를 {step}에 놓고 어디를 보았는지 막대를 읽어 보세요."),
    "ex.translate.looked.solution": (
        "Row {step}'s largest weights: {weights}. The most: “{token}”.",
        "{step}번째 행의 큰 가중치: {weights}. 가장 큰 것: “{token}”."),
    # 2. the least likely word
    "ex.translate.unlikely.question": (
        "The model wrote “{output}”. Of these words, which did the decoder find least likely when it wrote it "
        "(the lowest probability among that step's top five)?",
        "모델이 “{output}”라고 썼습니다. 이 단어들 중 디코더가 쓸 때 가장 낮은 확률을 준 단어는 무엇일까요(그 단계의 "
        "상위 5개 후보 중 확률)?"),
    "ex.translate.unlikely.right": (
        "At step {step} “{word}” had p = {p}, the lowest of these. {how}",
        "단계 {step}에서 “{word}”의 확률은 {p}로 이 중 가장 낮습니다. {how}"),
    "ex.translate.unlikely.top": (
        "It was still the decoder's first choice at that step: the step was uncertain, the others were surer.",
        "그래도 그 단계에서는 1위 후보였습니다. 그 단계가 불확실했고, 다른 단계는 더 확신했습니다."),
    "ex.translate.unlikely.not_top": (
        "It was not even the step's first choice (“{top}” had {p_top}): the beam kept it because the whole "
        "sentence it led to scored better.",
        "그 단계의 1위 후보도 아니었습니다(“{top}”가 {p_top}). 빔 탐색은 그 단어로 이어지는 문장 전체의 점수가 더 "
        "높아서 이 단어를 남겼습니다."),
    "ex.translate.unlikely.wrong": (
        "At step {step} “{word}” had p = {p}; one of the others had less. Move the step slider to each word and "
        "read its bar among the top five.",
        "단계 {step}에서 “{word}”의 확률은 {p}입니다. 이보다 낮은 단어가 있습니다. 단계 슬라이더로 각 단어로 가서 상위 5개 "
        "후보 막대를 읽어 보세요."),
    "ex.translate.unlikely.solution": (
        "Each word's step and the probability the decoder gave it: {rows}. The lowest: “{word}”.",
        "단어별 단계와 디코더가 준 확률: {rows}. 가장 낮은 단어: “{word}”."),
    # 3. the chatbot's reranking
    "ex.translate.winner.question": (
        "For “{asked}” the chatbot scored its candidate replies. Of these, which has the highest score, the reply "
        "it gives at temperature 0?",
        "“{asked}”에 대해 챗봇이 후보 답변들에 점수를 매겼습니다. 이 중 점수가 가장 높은, 즉 온도 0에서 내놓을 답변은 "
        "무엇일까요?"),
    "ex.translate.winner.sum": (
        "“{reply}” ({origin}): log p {logprob}{prior} + {weight} × similarity {similarity} = **{score}**",
        "“{reply}” ({origin}): log p {logprob}{prior} + {weight} × 유사도 {similarity} = **{score}**"),
    "ex.translate.winner.prior": (" − {mmi} × prior {prior}", " − {mmi} × 사전 확률 {prior}"),
    "ex.translate.winner.right": (
        "{sum}. The model's own log p of the reply, plus how close the question is to a training question whose "
        "answer it is. At a higher temperature the reply is drawn by these scores, so it can be another one "
        "(this time: “{reply}”).",
        "{sum}. 답변에 대한 모델의 log p에, 그 답을 가진 학습 질문과 지금 질문이 얼마나 비슷한지를 더한 점수입니다. 온도가 "
        "높으면 이 점수에 따라 뽑기 때문에 다른 답이 나올 수도 있습니다(이번 답: “{reply}”)."),
    "ex.translate.winner.wrong": (
        "{sum}: another candidate scores more. Open the candidates table under the reply and compare the score "
        "column.",
        "{sum}. 점수가 더 높은 후보가 있습니다. 답변 아래 후보 표를 열어 점수 열을 비교해 보세요."),
}
