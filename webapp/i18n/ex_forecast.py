"""Exercises on the forecast page. key -> (English, Korean); keys start with ex.forecast.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.forecast.seed": ("Exercise number", "문제 번호"),
    "ex.forecast.seed.help": (
        "Each number asks about another forecast origin of the validation part (0: the first) and another step.",
        "번호마다 검증 구간의 다른 시작점(0: 첫 시점)과 다른 걸음을 묻습니다."),
    "ex.forecast.yes": ("Yes", "예"),
    "ex.forecast.no": ("No", "아니요"),
    # will the network beat the baseline
    "ex.forecast.beat.q": (
        "Move the origin to **{origin}**. Over the next {h} steps, will the network's forecast (its median) have "
        "a lower MAE than the {baseline} forecast? Decide from the chart before you read the scores.",
        "시작점을 **{origin}**(으)로 옮기세요. 다음 {h}걸음 동안 신경망의 예측(중앙값)이 {baseline} 예측보다 MAE가 "
        "낮을까요? 점수표를 읽기 전에 그림을 보고 정하세요."),
    "ex.forecast.beat.wins": ("the network wins", "신경망이 이깁니다"),
    "ex.forecast.beat.loses": ("the baseline wins or ties", "기준 방법이 이기거나 비깁니다"),
    "ex.forecast.beat.right": (
        "From {origin}: MAE {model} for the network, {other} for the {baseline}: {verdict}.",
        "{origin}부터: 신경망의 MAE {model}, {baseline}의 MAE {other}. {verdict}."),
    "ex.forecast.beat.wrong": (
        "Move the origin slider to {origin} and read the table *From this origin*: the network's MAE against the "
        "{baseline}'s.",
        "시작점 슬라이더를 {origin}(으)로 옮기고 *이 시작점에서* 표에서 신경망과 {baseline}의 MAE를 비교해 보세요."),
    "ex.forecast.beat.solution": (
        "From {origin}, over {h} steps: the network's MAE is {model}, the {baseline}'s {other}: {verdict}.",
        "{origin}부터 {h}걸음: 신경망의 MAE는 {model}, {baseline}의 MAE는 {other}. {verdict}."),
    # what does the baseline forecast
    "ex.forecast.value.q": (
        "From the origin **{origin}**, what does the {baseline} forecast say for step {step} ({time})? Type the "
        "number.",
        "시작점 **{origin}**에서 {baseline} 예측은 {step}번째 걸음({time})에 얼마라고 할까요? 숫자를 입력하세요."),
    "ex.forecast.value.seasonal": (
        "Seasonal naive repeats the last season: step {step} gets the value one season ({season} steps) before it, "
        "{source_value} at {source}.",
        "계절 단순 예측은 마지막 계절을 되풀이합니다. {step}번째 걸음은 한 계절({season}걸음) 전의 값, 곧 {source}의 "
        "{source_value}를 받습니다."),
    "ex.forecast.value.naive": (
        "Naive repeats the last value before the origin for every step: {source_value} at {source}.",
        "단순 예측은 시작점 직전의 마지막 값을 모든 걸음에 되풀이합니다. {source}의 {source_value}입니다."),
    "ex.forecast.value.off": (
        "The system was off at {time} (known in advance), so every method forecasts 0 there.",
        "{time}에는 시스템이 쉬었으므로 (미리 알려진 사실) 모든 방법이 0으로 예측합니다."),
    "ex.forecast.value.wrong": (
        "{got} is not it. Move the origin to {origin}, show the {baseline} on the chart and hover over {time}; or "
        "find the observed step it repeats.",
        "{got}은(는) 아닙니다. 시작점을 {origin}(으)로 옮기고 그림에 {baseline}을(를) 표시한 뒤 {time}에 마우스를 "
        "올려 보세요. 아니면 이 방법이 되풀이하는 관측값을 찾아보세요."),
    "ex.forecast.value.solution": (
        "{expected}. {because}",
        "{expected}. {because}"),
}
