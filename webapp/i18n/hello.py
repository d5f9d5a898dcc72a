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
    "hello.steps": ("Steps per click", "클릭당 단계 수"),
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
    "hello.weights": ("The weights", "가중치"),
    "hello.weights.text": (
        "W_xh maps the input to the hidden layer, W_hh carries the memory from one step to the next, W_hy "
        "maps the hidden layer to the output; b is the hidden bias. The same matrices serve every time step.",
        "W_xh는 입력을 은닉층으로, W_hh는 한 단계의 기억을 다음 단계로, W_hy는 은닉층을 출력으로 보냅니다. "
        "b는 은닉층의 편향입니다. 모든 시간 단계가 같은 행렬을 씁니다."),
}
