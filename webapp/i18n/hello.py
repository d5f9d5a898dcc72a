"""Hello RNN: the lecture's four-letter network. key -> (English, Korean)."""
STRINGS = {
    "hello.title": ("Hello RNN", "Hello RNN"),
    "hello.intro": (
        "The lecture's example, live. The vocabulary is the word's letters (`h, e, l, o` for *hello*); "
        "the network reads `hell` and must predict the next letter each time: `ello`. Inputs are "
        "one-hot vectors $x_t$, the hidden layer is $h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$ and "
        "the output layer $y_t = W_{hy} h_t$. Train it a few steps at a time and watch every number change.",
        "강의 예제를 직접 움직여 봅니다. 어휘는 단어의 글자들입니다(*hello*라면 `h, e, l, o`). 신경망은 `hell`을 "
        "읽으면서 매번 다음 글자 `ello`를 맞혀야 합니다. 입력은 원-핫 벡터 $x_t$, 은닉층은 "
        "$h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$, 출력층은 $y_t = W_{hy} h_t$입니다. 몇 단계씩 학습시키며 "
        "모든 숫자가 바뀌는 것을 지켜보세요."),
    "hello.word": ("Training word", "학습 단어"),
    "hello.word.help": ("Any short string; the vocabulary follows its letters.",
                        "짧은 문자열이면 무엇이든 됩니다. 어휘는 그 글자들로 정해집니다."),
    "hello.hidden": ("Hidden size", "은닉 크기"),
    "hello.seed": ("Seed (initial weights)", "시드 (초기 가중치)"),
    "hello.bad_word": ("{error}. The network below is still the one for the previous word.",
                       "{error}. 아래 신경망은 이전 단어의 것 그대로입니다."),
    "hello.bad_link": (
        "The link's training could not be read (steps@rate, the rates offered here, {limit} steps at most): the "
        "network starts untrained.",
        "링크의 학습 기록을 읽을 수 없습니다 (단계@학습률, 여기서 고를 수 있는 학습률, 최대 {limit}단계): 신경망은 학습 전 "
        "상태로 시작합니다."),
    "hello.trained": ("Training so far (steps@η)", "지금까지의 학습 (단계@η)"),
    "hello.trained.help": (
        "Every click's steps and learning rate, in order. A copied link carries them, and whoever opens it gets "
        "this very network: gradient descent on one word gives the same weights for the same steps.",
        "클릭마다의 단계 수와 학습률을 순서대로 적습니다. 복사한 링크에 함께 담기므로, 링크를 연 사람은 바로 이 신경망을 "
        "받습니다: 한 단어에 대한 경사 하강은 같은 단계를 밟으면 같은 가중치가 됩니다."),
    "hello.trained.none": ("not trained yet", "아직 학습 전"),
    "hello.trained.too_long": (
        "This training is longer than a link replays ({limit} steps, or too many changes of η): a copied link "
        "opens the network untrained.",
        "이 학습은 링크가 다시 재현할 수 있는 것보다 깁니다 ({limit}단계, 또는 η를 너무 자주 바꿈): 복사한 링크는 학습 "
        "전의 신경망을 엽니다."),
    "hello.steps": ("Steps per click", "클릭당 단계 수"),
    "hello.lr": ("Learning rate η", "학습률 η"),
    "hello.lr.help": ("Each step is plain gradient descent: every weight W becomes W − η ∂L/∂W.",
                      "한 단계는 순수한 경사 하강입니다: 모든 가중치 W가 W − η ∂L/∂W가 됩니다."),
    "hello.loss_axis": ("loss per letter (L / T)", "글자당 손실 (L / T)"),
    "hello.train": ("Train {n} steps", "{n}단계 학습"),
    "hello.reset": ("Reset", "초기화"),
    "hello.loss": ("Loss after {steps} steps: {loss}", "{steps}단계 후 손실: {loss}"),
    "hello.predictions": ("Predicted next letter at each step", "각 단계에서 예측한 다음 글자"),
    "hello.col.right": ("right?", "맞음?"),
    "hello.col.input": ("input x_t", "입력 x_t"),
    "hello.col.target": ("target", "정답"),
    "hello.col.predicted": ("predicted", "예측"),
    "hello.col.p_target": ("p(target)", "p(정답)"),
    "hello.walk": ("Walk through time", "시간 따라 걷기"),
    "hello.step": ("Time step", "시간 단계"),
    "hello.walk.caption": (
        "Orange: the previous hidden state h_{{t-1}} (zero at the first step). Blue: the one-hot input x_t. "
        "Green: the new hidden state h_t and what it predicts. The target here is “{target}”.",
        "주황: 이전 은닉 상태 h_{{t-1}} (첫 단계에서는 0). 파랑: 원-핫 입력 x_t. 초록: 새 은닉 상태 h_t와 그 예측. "
        "이 단계의 정답은 “{target}”입니다."),
    "hello.input_layer": ("Input layer x_t (one-hot)", "입력층 x_t (원-핫)"),
    "hello.input_layer.text": ("One row per letter of the vocabulary; a 1 marks the letter read.",
                               "어휘의 글자마다 한 행. 읽은 글자에 1이 표시됩니다."),
    "hello.hidden_layer": ("Hidden layer h_t", "은닉층 h_t"),
    "hello.hidden_layer.text": ("tanh keeps every unit between -1 (blue) and 1 (red).",
                                "tanh 때문에 모든 유닛은 -1(파랑)과 1(빨강) 사이에 있습니다."),
    "hello.output_layer": ("Output layer y_t", "출력층 y_t"),
    "hello.output_layer.text": ("y_t = W_hy h_t: a score (logit) for each possible next letter.",
                                "y_t = W_hy h_t: 다음에 올 수 있는 각 글자의 점수(로짓)."),
    "hello.softmax": ("softmax(y_t): probabilities", "softmax(y_t): 확률"),
    "hello.softmax.text": ("The largest probability in each column is the prediction.",
                           "각 열에서 가장 큰 확률이 예측입니다."),
    "hello.back": ("Walk back through time", "시간을 거슬러 걷기"),
    "hello.back.intro": (
        "Training needs the gradient of the loss $L = \\sum_t L_t$ (here {loss}: the loss per letter above "
        "times the {T} steps) with respect to every weight. Backpropagation through time walks the unrolled "
        "network backwards, from the last step to the first. At each step the error $\\delta_t = \\partial L / \\partial h_t$ "
        "arrives from two places: this step's own output, and the next step's hidden state, which $h_t$ fed through "
        "$W_{{hh}}$ and the tanh.",
        "학습에는 손실 $L = \\sum_t L_t$ (여기서는 {loss}: 위의 글자당 손실에 {T} 단계를 곱한 값)의 모든 가중치에 대한 "
        "기울기가 필요합니다. 시간 역전파(BPTT)는 펼친 신경망을 마지막 단계에서 첫 단계로 거꾸로 걷습니다. 각 단계의 오차 "
        "$\\delta_t = \\partial L / \\partial h_t$는 두 곳에서 옵니다: 이 단계 자신의 출력, 그리고 $h_t$가 $W_{{hh}}$와 "
        "tanh를 거쳐 넘겨준 다음 단계의 은닉 상태."),
    "hello.back.step": ("Time step, walking back", "거슬러 가는 시간 단계"),
    "hello.back.no_future": ("nothing after the last step", "마지막 단계 뒤에는 없음"),
    "hello.back.caption": (
        "Green: this step's own error, from its prediction against the target “{target}”. Orange: the error "
        "coming back from step t+1 (multiplied by tanh's slope 1 − h², then by W_hhᵀ). Their sum δ_t is "
        "passed on to step t−1 the same way.",
        "초록: 이 단계 자신의 오차 (예측과 정답 “{target}”의 차이). 주황: t+1 단계에서 돌아오는 오차 (tanh의 기울기 "
        "1 − h²를 곱한 뒤 W_hhᵀ를 곱함). 둘의 합 δ_t가 같은 방식으로 t−1 단계로 넘어갑니다."),
    "hello.back.norms": ("How much error reaches each step: ‖δ_t‖", "각 단계에 닿는 오차: ‖δ_t‖"),
    "hello.back.norms.text": (
        "Each bar is the size of δ_t, the sum of two parts: the step's own error (green above) and the error "
        "coming back from the later steps (orange). Each step back multiplies the part from the future by "
        "$W_{{hh}}^\\top$ and by tanh's slope $1 - h^2 \\le 1$; when that shrinks it, the first steps hear little "
        "of the last steps' mistakes. Over 50 or 100 steps it is all but gone: the **vanishing gradient**, which "
        "is why gated cells (LSTM, GRU) exist (see the **Memory** page). On {T} steps the bars barely show it: "
        "they mostly follow each step's own error.",
        "각 막대는 δ_t의 크기이고, δ_t는 두 부분의 합입니다: 이 단계 자신의 오차 (위의 초록)와 뒤쪽 단계에서 "
        "돌아오는 오차 (주황). 한 단계 거슬러 갈 때마다 미래에서 온 부분에 $W_{{hh}}^\\top$와 tanh의 기울기 "
        "$1 - h^2 \\le 1$이 곱해집니다. 이것이 오차를 줄이면 앞쪽 단계는 뒤쪽 단계의 실수를 거의 듣지 못합니다. "
        "50이나 100단계를 지나면 거의 사라집니다: 이것이 **기울기 소실**이며, 그래서 게이트가 있는 셀(LSTM, GRU)이 "
        "생겼습니다 (**메모리** 페이지). {T}단계에서는 막대에 거의 드러나지 않습니다: 막대는 주로 각 단계 자신의 "
        "오차를 따릅니다."),
    "hello.back.norms.start": (
        "Before training every prediction is a guess, so every step has a large error of its own. The part "
        "arriving from the later steps is at most {share} of a step's own error here.",
        "학습 전에는 모든 예측이 추측이라 모든 단계가 큰 자기 오차를 가집니다. 여기서 뒤쪽 단계에서 오는 부분은 "
        "한 단계 자신의 오차의 최대 {share}입니다."),
    "hello.back.norms.trained": (
        "After {steps} training steps the bars show where the network is still wrong. The tallest, t={tallest}, "
        "holds an error of its own of size {own} and {future} from the later steps: a tall early bar is that "
        "step's own mistake, not error gathered on the way back. The part from the later steps is at most "
        "{share} of a step's own error here.",
        "{steps}번 학습한 뒤 막대는 신경망이 아직 틀리는 곳을 보여 줍니다. 가장 높은 t={tallest}에는 크기 {own}의 "
        "자기 오차와 뒤쪽 단계에서 온 {future}가 있습니다: 앞쪽 막대가 높다면 그것은 그 단계 자신의 실수이지, "
        "거슬러 오며 모인 오차가 아닙니다. 여기서 뒤쪽 단계에서 오는 부분은 한 단계 자신의 오차의 최대 "
        "{share}입니다."),
    "hello.back.grads": ("Each weight's gradient, summed over the steps", "단계마다 더한 각 가중치의 기울기"),
    "hello.back.grads.text": (
        "The same matrices serve every step, so each step adds its share to their gradients. These numbers are "
        "computed from the lecture's equations alone; the tests check them against PyTorch's autograd (to 1e-6).",
        "모든 단계가 같은 행렬을 쓰므로 각 단계가 기울기에 제 몫을 더합니다. 이 숫자들은 강의의 식만으로 계산하며, "
        "테스트가 PyTorch autograd와 같은지 (1e-6까지) 확인합니다."),
    "hello.weights": ("The weights", "가중치"),
    "hello.weights.text": (
        "W_xh maps the input to the hidden layer, W_hh carries the memory from one step to the next, W_hy "
        "maps the hidden layer to the output; b is the hidden bias. The same matrices serve every time step.",
        "W_xh는 입력을 은닉층으로, W_hh는 한 단계의 기억을 다음 단계로, W_hy는 은닉층을 출력으로 보냅니다. "
        "b는 은닉층의 편향입니다. 모든 시간 단계가 같은 행렬을 씁니다."),
    "hello.update": ("One step of gradient descent", "경사 하강 한 단계"),
    "hello.update.which": ("Weight", "가중치"),
    "hello.update.now": ("{name} now", "지금 {name}"),
    "hello.update.change": ("− {lr} × ∂L/∂{name}", "− {lr} × ∂L/∂{name}"),
    "hello.update.after": ("{name} after the next step", "다음 단계 후 {name}"),
    "hello.update.text": (
        "Set the steps per click to 1 and press Train: the weights become the right-hand matrix exactly "
        "(η = {lr}). No momentum, no clipping: this is the whole of a training step.",
        "클릭당 단계 수를 1로 두고 학습을 누르면 가중치가 정확히 오른쪽 행렬이 됩니다 (η = {lr}). 모멘텀도 클리핑도 "
        "없습니다: 학습 한 단계는 이것이 전부입니다."),
}
