"""Every string the interface shows, in English and Korean, in one table.

`t(key, **values)` gives the string in the language picked in the sidebar, formatted with `values`.
A page that needs a new string adds a line here: key -> (English, Korean). Messages from `core`
(bad data, bad checkpoints) stay in English and are shown after a translated lead-in.
"""
import streamlit as st

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
KEY = "lang"  # the sidebar widget's key in st.session_state

STRINGS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ app shell
    "nav.home": ("Home", "홈"),
    "nav.hello": ("Hello RNN", "Hello RNN"),
    "nav.char_lm": ("Character language model", "문자 단위 언어 모델"),
    "nav.classifier": ("Text classifier", "텍스트 분류기"),
    "nav.ner": ("Named entities", "개체명 인식"),
    "sidebar.language": ("Language", "언어"),
    "sidebar.device": ("Models run on: **{device}**", "모델 실행 장치: **{device}**"),
    "sidebar.about": ("RNN Lab: see recurrent networks learn, predict and remember.",
                      "RNN Lab: 순환 신경망이 배우고, 예측하고, 기억하는 모습을 직접 보세요."),
    "chart.train": ("train", "학습"),
    "chart.valid": ("validation", "검증"),
    "chart.loss": ("loss (nats per character)", "손실 (문자당 nats)"),
    "chart.unit": ("unit", "유닛"),
    # ------------------------------------------------------------ home
    "home.title": ("RNN Lab", "RNN Lab"),
    "home.intro": (
        "A **recurrent neural network** (RNN) reads a sequence one step at a time. At every step it "
        "combines the new input $x_t$ with its own previous state $h_{t-1}$, the network's memory of "
        "everything it has read so far, and produces a new state $h_t$ and, if asked, an output $y_t$:",
        "**순환 신경망**(RNN)은 시퀀스를 한 단계씩 읽습니다. 매 단계마다 새 입력 $x_t$와 지금까지 읽은 "
        "모든 것에 대한 기억인 이전 상태 $h_{t-1}$을 합쳐 새 상태 $h_t$를 만들고, 필요하면 출력 $y_t$도 냅니다:"),
    "home.loop": (
        "The same weights $W$ are used at every step, so one small network handles sequences of any "
        "length. Here you train such networks in your browser and look inside them while they work.",
        "모든 단계에서 같은 가중치 $W$를 쓰므로 작은 신경망 하나로 길이에 상관없이 시퀀스를 다룰 수 있습니다. "
        "이곳에서 브라우저로 직접 신경망을 학습시키고, 동작하는 동안 그 안을 들여다볼 수 있습니다."),
    "home.hello_link": ("Start with the lecture's example: Hello RNN, every number visible",
                        "강의 예제부터 시작하기: 모든 숫자가 보이는 Hello RNN"),
    "home.usages": ("Three ways to use a recurrent network", "순환 신경망을 쓰는 세 가지 방법"),
    "home.one-to-many": ("One to many", "일대다 (one-to-many)"),
    "home.one-to-many.text": (
        "**Generation.** Start from one character (or a few) and let the network write: each output "
        "becomes the next input. A character-level language model writes Shakespeare this way.",
        "**생성.** 문자 하나(또는 몇 개)에서 시작해 신경망이 글을 쓰게 합니다. 각 출력이 다음 입력이 됩니다. "
        "문자 단위 언어 모델은 이렇게 셰익스피어를 씁니다."),
    "home.one-to-many.link": ("Character language model", "문자 단위 언어 모델"),
    "home.many-to-one": ("Many to one", "다대일 (many-to-one)"),
    "home.many-to-one.text": (
        "**Classification.** Read a whole sentence, then give one answer from the last state: is this "
        "review positive? Is this message spam?",
        "**분류.** 문장 전체를 읽은 뒤 마지막 상태로 답 하나를 냅니다. 이 리뷰는 긍정적인가? 이 메시지는 스팸인가?"),
    "home.many-to-one.link": ("Text classifier", "텍스트 분류기"),
    "home.many-to-many": ("Many to many", "다대다 (many-to-many)"),
    "home.many-to-many.text": (
        "**Tagging.** Give an output for every input: a tag for every word, such as person, place or "
        "organisation.",
        "**태깅.** 입력마다 출력을 하나씩 냅니다. 예를 들어 단어마다 사람, 장소, 기관 같은 태그를 붙입니다."),
    "home.many-to-many.link": ("Named entities", "개체명 인식"),
    "home.soon": ("coming soon", "준비 중"),
    "home.footer": ("Use the sidebar to switch pages and to read the app in Korean or English.",
                    "사이드바에서 페이지를 바꾸고, 한국어와 영어 중 언어를 고를 수 있습니다."),
    # ------------------------------------------------------------ hello rnn
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
    "hello.output_layer": ("Output layer y_t = W_hy h_t", "출력층 y_t = W_hy h_t"),
    "hello.output_layer.text": ("Scores (logits) for each possible next letter.",
                                "다음에 올 수 있는 각 글자의 점수(로짓)."),
    "hello.softmax": ("softmax(y_t): probabilities", "softmax(y_t): 확률"),
    "hello.softmax.text": ("The largest probability in each column is the prediction.",
                           "각 열에서 가장 큰 확률이 예측입니다."),
    "hello.weights": ("The weights", "가중치"),
    "hello.weights.text": (
        "W_xh maps the input to the hidden layer, W_hh carries the memory from one step to the next, W_hy "
        "maps the hidden layer to the output; b is the hidden bias. The same matrices serve every time step.",
        "W_xh는 입력을 은닉층으로, W_hh는 한 단계의 기억을 다음 단계로, W_hy는 은닉층을 출력으로 보냅니다. "
        "b는 은닉층의 편향입니다. 모든 시간 단계가 같은 행렬을 씁니다."),
    # ------------------------------------------------------------ training (shared)
    "train.stop": ("Stop", "중지"),
    "train.status": ("step {step} · {seconds} s · {speed} characters/s", "{step}단계 · {seconds}초 · 초당 {speed}자"),
    "train.best": ("best validation loss {loss}", "최고 검증 손실 {loss}"),
    "train.state.ready": ("Ready", "준비"),
    "train.state.running": ("Training…", "학습 중…"),
    "train.state.stopping": ("Stopping…", "멈추는 중…"),
    "train.state.done": ("Done", "완료"),
    "train.state.stopped": ("Stopped", "중지됨"),
    "train.state.failed": ("Failed", "실패"),
    # ------------------------------------------------------------ character language model
    "lm.title": ("Character-level language model", "문자 단위 언어 모델"),
    "lm.intro": (
        "A recurrent network that reads text one character at a time and learns to predict the next "
        "one. Use the model that ships with the app, or train your own on any text, then let it write "
        "and look at what its units do.",
        "글을 한 글자씩 읽으며 다음 글자를 맞히도록 배우는 순환 신경망입니다. 앱에 들어 있는 모델을 쓰거나 "
        "원하는 글로 직접 학습시킨 뒤, 글을 쓰게 하고 유닛들이 무엇을 하는지 들여다보세요."),
    "lm.source": ("Model", "모델"),
    "lm.source.shipped": ("Shipped model (Shakespeare)", "기본 모델 (셰익스피어)"),
    "lm.source.train": ("Train your own", "직접 학습"),
    "lm.source.upload": ("Upload a model", "모델 올리기"),
    "lm.shipped.card": (
        "{layers}×{hidden} {cell}, {vocab} characters, trained on tiny-shakespeare for {minutes} min on "
        "{device}; validation loss {loss} nats/char.",
        "{layers}×{hidden} {cell}, 문자 {vocab}개, tiny-shakespeare로 {device}에서 {minutes}분 학습; "
        "검증 손실 문자당 {loss} nats."),
    "lm.shipped.missing": (
        "The shipped model (models/{path}) is not in this copy of the app. Train your own instead, or "
        "upload one you saved.",
        "이 앱에는 기본 모델(models/{path})이 없습니다. 대신 직접 학습시키거나 저장해 둔 모델을 올리세요."),
    "lm.shipped.bad": ("The shipped model could not be read: {error}", "기본 모델을 읽을 수 없습니다: {error}"),
    "lm.corpus": ("Text to learn from", "학습할 글"),
    "lm.corpus.hello": ("“hello hello …” (the toy)", "“hello hello …” (장난감 예제)"),
    "lm.corpus.project": ("Quotes and counting (written by RNN Lab)", "따옴표와 숫자 세기 (RNN Lab이 만든 글)"),
    "lm.corpus.pydoc": ("Python documentation (from the standard library)", "파이썬 문서 (표준 라이브러리)"),
    "lm.corpus.paste": ("Paste a text", "글 붙여넣기"),
    "lm.corpus.upload": ("Upload a .txt file", ".txt 파일 올리기"),
    "lm.corpus.paste.label": ("Your text", "내 글"),
    "lm.corpus.paste.name": ("the pasted text", "붙여넣은 글"),
    "lm.corpus.paste.placeholder": ("Paste any text here, in any language: Korean works too.",
                                    "어떤 언어의 글이든 여기에 붙여넣으세요. 한국어도 됩니다."),
    "lm.corpus.upload.label": ("A UTF-8 text file", "UTF-8 텍스트 파일"),
    "lm.corpus.bad": ("This text cannot be used: {error}", "이 글은 쓸 수 없습니다: {error}"),
    "lm.corpus.stats": ("{chars} characters, {distinct} different ones. The last 10% is kept aside for validation.",
                        "{chars}자, 서로 다른 문자 {distinct}개. 마지막 10%는 검증용으로 따로 둡니다."),
    "lm.corpus.preview": ("Show the beginning of the text", "글의 앞부분 보기"),
    "corpus.cut": ("The text has {n} characters; RNN Lab trains on the first {kept}.",
                   "글이 {n}자입니다. RNN Lab은 앞의 {kept}자로 학습합니다."),
    "corpus.one_char": ("The text uses a single character over and over: there is nothing to predict.",
                        "글이 한 문자만 되풀이합니다. 예측할 것이 없습니다."),
    "lm.cell": ("Cell", "셀"),
    "lm.hidden": ("Hidden units", "은닉 유닛"),
    "lm.layers": ("Layers", "층 수"),
    "lm.lr": ("Learning rate", "학습률"),
    "lm.seconds": ("Time budget (seconds)", "학습 시간 (초)"),
    "lm.train.start": ("Train", "학습 시작"),
    "lm.train.bad": ("Training could not start: {error}", "학습을 시작할 수 없습니다: {error}"),
    "lm.train.sample": ("What it writes at step {step}:", "{step}단계에서 쓰는 글:"),
    "lm.train.wait": ("Sampling and the look inside open when training ends (or press Stop).",
                      "학습이 끝나면(또는 중지를 누르면) 샘플링과 들여다보기가 열립니다."),
    "lm.download": ("Download the model (.safetensors)", "모델 내려받기 (.safetensors)"),
    "lm.upload.label": ("An RNN Lab language model (.safetensors)", "RNN Lab 언어 모델 (.safetensors)"),
    "lm.upload.bad": ("This file cannot be used: {error}", "이 파일은 쓸 수 없습니다: {error}"),
    "lm.upload.card": ("{name}: {layers}×{hidden} {cell}, {vocab} characters.",
                       "{name}: {layers}×{hidden} {cell}, 문자 {vocab}개."),
    "lm.no_model": ("No model yet: pick the shipped one, train one, or upload one to sample from it.",
                    "아직 모델이 없습니다. 기본 모델을 고르거나, 학습시키거나, 올려서 샘플링하세요."),
    "lm.sample": ("Sample", "샘플링"),
    "lm.prime": ("Priming text", "시작 글"),
    "lm.prime.placeholder": ("e.g. ROMEO:", "예: ROMEO:"),
    "lm.length": ("Length", "길이"),
    "lm.temperature": ("Temperature", "온도"),
    "lm.temperature.help": ("Below 1: safer, more repetitive; above 1: wilder.",
                            "1보다 낮으면 안전하고 반복적, 1보다 높으면 자유분방합니다."),
    "lm.top_k": ("Top-k", "Top-k"),
    "lm.top_k.help": ("Sample only among the k most likely characters (0: all).",
                      "가장 가능성 높은 k개 문자 중에서만 고릅니다 (0: 전부)."),
    "lm.seed": ("Seed", "시드"),
    "lm.again": ("Again", "다시"),
    "lm.sample.bad": ("Cannot sample: {error}. Your priming text is kept: edit it and try again.",
                      "샘플링할 수 없습니다: {error}. 시작 글은 그대로 있으니 고쳐서 다시 해 보세요."),
    "lm.inside": ("Look inside", "안을 들여다보기"),
    "lm.inside.intro": (
        "The network replays the text one character at a time. Each column is a character, each row a "
        "unit; hover for the values. Hidden and cell states run from blue (negative) to red (positive); "
        "gates from 0 (dark) to 1 (yellow).",
        "신경망이 글을 한 글자씩 다시 읽습니다. 열은 문자, 행은 유닛이며, 마우스를 올리면 값이 보입니다. 은닉 상태와 "
        "셀 상태는 파랑(음수)에서 빨강(양수)으로, 게이트는 0(어두움)에서 1(노랑)으로 표시됩니다."),
    "lm.inside.source": ("Text", "글"),
    "lm.inside.source.sample": ("The sample above", "위의 샘플"),
    "lm.inside.source.text": ("A text I type", "직접 입력한 글"),
    "lm.inside.text": ("Text to look at", "들여다볼 글"),
    "lm.inside.empty": ("Sample or type some text to look inside the network.",
                        "샘플을 만들거나 글을 입력하면 신경망 안을 볼 수 있습니다."),
    "lm.inside.bad": ("Cannot look inside this text: {error}", "이 글은 들여다볼 수 없습니다: {error}"),
    "lm.inside.truncated": ("Showing the first {n} characters.", "앞의 {n}자만 보여 줍니다."),
    "lm.inside.what": ("Show", "보기"),
    "lm.inside.layer": ("Layer", "층"),
    "lm.inside.top": ("Top-5 next characters after each position", "각 위치 다음에 올 문자 상위 5개"),
    "inside.state.hidden": ("hidden state h_t", "은닉 상태 h_t"),
    "inside.state.cell": ("cell state c_t", "셀 상태 c_t"),
    "inside.state.input": ("input gate i_t", "입력 게이트 i_t"),
    "inside.state.forget": ("forget gate f_t", "망각 게이트 f_t"),
    "inside.state.candidate": ("candidate g_t", "후보 g_t"),
    "inside.state.output": ("output gate o_t", "출력 게이트 o_t"),
    "inside.state.reset": ("reset gate r_t", "리셋 게이트 r_t"),
    "inside.state.update": ("update gate z_t", "업데이트 게이트 z_t"),
    "inside.downsampled": ("Showing the {shown} units (of {total}) that vary most over this text.",
                           "전체 {total}개 유닛 중 이 글에서 가장 많이 변하는 {shown}개를 보여 줍니다."),
    "lm.neuron": ("Neuron finder", "뉴런 찾기"),
    "lm.neuron.intro": (
        "Select a span of the text: the units that behave differently there than elsewhere are listed, "
        "and one unit's value is coloured over the whole text (red: high, blue: low). Try a span inside "
        "quotes or brackets.",
        "글의 한 구간을 고르면, 그 구간에서 다른 곳과 다르게 움직이는 유닛들이 나열되고, 한 유닛의 값이 글 전체에 "
        "색으로 칠해집니다(빨강: 높음, 파랑: 낮음). 따옴표나 괄호 안쪽 구간을 골라 보세요."),
    "lm.neuron.span": ("Span (character positions)", "구간 (문자 위치)"),
    "lm.neuron.selected": ("Selected: `{text}`", "선택한 구간: `{text}`"),
    "lm.neuron.top": ("Units that stand out in the span", "구간에서 두드러지는 유닛"),
    "lm.neuron.score": ("mean in span − mean elsewhere", "구간 평균 − 나머지 평균"),
    "lm.neuron.unit": ("Unit to colour the text with", "글을 칠할 유닛"),
    "lm.neuron.unit.ranked": ("unit {unit} ({score})", "유닛 {unit} ({score})"),
    "lm.neuron.unit.plain": ("unit {unit}", "유닛 {unit}"),
}


def language() -> str:
    """The language picked in the sidebar (English until one is picked, or outside a Streamlit run)."""
    try:
        lang = st.session_state.get(KEY, DEFAULT)
    except Exception:  # noqa: BLE001 - no session (plain Python, unit tests)
        lang = DEFAULT
    return lang if lang in LANGUAGES else DEFAULT


def t(key: str, lang: str | None = None, **values) -> str:
    """The string `key` in `lang` (default: the sidebar's), with {placeholders} filled from `values`.
    A key missing from the table shows as itself, so a gap is visible rather than fatal."""
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[list(LANGUAGES).index(lang or language())]
    return text.format(**values) if values else text
