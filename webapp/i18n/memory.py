"""The memory page: RNN, LSTM and GRU on a long-range task, and the gradient through time. key -> (English, Korean)."""
STRINGS = {
    "mem.title": ("Memory: why LSTMs exist", "메모리: LSTM이 있는 이유"),
    "mem.intro": (
        "A recurrent network is trained by backpropagation through time: the error at the answer travels back "
        "step by step, and at every step it is multiplied by the recurrent weights and the slope of the "
        "activation. Over many steps a plain RNN's error shrinks to nothing (or blows up), so it cannot learn "
        "what happened long ago. The LSTM and the GRU carry their state through *gates* that can keep it "
        "unchanged, and the error with it. Here the three race on the same task: **which letter came "
        "first?** The first letter is marked (a capital); after T letters the network must name it.",
        "순환 신경망은 시간 역전파로 학습합니다. 정답에서 생긴 오차가 한 단계씩 거슬러 가며, 단계마다 순환 가중치와 활성화 "
        "함수의 기울기가 곱해집니다. 단계가 많아지면 보통 RNN의 오차는 사라지거나(또는 폭발하거나) 해서 오래전 일을 배우지 "
        "못합니다. LSTM과 GRU는 상태를 그대로 지킬 수 있는 *게이트*로 상태와 오차를 함께 나릅니다. 여기서 셋이 같은 과제로 "
        "경주합니다: **처음 나온 글자는?** 첫 글자는 표시(대문자)되어 있고, T개의 글자 뒤에 신경망이 그 글자를 말해야 합니다."),
    "mem.task": ("Task", "과제"),
    "mem.task.first": ("Which letter came first?", "처음 나온 글자는?"),
    "mem.delay": ("Delay T (letters to remember across)", "지연 T (기억해야 할 글자 수)"),
    "mem.delay.help": ("The sequence length: the answer is T steps back from where it is asked.",
                       "수열의 길이: 정답은 질문받는 곳에서 T 단계 앞에 있습니다."),
    "mem.cells": ("Cells in the race", "경주할 셀"),
    "mem.no_cells": ("Pick at least one cell.", "셀을 하나 이상 고르세요."),
    "mem.scale": ("RNN: W_hh's spectral radius at the start", "RNN: 시작할 때 W_hh의 스펙트럼 반지름"),
    "mem.scale.help": (
        "The plain RNN's recurrent matrix is scaled so that its largest eigenvalue has this size. Below 1 the "
        "error shrinks at every step back (vanishes); above 1 it can grow (explode).",
        "보통 RNN의 순환 행렬을 가장 큰 고윳값의 크기가 이 값이 되도록 조정합니다. 1보다 작으면 한 단계 거슬러 갈 때마다 "
        "오차가 줄고(소실), 1보다 크면 커질 수 있습니다(폭발)."),
    "mem.scale.torch": ("torch's (≈0.58)", "torch 기본 (≈0.58)"),
    "mem.hidden": ("Hidden size (every cell)", "은닉 크기 (모든 셀)"),
    "mem.seconds": ("Time budget (seconds)", "시간 예산 (초)"),
    "mem.clip": ("Gradient clipping", "기울기 클리핑"),
    "mem.clip.help": ("On: each step's gradient is scaled down to norm 1 when it is larger (tames explosions).",
                      "켜면: 각 단계의 기울기 노름이 1보다 크면 1로 줄입니다 (폭발을 막음)."),
    "mem.example": ("An example: `{text}` → the answer is “{answer}”. Guessing gives {chance}.",
                    "예: `{text}` → 정답은 “{answer}”. 찍으면 {chance}."),
    "mem.race": ("The race", "경주"),
    "mem.seed": ("Seed", "시드"),
    "mem.seed.help": ("The initial weights and the sequences of the race and of the gradient charts.",
                      "경주와 기울기 차트의 초기 가중치와 수열을 정합니다."),
    "mem.race.settings": (
        "This race: T = {delay} · {cells} · hidden size {hidden} · {seconds} s · RNN radius {radius} · clipping "
        "{clip} · seed {seed}",
        "이 경주: T = {delay} · {cells} · 은닉 크기 {hidden} · {seconds}초 · RNN 반지름 {radius} · 클리핑 {clip} · "
        "시드 {seed}"),
    "mem.race.clip_on": ("on", "켬"),
    "mem.race.clip_off": ("off", "끔"),
    "mem.race.other_settings": (
        "The settings above have changed since this race started: it goes on with its own (the line above the "
        "chart). Race again to use the new ones.",
        "이 경주가 시작된 뒤 위의 설정이 바뀌었습니다: 경주는 자기 설정(차트 위의 줄)대로 계속됩니다. 새 설정을 쓰려면 "
        "다시 경주하세요."),
    "mem.train": ("Race for {seconds} s", "{seconds}초 경주"),
    "mem.status": ("step {step} · {seconds} s · accuracy {scores}", "{step}단계 · {seconds}초 · 정확도 {scores}"),
    "mem.race.chart": ("Accuracy on fresh sequences (dashed: guessing)", "새 수열에서의 정확도 (점선: 찍기)"),
    "mem.accuracy": ("accuracy", "정확도"),
    "mem.diverged": ("{cell} stopped: {why}. Turn clipping on or lower the spectral radius.",
                     "{cell} 멈춤: {why}. 클리핑을 켜거나 스펙트럼 반지름을 낮추세요."),
    "mem.grad": ("The gradient through time", "시간을 거스르는 기울기"),
    "mem.grad.intro": (
        "How much of the error at the answer reaches each step: ‖∂L/∂h_t‖ for every t, measured with autograd "
        "on the step-by-step recurrence (each h_t's gradient retained), averaged over 32 sequences. The answer "
        "is read at the last step; the letter to remember is at t = 1, on the left. Log scale: each grid line "
        "is ten times the one below.",
        "정답에서의 오차가 각 단계에 얼마나 닿는지: 모든 t에 대해 ‖∂L/∂h_t‖를 한 단계씩 도는 순환 계산에서 autograd로 재고 "
        "(각 h_t의 기울기를 보존), 32개 수열에 대해 평균했습니다. 정답은 마지막 단계에서 읽고, 기억할 글자는 왼쪽 끝 t = 1에 "
        "있습니다. 로그 눈금: 눈금 하나가 10배입니다."),
    "mem.grad.x": ("step t", "단계 t"),
    "mem.grad.init": ("At initialisation (T = {delay})", "초기화 직후 (T = {delay})"),
    "mem.grad.end": ("After the race (T = {delay}, {step} steps)", "경주 후 (T = {delay}, {step}단계)"),
    "mem.grad.after": ("Run a race to see the gradient after training.", "학습 후 기울기를 보려면 경주를 하세요."),
    "mem.grad.ratios": ("‖∂L/∂h_1‖ / ‖∂L/∂h_T‖, at the start → after: {ratios}",
                        "‖∂L/∂h_1‖ / ‖∂L/∂h_T‖, 시작 → 경주 후: {ratios}"),
    "mem.grad.text": (
        "A line that falls to the left is a vanishing gradient: the first step, which holds the answer, hears "
        "almost nothing of the error (a line that stops has fallen below float32's smallest number). Try the "
        "RNN's spectral radius at 0.5 and at 2.0, with clipping off. The LSTM's line is the gradient through "
        "h_t alone: most of its memory, and of the error, travels in its cell state c_t, so its line drops "
        "right after the last step and then stays level.",
        "왼쪽으로 갈수록 떨어지는 선이 기울기 소실입니다: 정답을 가진 첫 단계가 오차를 거의 듣지 못합니다 (선이 끊기면 "
        "float32가 나타낼 수 있는 가장 작은 수보다 작아진 것입니다). 클리핑을 끄고 RNN의 스펙트럼 반지름을 0.5와 2.0으로 "
        "바꿔 보세요. LSTM의 선은 h_t만을 거친 기울기입니다: 기억과 오차의 대부분은 셀 상태 c_t로 전해지므로, 마지막 단계 "
        "직후 떨어진 뒤 평평하게 이어집니다."),
    "mem.delays": ("Accuracy against the delay", "지연에 따른 정확도"),
    "mem.delays.missing": ("The precomputed table ({path}) is not there: `python benchmarks/memory.py --sweep` makes it.",
                           "미리 계산한 표({path})가 없습니다: `python benchmarks/memory.py --sweep`으로 만듭니다."),
    "mem.delays.text": (
        "Precomputed by the benchmark (hidden size {hidden}, {steps} steps for every cell at every delay, the "
        "same seed): `{command}`. Dashed: guessing.",
        "벤치마크로 미리 계산 (은닉 크기 {hidden}, 모든 지연에서 모든 셀이 {steps}단계, 같은 시드): `{command}`. "
        "점선: 찍기."),
    "mem.delay.x": ("delay T", "지연 T"),
}
