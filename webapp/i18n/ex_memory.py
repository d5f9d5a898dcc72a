"""Exercises on the memory page. key -> (English, Korean); keys start with ex.memory.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.memory.chance.q": (
        "Predict before you race: at delay T = {delay}, which cell will still be at chance (guessing gets {chance}) "
        "after a race of {seconds} s?",
        "경주하기 전에 예측하세요: 지연 T = {delay}에서 {seconds}초 경주 뒤에도 찍기 수준(찍으면 {chance})에 머무는 셀은?"),
    "ex.memory.chance.none": ("none of them", "하나도 없음"),
    "ex.memory.chance.race_first": (
        "Your prediction: {answer}. Now run the race at T = {delay} with these cells and look at the accuracy "
        "curves (dashed: guessing), then check again.",
        "예측: {answer}. 이제 이 셀들로 T = {delay}에서 경주를 하고 정확도 곡선(점선: 찍기)을 본 뒤 다시 확인하세요."),
    "ex.memory.chance.right": (
        "After {step} steps the race ended at {accuracies}: below {limit} (at chance) is {stuck}.",
        "{step}단계 뒤 경주는 {accuracies}로 끝났습니다: {limit} 아래(찍기 수준)는 {stuck}입니다."),
    "ex.memory.chance.wrong": (
        "The race at T = {delay} ended at {accuracies} after {step} steps: look at which curve stays on the dashed "
        "line (below {limit}). The gradient chart below says why.",
        "T = {delay} 경주는 {step}단계 뒤 {accuracies}로 끝났습니다: 어느 곡선이 점선(아래 {limit}) 위에 머무는지 보세요. "
        "아래 기울기 차트가 그 이유를 보여 줍니다."),
    "ex.memory.chance.solution": (
        "The race ended at {accuracies}. At chance (below {limit}): **{stuck}**.",
        "경주는 {accuracies}로 끝났습니다. 찍기 수준({limit} 아래): **{stuck}**."),
    "ex.memory.chance.unraced": (
        "Run the race at T = {delay} first: the answer is whatever its accuracy curves show. Usually the plain "
        "RNN stays at chance once T reaches a few dozen steps, and the LSTM and the GRU learn.",
        "먼저 T = {delay}에서 경주를 하세요: 답은 정확도 곡선이 보여 주는 그대로입니다. 보통 T가 수십 단계가 되면 보통 "
        "RNN은 찍기 수준에 머물고, LSTM과 GRU는 배웁니다."),
    "ex.memory.decades.q": (
        "In the chart “At initialisation” ({chart}), read the {cell}'s gradient at the answer (t = {delay}) and at t = {t0}. "
        "By how many powers of ten is it smaller at t = {t0}? (3 means a thousand times smaller; a negative number, "
        "larger.)",
        "“초기화 직후” 차트({chart})에서 {cell}의 기울기를 정답 위치(t = {delay})와 t = {t0}에서 읽으세요. t = {t0}에서 10의 몇 "
        "제곱만큼 작은가요? (3은 천 배 작다는 뜻, 음수는 더 크다는 뜻입니다.)"),
    "ex.memory.decades.right": (
        "‖∂L/∂h_{delay}‖ = {at_T} and ‖∂L/∂h_{t0}‖ = {at_t0}: {answer} powers of ten. That is the error the "
        "step holding the letter hears from the answer.",
        "‖∂L/∂h_{delay}‖ = {at_T}, ‖∂L/∂h_{t0}‖ = {at_t0}: 10의 {answer}제곱입니다. 글자를 가진 단계가 정답에서 듣는 "
        "오차가 그만큼입니다."),
    "ex.memory.decades.sign": (
        "The size is right, the direction is not: compare which of the two points is lower on the chart.",
        "크기는 맞지만 방향이 반대입니다: 차트에서 두 점 가운데 어느 쪽이 더 낮은지 비교하세요."),
    "ex.memory.decades.wrong": (
        "The y axis is logarithmic: each grid line is ten times the one below. Count the grid lines between the "
        "{cell} line at t = {delay} (right end) and at t = {t0} (hover over the line for its numbers).",
        "y축은 로그 눈금입니다: 눈금 하나가 아래 눈금의 10배입니다. t = {delay}(오른쪽 끝)와 t = {t0}에서 {cell} 선 사이의 "
        "눈금 수를 세세요 (선 위에 마우스를 올리면 숫자가 보입니다)."),
    "ex.memory.decades.solution": (
        "‖∂L/∂h_{delay}‖ = {at_T}, ‖∂L/∂h_{t0}‖ = {at_t0}; log10 of their ratio is **{answer}** ({times} times).",
        "‖∂L/∂h_{delay}‖ = {at_T}, ‖∂L/∂h_{t0}‖ = {at_t0}; 비의 log10은 **{answer}** ({times}배)입니다."),
    "ex.memory.smallest.q": (
        "At initialisation ({chart}), {k} steps before the answer (t = {t}), which cell's gradient ‖∂L/∂h_t‖ is "
        "smallest?",
        "초기화 직후({chart}), 정답보다 {k}단계 앞(t = {t})에서 기울기 ‖∂L/∂h_t‖가 가장 작은 셀은?"),
    "ex.memory.chart": ("hidden size {hidden}, RNN radius {radius}, seed {seed}",
                        "은닉 크기 {hidden}, RNN 반지름 {radius}, 시드 {seed}"),
    "ex.memory.smallest.right": (
        "At t = {t}: {norms}. The smallest is {smallest}: the error from the answer reaches that step the least.",
        "t = {t}에서: {norms}. 가장 작은 것은 {smallest}: 정답의 오차가 그 단계에 가장 적게 닿습니다."),
    "ex.memory.smallest.wrong": (
        "{got}'s gradient there is {got_norm}. Find t = {t} on the x axis of the chart “At initialisation” and "
        "see which line is lowest (log scale: lower is smaller).",
        "그곳에서 {got}의 기울기는 {got_norm}입니다. “초기화 직후” 차트의 x축에서 t = {t}를 찾아 어느 선이 가장 낮은지 "
        "보세요 (로그 눈금: 낮을수록 작습니다)."),
    "ex.memory.smallest.solution": (
        "At t = {t}: {norms}. The smallest: **{smallest}**.",
        "t = {t}에서: {norms}. 가장 작은 것: **{smallest}**."),
}
