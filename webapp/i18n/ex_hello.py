"""Exercises on the hello page. key -> (English, Korean); keys start with ex.hello.."""
STRINGS: dict[str, tuple[str, str]] = {
    "ex.hello.unit.q": (
        "At t = {t} the network reads “{letter}”, and the previous hidden state is h_{{t-1}} = {h_prev}. Row {unit} "
        "of W_hh is {w_hh}; in row {unit} of W_xh, the column of “{letter}” holds {w_xh}; b_{unit} = {b}. Compute "
        "h_t[{unit}] = tanh(W_hh[{unit}] · h_{{t-1}} + W_xh[{unit}, “{letter}”] + b_{unit}) to two decimals.",
        "t = {t}에서 신경망은 “{letter}”를 읽고, 이전 은닉 상태는 h_{{t-1}} = {h_prev}입니다. W_hh의 {unit}행은 {w_hh}, "
        "W_xh의 {unit}행에서 “{letter}”의 열은 {w_xh}, b_{unit} = {b}입니다. "
        "h_t[{unit}] = tanh(W_hh[{unit}] · h_{{t-1}} + W_xh[{unit}, “{letter}”] + b_{unit})를 소수 둘째 자리까지 "
        "계산하세요."),
    "ex.hello.unit.right": (
        "The sum inside the tanh is {inside}, and tanh({inside}) = {h}: the hidden layer's unit h{unit} at t = {t}.",
        "tanh 안의 합은 {inside}이고 tanh({inside}) = {h}: t = {t}에서 은닉층의 유닛 h{unit}입니다."),
    "ex.hello.unit.no_tanh": (
        "That is the sum inside the tanh. The hidden state is that sum passed through tanh, which keeps it between "
        "-1 and 1.",
        "그것은 tanh 안의 합입니다. 은닉 상태는 그 합을 tanh에 통과시킨 값이며, tanh는 값을 -1과 1 사이로 지킵니다."),
    "ex.hello.unit.wrong": (
        "Multiply row {unit} of W_hh by h_{{t-1}} entry by entry and add the products; the one-hot x_t picks a "
        "single column of W_xh, so add just {w_xh}; then b_{unit}; then take tanh. Walk through time to t = {t} "
        "on the page to see each term.",
        "W_hh의 {unit}행과 h_{{t-1}}를 원소끼리 곱해 더하고, 원-핫 x_t는 W_xh의 열 하나만 고르므로 {w_xh}만 더하고, "
        "b_{unit}를 더한 뒤 tanh를 취하세요. 페이지의 '시간 따라 걷기'를 t = {t}에 두면 각 항이 보입니다."),
    "ex.hello.unit.solution": (
        "W_hh[{unit}] · {h_prev} + {w_xh} + {b} = {inside}, and tanh({inside}) = {h} ≈ **{answer}**.",
        "W_hh[{unit}] · {h_prev} + {w_xh} + {b} = {inside}, tanh({inside}) = {h} ≈ **{answer}**."),
    "ex.hello.predict.q": (
        "After {steps} training steps, at t = {t} the network reads “{letter}”. Which letter does it predict next?",
        "{steps}단계 학습한 뒤, t = {t}에서 신경망은 “{letter}”를 읽습니다. 다음 글자로 무엇을 예측할까요?"),
    "ex.hello.predict.right": (
        "softmax(y_{t}) gives “{predicted}” the largest probability, {p} (the target is “{target}”).",
        "softmax(y_{t})에서 “{predicted}”의 확률 {p}가 가장 큽니다 (정답은 “{target}”)."),
    "ex.hello.predict.wrong": (
        "The prediction is the letter with the largest probability in softmax(y_t): look at column t = {t} of the "
        "softmax chart, or set the time step to t = {t}.",
        "예측은 softmax(y_t)에서 확률이 가장 큰 글자입니다: softmax 차트의 t = {t} 열을 보거나, 시간 단계를 t = {t}에 "
        "두세요."),
    "ex.hello.predict.solution": (
        "softmax(y_{t}): {probs}. The largest is “{predicted}” ({p}), so it predicts **{predicted}**; the target is "
        "“{target}”.",
        "softmax(y_{t}): {probs}. 가장 큰 것은 “{predicted}” ({p})이므로 예측은 **{predicted}**입니다. 정답은 “{target}”."),
    "ex.hello.grad.q": (
        "After {steps} training steps, the next step of gradient descent (η = {lr}) changes every weight by −η ∂L/∂W. "
        "Which of these entries of W_hy (row: a letter of the output, column: a hidden unit) will it change most?",
        "{steps}단계 학습한 뒤, 다음 경사 하강 단계(η = {lr})는 모든 가중치를 −η ∂L/∂W만큼 바꿉니다. W_hy의 이 "
        "원소들(행: 출력의 글자, 열: 은닉 유닛) 가운데 가장 크게 바뀌는 것은?"),
    "ex.hello.grad.right": (
        "∂L/∂W_hy[{best}] = {grad} is the largest in size, so the step moves it by {change}.",
        "∂L/∂W_hy[{best}] = {grad}의 크기가 가장 크므로, 이 단계는 그것을 {change}만큼 움직입니다."),
    "ex.hello.grad.wrong": (
        "∂L/∂W_hy[{got}] is {got_grad}. The change is −η times the gradient, so compare the gradients' sizes, "
        "whatever their sign, in the ∂L/∂W_hy chart under “Each weight's gradient”.",
        "∂L/∂W_hy[{got}]는 {got_grad}입니다. 변화량은 기울기에 −η를 곱한 것이므로, “단계마다 더한 각 가중치의 기울기” "
        "아래 ∂L/∂W_hy 차트에서 부호와 상관없이 기울기의 크기를 비교하세요."),
    "ex.hello.grad.solution": (
        "∂L/∂W_hy at these entries: {all}. The largest in size is **{best}** ({grad}): with η = {lr} it changes "
        "by {change}.",
        "이 원소들에서 ∂L/∂W_hy: {all}. 크기가 가장 큰 것은 **{best}** ({grad}): η = {lr}이면 {change}만큼 바뀝니다."),
}
