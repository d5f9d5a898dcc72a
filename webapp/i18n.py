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
    "app.error": ("Something went wrong on this page; it has been logged (reference {ref}). Your inputs are kept: "
                  "try again, or change them.",
                  "이 페이지에서 문제가 생겨 서버 기록에 남겼습니다(참조 번호 {ref}). 입력한 내용은 그대로 있으니 "
                  "다시 시도하거나 바꿔 보세요."),
    "chart.train": ("train", "학습"),
    "chart.valid": ("validation", "검증"),
    "chart.loss": ("loss (nats per character)", "손실 (문자당 nats)"),
    "chart.unit": ("unit", "유닛"),
    "chart.step": ("step", "단계"),
    "chart.rank": ("rank", "순위"),
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
    # ------------------------------------------------------------ training (shared)
    "train.stop": ("Stop", "중지"),
    "train.status": ("step {step} · {seconds} s · {speed} {unit}/s", "{step}단계 · {seconds}초 · 초당 {speed}{unit}"),
    "upload.bad": ("This file cannot be used: {error}", "이 파일은 쓸 수 없습니다: {error}"),
    "train.bad": ("Training could not start: {error}", "학습을 시작할 수 없습니다: {error}"),
    "train.unit.char": ("characters", "자"),
    "train.unit.word": ("words", "단어"),
    "train.best": ("best validation loss {loss}", "최고 검증 손실 {loss}"),
    "train.state.ready": ("Ready", "준비"),
    "train.state.running": ("Training…", "학습 중…"),
    "train.state.stopping": ("Stopping…", "멈추는 중…"),
    "train.state.done": ("Done", "완료"),
    "train.state.stopped": ("Stopped", "중지됨"),
    "train.state.failed": ("Failed", "실패"),
    "train.state.cancelled": ("Cancelled", "취소됨"),
    "train.cancel": ("Cancel", "취소"),
    "train.queued": ("Waiting: **{place} in line**. Trainings on this server run {slots} at a time, for all "
                     "visitors together; yours starts by itself when a place frees.",
                     "대기 중: **{place} 순서**입니다. 이 서버는 모든 방문자의 학습을 한 번에 {slots}개까지 "
                     "진행합니다. 자리가 나면 저절로 시작합니다."),
    "train.place.st": ("{n}st", "{n}번째"),  # a place in line: 1st, 21st ...
    "train.place.nd": ("{n}nd", "{n}번째"),
    "train.place.rd": ("{n}rd", "{n}번째"),
    "train.place.th": ("{n}th", "{n}번째"),
    "start.from": ("Start from", "시작할 모델"),
    "start.from.help": ("Going on training keeps the model's size and vocabulary: the new data may use only the "
                        "labels, tags or characters it knows.",
                        "이어서 학습하면 모델의 크기와 어휘는 그대로입니다. 새 데이터에는 모델이 아는 레이블, 태그, "
                        "문자만 있어야 합니다."),
    "start.from.new": ("a new model", "새 모델"),
    "start.from.file": ("a model file, to go on training it", "모델 파일 (이어서 학습)"),
    "start.from.last": ("the model just trained", "방금 학습한 모델"),
    "start.file": ("Your model (.safetensors), e.g. one you downloaded here", "내 모델 (.safetensors), 예: 여기서 내려받은 파일"),
    "start.bad": ("This model cannot go on training here: {error}", "이 모델은 여기서 이어서 학습할 수 없습니다: {error}"),
    "start.card": ("{name}: {layers}×{hidden} {cell}, vocabulary {vocab}{labels}, trained {steps} steps.",
                   "{name}: {layers}×{hidden} {cell}, 어휘 {vocab}개{labels}, {steps}단계 학습됨."),
    "start.card.classes": ("; classes: {labels}", "; 클래스: {labels}"),
    "start.card.tags": ("; entity types: {labels}", "; 개체 유형: {labels}"),
    "start.bidirectional": ("bidirectional {cell}", "양방향 {cell}"),
    "start.optimizer": ("With its optimizer state: AdamW goes on where it stopped.",
                        "옵티마이저 상태 포함: AdamW가 멈춘 곳에서 이어 갑니다."),
    "start.no_optimizer": ("No optimizer state in the file: AdamW starts afresh.",
                           "파일에 옵티마이저 상태가 없어 AdamW는 새로 시작합니다."),
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
    "lm.train.sample": ("What it writes at step {step}:", "{step}단계에서 쓰는 글:"),
    "lm.train.wait": ("Sampling and the look inside open when training ends or is stopped.",
                      "학습이 끝나거나 중지되면 샘플링과 들여다보기가 열립니다."),
    "lm.download": ("Download the model (.safetensors)", "모델 내려받기 (.safetensors)"),
    "lm.upload.label": ("An RNN Lab language model (.safetensors)", "RNN Lab 언어 모델 (.safetensors)"),
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
    "lm.inside.window": ("First character of the {n} shown", "보여 줄 {n}자의 시작 위치"),
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
    # ------------------------------------------------------------ text classifier (many-to-one)
    "train.best_metric": ("best validation {name} {value}", "최고 검증 {name} {value}"),
    "metric.accuracy": ("accuracy", "정확도"),
    "clf.title": ("Text classifier: many to one", "텍스트 분류기: 다대일"),
    "clf.intro": (
        "A recurrent network reads a text token by token and gives **one** answer at the end: is this movie "
        "review positive or negative, is this SMS spam? Type anything and see the answer, how it formed while "
        "the network read, and which words mattered.",
        "순환 신경망이 글을 토큰 단위로 읽고 끝에서 **하나**의 답을 냅니다. 이 영화평은 긍정인가 부정인가, 이 문자는 "
        "스팸인가? 아무 글이나 입력해 답과, 신경망이 읽는 동안 답이 어떻게 만들어졌는지, 어떤 단어가 중요했는지 보세요."),
    "clf.source": ("Task or model", "작업 또는 모델"),
    "clf.source.sentiment": ("Sentiment (movie reviews, SST-2)", "감성 (영화평, SST-2)"),
    "clf.source.spam": ("Spam (SMS)", "스팸 (SMS)"),
    "clf.source.train": ("Train your own", "직접 학습"),
    "clf.source.upload": ("Upload a model", "모델 올리기"),
    "clf.shipped.card": (
        "{layers}×{hidden} {two}{cell} over {tokens}, vocabulary {vocab}; held-out accuracy {acc}, macro-F1 {f1}; "
        "trained for {minutes} min on {device}.",
        "{tokens} 위의 {layers}×{hidden} {two}{cell}, 어휘 {vocab}개; 검증 정확도 {acc}, macro-F1 {f1}; "
        "{device}에서 {minutes}분 학습."),
    "clf.shipped.sst2": (
        "SST-2's training file holds every sentence and its phrases, so a random tenth of its rows is mostly phrases "
        "of sentences the model was trained on: that accuracy is inflated. On 1,000 whole sentences it never saw, "
        "the same settings score about 83.5% (models/README.md).",
        "SST-2 학습 파일에는 모든 문장과 그 구절이 들어 있어, 무작위로 뽑은 10%는 대부분 학습한 문장의 구절입니다: 위 정확도는 "
        "부풀려져 있습니다. 한 번도 보지 않은 온전한 문장 1,000개에서 같은 설정은 약 83.5%입니다 (models/README.md)."),
    "clf.bidirectional.short": ("bidirectional ", "양방향 "),
    "clf.class.sentiment.0": ("negative", "부정"),
    "clf.class.sentiment.1": ("positive", "긍정"),
    "clf.tokenizer.word": ("words", "단어"),
    "clf.tokenizer.char": ("characters", "문자"),
    "clf.shipped.missing": (
        "The shipped model (models/{path}) is not in this copy of the app. Train your own instead, or upload one.",
        "이 앱에는 기본 모델(models/{path})이 없습니다. 대신 직접 학습시키거나 모델을 올리세요."),
    "clf.shipped.bad": ("The shipped model could not be read: {error}", "기본 모델을 읽을 수 없습니다: {error}"),
    "clf.train.intro": (
        "Upload a table of labelled texts (CSV or TSV, with or without a header; any number of classes). "
        "A tenth of it is kept aside to score the model, unless you give a validation file.",
        "레이블이 붙은 글의 표(CSV 또는 TSV, 머리글은 있어도 없어도 됨, 클래스 수 제한 없음)를 올리세요. "
        "검증 파일을 따로 주지 않으면 10%를 떼어 두고 모델 채점에 씁니다."),
    "clf.data.upload": ("Labelled texts (.csv, .tsv)", "레이블이 붙은 글 (.csv, .tsv)"),
    "clf.data.upload.help": ("One row per text: a text column and a label column.",
                             "한 행에 글 하나: 글 열과 레이블 열."),
    "clf.data.bad": ("This table cannot be used: {error}", "이 표는 쓸 수 없습니다: {error}"),
    "clf.data.latin1": ("The file is not UTF-8; it was read as Latin-1 (Windows-1252). Check the accents below.",
                        "파일이 UTF-8이 아니어서 Latin-1(Windows-1252)로 읽었습니다. 아래에서 글자가 맞는지 확인하세요."),
    "clf.data.ragged": ("{n} rows without exactly {width} columns were left out.",
                        "열이 정확히 {width}개가 아닌 행 {n}개는 뺐습니다."),
    "clf.data.cut": ("The table has {n} rows; the first {kept} are used.", "표에 {n}행이 있어 앞의 {kept}행만 씁니다."),
    "clf.data.blank": ("{n} rows without a text or a label were left out.", "글이나 레이블이 없는 행 {n}개는 뺐습니다."),
    "clf.data.rare": ("{n} classes have a single example ({examples}): the model can hardly learn them.",
                      "예가 하나뿐인 클래스가 {n}개 있습니다({examples}). 모델이 배우기 어렵습니다."),
    "clf.data.text_col": ("Text column", "글 열"),
    "clf.data.label_col": ("Label column", "레이블 열"),
    "clf.data.stats": ("{n} examples, {classes} classes ({counts}).", "예 {n}개, 클래스 {classes}개 ({counts})."),
    "clf.data.preview": ("Show the first rows", "앞부분 행 보기"),
    "clf.data.valid": ("Validation file (optional)", "검증 파일 (선택)"),
    "clf.data.valid.upload": ("Labelled texts to score the model on, with the same labels",
                              "모델을 채점할 글, 레이블은 학습 파일과 같게"),
    "clf.data.valid.none": ("Without one, a seeded 10% of the table is held out.",
                            "없으면 표의 10%를 (고정된 시드로) 떼어 둡니다."),
    "clf.data.valid.stats": ("{n} validation examples.", "검증 예 {n}개."),
    "clf.cell": ("Cell", "셀"),
    "clf.hidden": ("Hidden units", "은닉 유닛"),
    "clf.tokenizer": ("Tokens", "토큰"),
    "clf.seconds": ("Time budget (seconds)", "학습 시간 (초)"),
    "clf.bidirectional": ("Bidirectional", "양방향"),
    "clf.train.start": ("Train", "학습 시작"),
    "clf.train.wait": ("The report and the predictions open when training ends or is stopped.",
                       "학습이 끝나거나 중지되면 결과와 예측이 열립니다."),
    "clf.loss": ("loss (cross-entropy per text)", "손실 (글당 교차 엔트로피)"),
    "clf.report": ("How well it does on the held-out texts", "떼어 둔 글에서의 성능"),
    "clf.report.bad": ("The model could not be scored: {error}", "모델을 채점할 수 없습니다: {error}"),
    "clf.report.accuracy": ("Accuracy", "정확도"),
    "clf.report.macro_f1": ("Macro-F1", "Macro-F1"),
    "clf.report.n": ("Held-out texts", "떼어 둔 글 수"),
    "clf.report.class": ("class", "클래스"),
    "clf.report.confusion": ("Confusion matrix", "혼동 행렬"),
    "clf.report.confusion.axes": ("Rows: the true label; columns: the predicted one.",
                                  "행: 실제 레이블, 열: 예측한 레이블."),
    "clf.report.confusion.big": ("{n} classes: too many to draw a confusion matrix.",
                                 "클래스가 {n}개라 혼동 행렬을 그리기에 너무 많습니다."),
    "clf.report.wrong": ("**The held-out texts it got most wrong**", "**가장 크게 틀린 검증 글**"),
    "clf.report.none_wrong": ("None: every held-out text is right.", "없습니다. 검증 글을 모두 맞혔습니다."),
    "clf.report.text": ("text", "글"),
    "clf.report.gold": ("true label", "실제 레이블"),
    "clf.report.predicted": ("predicted", "예측"),
    "clf.report.p_label": ("p(true label)", "p(실제 레이블)"),
    "clf.download": ("Download the model (.safetensors)", "모델 내려받기 (.safetensors)"),
    "clf.upload.label": ("An RNN Lab classifier (.safetensors)", "RNN Lab 분류기 (.safetensors)"),
    "clf.upload.card": ("{name}: {layers}×{hidden} {cell}; classes: {classes}.",
                        "{name}: {layers}×{hidden} {cell}; 클래스: {classes}."),
    "clf.no_model": ("No model yet: pick a task, train a model, or upload one.",
                     "아직 모델이 없습니다. 작업을 고르거나, 모델을 학습시키거나, 올리세요."),
    "clf.predict": ("Try it", "해 보기"),
    "clf.examples": ("Examples (click one), the hard ones included:", "예문 (클릭), 어려운 것도 있습니다:"),
    "clf.text": ("Text", "글"),
    "clf.text.placeholder": ("Type or paste a sentence or a message.", "문장이나 메시지를 입력하거나 붙여넣으세요."),
    "clf.method": ("Which tokens mattered, measured by", "중요한 토큰을 재는 방법"),
    "clf.method.gradient": ("gradient × input", "기울기 × 입력"),
    "clf.method.leave-one-out": ("leave one out", "하나씩 빼 보기"),
    "clf.method.help": (
        "Gradient × input: how fast the answer's log-probability changes with each token's input vector, "
        "times that vector. Leave one out: how much the answer's probability falls when the token is removed.",
        "기울기 × 입력: 각 토큰의 입력 벡터에 대해 답의 로그 확률이 변하는 정도에 그 벡터를 곱한 값. "
        "하나씩 빼 보기: 그 토큰을 지웠을 때 답의 확률이 줄어드는 정도."),
    "clf.empty": ("Type some text (or click an example) to get an answer.",
                  "답을 보려면 글을 입력하거나 예문을 클릭하세요."),
    "clf.thinking": ("Reading the text…", "글을 읽는 중…"),
    "clf.bad_text": ("No answer for this text: {error}", "이 글에는 답할 수 없습니다: {error}"),
    "clf.label": ("Answer", "답"),
    "clf.confidence": ("probability {p}", "확률 {p}"),
    "clf.unknown": (
        "{share} of the tokens are unknown to this model (another language, emoji, rare words?): the answer "
        "rests on little and is not to be trusted.",
        "토큰의 {share}가 이 모델이 모르는 것입니다(다른 언어, 이모지, 드문 단어?). 답의 근거가 적으니 믿기 어렵습니다."),
    "clf.cut": ("The answer reads the whole text; the charts below show its first {n} tokens.",
                "답은 글 전체를 읽고 낸 것이며, 아래 그림은 앞의 {n}개 토큰만 보여 줍니다."),
    "clf.over_time": ("How the answer formed over time", "답이 시간에 따라 만들어진 과정"),
    "clf.over_time.intro": (
        "The classifier applied after each token, to the text read so far: watch a word like “not” or "
        "“but” turn the answer. The last point is the answer above.",
        "각 토큰 다음에, 그때까지 읽은 글에 분류기를 적용한 결과입니다. “not”이나 “but” 같은 단어가 답을 뒤집는 것을 "
        "보세요. 마지막 점이 위의 답입니다."),
    "clf.over_time.y": ("probability", "확률"),
    "clf.saliency": ("Which tokens mattered", "어떤 토큰이 중요했나"),
    "clf.saliency.intro": (
        "Red behind a token: it pushed towards **{label}**; blue: against it. Hover for the score.",
        "토큰 뒤가 빨가면 **{label}** 쪽으로, 파라면 반대쪽으로 밀었습니다. 마우스를 올리면 점수가 보입니다."),
    "clf.inside": ("Inside the network", "신경망 안"),
    "clf.inside.intro": (
        "Every hidden state (and, for LSTM and GRU, every gate) while the network reads the text: one column "
        "per token, one row per unit.",
        "신경망이 글을 읽는 동안의 모든 은닉 상태(LSTM과 GRU는 모든 게이트도): 열은 토큰, 행은 유닛입니다."),
    "clf.inside.what": ("Show", "보기"),
    "clf.inside.layer": ("Layer", "층"),
    "clf.inside.bidirectional": (
        "Bidirectional: units 0 to {last} read left to right, the others right to left.",
        "양방향: 유닛 0부터 {last}까지는 왼쪽에서 오른쪽으로, 나머지는 오른쪽에서 왼쪽으로 읽습니다."),
    # ------------------------------------------------------------ named entities
    "ner.title": ("Named entities: a tag for every word", "개체명 인식: 단어마다 태그 하나"),
    "ner.intro": (
        "Many to many, aligned: a bidirectional recurrent network reads a sentence both ways and gives every "
        "word a tag: the start (B-) or the inside (I-) of a person (PER), an organisation (ORG), a location (LOC) "
        "or another name (MISC), or O for none. Each word enters as its embedding plus what a small character "
        "RNN makes of its spelling (capitals, digits, endings), so unseen names are still recognised.",
        "다대다(정렬): 양방향 순환 신경망이 문장을 양쪽으로 읽고 단어마다 태그를 붙입니다. 사람(PER), 조직(ORG), "
        "장소(LOC), 그 밖의 이름(MISC)의 시작(B-)이나 안쪽(I-), 또는 아무것도 아니면 O입니다. 각 단어는 임베딩과 "
        "철자(대문자, 숫자, 어미)를 읽는 작은 문자 RNN의 결과로 들어가므로, 처음 보는 이름도 알아봅니다."),
    "ner.source": ("Model", "모델"),
    "ner.source.shipped": ("News tagger (CoNLL-2003)", "뉴스 태거 (CoNLL-2003)"),
    "ner.source.train": ("Train your own", "직접 학습"),
    "ner.source.upload": ("Upload a tagger", "태거 올리기"),
    "ner.shipped.card": (
        "Bidirectional {cell}, {hidden} units each way, {vocab} words, trained from scratch on CoNLL-2003 "
        "(Reuters news) in {minutes} minutes on {device}; validation entity F1 {f1}.",
        "양방향 {cell}, 방향마다 유닛 {hidden}개, 단어 {vocab}개. CoNLL-2003(로이터 뉴스)으로 {device}에서 {minutes}분 "
        "동안 처음부터 학습했습니다. 검증 개체 F1 {f1}."),
    "ner.shipped.missing": ("The shipped tagger (models/{path}) is not there: train your own instead.",
                            "제공 태거(models/{path})가 없습니다. 직접 학습해 보세요."),
    "ner.shipped.bad": ("The shipped tagger cannot be read: {error}", "제공 태거를 읽을 수 없습니다: {error}"),
    "ner.train.intro": (
        "Upload a CoNLL file (one token per line, the tag in the last column, a blank line between sentences; "
        "IOB1 or IOB2 tags) or pick a public data set, then train a tagger here. A tenth of an uploaded file "
        "is held out to score it.",
        "CoNLL 파일(한 줄에 토큰 하나, 마지막 열에 태그, 문장 사이에 빈 줄; IOB1 또는 IOB2)을 올리거나 공개 데이터를 "
        "골라 여기서 태거를 학습하세요. 올린 파일의 10분의 1은 점수를 매기려고 따로 둡니다."),
    "ner.data": ("Data", "데이터"),
    "ner.data.upload": ("A CoNLL file", "CoNLL 파일"),
    "ner.data.upload.help": ("UTF-8 text, e.g. `EU NNP B-NP B-ORG`: the first column is the token, the last the tag.",
                             "UTF-8 텍스트. 예: `EU NNP B-NP B-ORG`. 첫 열은 토큰, 마지막 열은 태그입니다."),
    "ner.data.conll2003": ("CoNLL-2003 (news)", "CoNLL-2003 (뉴스)"),
    "ner.data.wnut17": ("WNUT-17 (social media)", "WNUT-17 (소셜 미디어)"),
    "ner.data.bad": ("This file cannot be used: {error}", "이 파일은 쓸 수 없습니다: {error}"),
    "ner.data.stats": ("{n} sentences, {tokens} tokens; entity types: {types}",
                       "문장 {n}개, 토큰 {tokens}개. 개체 유형: {types}"),
    "ner.hidden": ("Hidden units per direction", "방향별 은닉 유닛"),
    "ner.seconds": ("Seconds of training", "학습 시간(초)"),
    "ner.cell": ("Cell", "셀"),
    "ner.chars": ("Character features", "문자 특징"),
    "ner.chars.help": ("A character RNN reads each word's spelling (capitals, digits, endings).",
                       "문자 RNN이 각 단어의 철자(대문자, 숫자, 어미)를 읽습니다."),
    "ner.train.start": ("Train", "학습 시작"),
    "ner.train.wait": ("The report and the tagging open when training ends or is stopped.",
                       "학습이 끝나거나 중지되면 보고서와 태깅이 열립니다."),
    "ner.loss": ("loss (nats per token)", "손실 (토큰당 nats)"),
    "metric.f1": ("entity F1", "개체 F1"),
    "ner.report": ("How good is it? (held-out sentences)", "얼마나 잘하나? (따로 둔 문장)"),
    "ner.report.bad": ("No report: {error}", "보고서를 만들 수 없습니다: {error}"),
    "ner.report.precision": ("Precision", "정밀도"),
    "ner.report.recall": ("Recall", "재현율"),
    "ner.report.n": ("Sentences scored", "채점한 문장"),
    "ner.report.type": ("Type", "유형"),
    "ner.report.support": ("Entities", "개체 수"),
    "ner.report.worst": ("The sentences with the most wrong tags: the gold tag under each word, then the "
                         "predicted one (red where wrong).",
                         "틀린 태그가 가장 많은 문장: 각 단어 아래에 정답 태그, 그 아래에 예측 태그(틀리면 빨강)."),
    "ner.report.errors": ("{n} wrong tags", "틀린 태그 {n}개"),
    "ner.report.none_wrong": ("Not a single wrong tag.", "틀린 태그가 하나도 없습니다."),
    "ner.download": ("Download the tagger", "태거 내려받기"),
    "ner.upload.label": ("A tagger (.safetensors) trained in RNN Lab", "RNN Lab에서 학습한 태거 (.safetensors)"),
    "ner.upload.card": ("{name}: {cell}, {hidden} units; tags {tags}", "{name}: {cell}, 유닛 {hidden}개. 태그 {tags}"),
    "ner.no_model": ("No tagger yet: pick the shipped one, train one, or upload one.",
                     "아직 태거가 없습니다. 제공 태거를 고르거나, 학습하거나, 올리세요."),
    "ner.predict": ("Tag a text", "글에 태그 달기"),
    "ner.examples": ("Examples (click one), the hard ones included:", "예문 (클릭), 어려운 것도 있습니다:"),
    "ner.text": ("Text (split into words and sentences for you)", "글 (단어와 문장으로 알아서 나눕니다)"),
    "ner.text.placeholder": ("Type or paste a sentence or a few paragraphs of news.",
                             "뉴스 문장이나 몇 문단을 입력하거나 붙여넣으세요."),
    "ner.empty": ("Type some text (or click an example) to find its entities.",
                  "개체를 찾으려면 글을 입력하거나 예문을 클릭하세요."),
    "ner.thinking": ("Tagging…", "태그 다는 중…"),
    "ner.bad_text": ("This text cannot be tagged: {error}", "이 글에는 태그를 달 수 없습니다: {error}"),
    "ner.counts": ("{sentences} sentences, {tokens} tokens, {entities} entities",
                   "문장 {sentences}개, 토큰 {tokens}개, 개체 {entities}개"),
    "ner.none": ("No entity found in this text.", "이 글에서 찾은 개체가 없습니다."),
    "ner.table.entity": ("Entity", "개체"),
    "ner.table.type": ("Type", "유형"),
    "ner.table.sentence": ("Sentence", "문장"),
    "ner.table.confidence": ("Probability", "확률"),
    "ner.probs": ("Tag probabilities, token by token", "토큰별 태그 확률"),
    "ner.probs.intro": (
        "One column per token, one row per tag: the network's probability for each tag. The tags shown above "
        "are the most probable sequence that is valid (an I- tag only continues an entity of its type).",
        "열은 토큰, 행은 태그입니다. 각 태그에 대한 신경망의 확률입니다. 위의 태그는 올바른(I- 태그는 같은 유형의 "
        "개체를 이어갈 때만) 태그열 가운데 확률이 가장 높은 것입니다."),
    "ner.probs.tag": ("tag", "태그"),
    "ner.sentence": ("Sentence", "문장"),
    "ner.cut": ("Only the first {n} of its {total} tokens are drawn (all were tagged).",
                "토큰 {total}개 가운데 앞의 {n}개만 그립니다(태그는 모두 달았습니다)."),
    "ner.inside": ("Inside the network, both directions", "신경망 안, 양방향"),
    "ner.inside.intro": (
        "The word-level RNN's states while it reads the sentence: the forward direction from left to right, "
        "the backward one from right to left. A word's tag is read from both, side by side.",
        "단어 단위 RNN이 문장을 읽는 동안의 상태입니다. 정방향은 왼쪽에서 오른쪽으로, 역방향은 오른쪽에서 왼쪽으로 "
        "읽습니다. 단어의 태그는 두 방향의 상태를 나란히 놓고 정합니다."),
    "ner.inside.what": ("Show", "보기"),
    "ner.inside.forward": ("**Forward** (left to right)", "**정방향** (왼쪽에서 오른쪽)"),
    "ner.inside.backward": ("**Backward** (right to left)", "**역방향** (오른쪽에서 왼쪽)"),
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
