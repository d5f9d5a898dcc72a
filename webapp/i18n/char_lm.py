"""The character language model page. key -> (English, Korean)."""
STRINGS = {
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
    "lm.corpus.shakespeare": ("Tiny Shakespeare (1.1 million characters)", "셰익스피어 (tiny Shakespeare, 110만 자)"),
    "lm.corpus.shakespeare.source": (
        "Passages from Shakespeare's plays (public domain), as Andrej Karpathy compiled them for char-rnn: the text "
        "the shipped model learnt. It ships with the app in data/tinyshakespeare/.",
        "셰익스피어 희곡의 여러 대목(퍼블릭 도메인)을 Andrej Karpathy가 char-rnn용으로 모은 글로, 기본 모델이 배운 글입니다. "
        "앱의 data/tinyshakespeare/에 들어 있습니다."),
    "lm.corpus.korean_chat": ("Korean chatbot dialogue (330,000 characters)", "한국어 챗봇 대화 (33만 자)"),
    "lm.corpus.korean_chat.source": (
        "10,640 Korean question–answer pairs from songys/Chatbot_data (MIT licence): each question on a line, its "
        "answer on the next, a blank line between pairs. About 1,200 different characters: Hangul syllables are "
        "the units here, so there is far more to predict than in English. It ships with the app in data/chatbot_ko/.",
        "songys/Chatbot_data(MIT 라이선스)의 한국어 질문–답변 10,640쌍입니다. 질문 한 줄, 그다음 줄에 답, 쌍 사이에 빈 "
        "줄. 서로 다른 문자가 약 1,200개로, 여기서는 한글 음절 하나가 단위이므로 영어보다 예측할 것이 훨씬 많습니다. "
        "앱의 data/chatbot_ko/에 들어 있습니다."),
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
    "lm.sample.writing": ("Writing…", "쓰는 중…"),
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
        "Pick a span of the text: the units that behave differently there than elsewhere are listed, and the "
        "text below is coloured by one unit's value at each character (the top unit of the span, or the one "
        "you choose). It starts on a quoted stretch, a speaker's name or a long word. In the shipped Shakespeare "
        "model, show the cell state of layer 2: unit 365 follows the position in the line (it grows with each "
        "character and falls back at a new line), unit 71 stands out on a speaker's name (ROMEO:). It has no quote "
        "unit: its training text has no double quote.",
        "글의 한 구간을 고르면, 그 구간에서 다른 곳과 다르게 움직이는 유닛들이 나열되고, 아래 글이 한 유닛의 값으로 "
        "글자마다 칠해집니다(구간에서 가장 두드러진 유닛, 또는 직접 고른 유닛). 처음에는 따옴표 안, 화자의 이름 또는 "
        "긴 단어가 골라져 있습니다. 기본 셰익스피어 모델에서는 2층의 셀 상태를 보세요: 유닛 365는 줄 안의 위치를 "
        "따라가고(글자마다 커지다가 새 줄에서 다시 떨어짐), 유닛 71은 화자의 이름(ROMEO:)에서 두드러집니다. 따옴표 "
        "유닛은 없습니다: 학습한 글에 큰따옴표가 없습니다."),
    "lm.neuron.word": ("Span: a word or a quoted stretch", "구간: 단어 또는 따옴표 안"),
    "lm.neuron.word.other": ("(a span picked on the text)", "(글에서 고른 구간)"),
    "lm.neuron.word.option": ("{text} · {first}–{last}", "{text} · {first}–{last}"),
    "lm.neuron.how": (
        "Click a character to pick its word (or the character itself, for a space or a sign); shift-click "
        "another to stretch the span to it. Hover for the value.",
        "글자를 누르면 그 단어(공백이나 기호는 그 글자)가 골라지고, Shift를 누른 채 다른 글자를 누르면 구간이 거기까지 "
        "늘어납니다. 마우스를 올리면 값이 보입니다."),
    "lm.neuron.legend": ("unit {unit}", "유닛 {unit}"),
    "lm.neuron.bars": ("Click a bar to colour the text with that unit.", "막대를 누르면 그 유닛으로 글을 칠합니다."),
    "lm.neuron.selected": ("Span: `{text}` (characters {first}–{last})", "구간: `{text}` ({first}–{last}번째 문자)"),
    "lm.inside.knows": ("This model reads only these characters: {chars}", "이 모델이 읽을 수 있는 문자: {chars}"),
    "lm.neuron.top": ("Units that stand out in the span", "구간에서 두드러지는 유닛"),
    "lm.neuron.score": ("mean in span − mean elsewhere", "구간 평균 − 나머지 평균"),
    "lm.neuron.unit": ("Unit to colour the text with", "글을 칠할 유닛"),
    "lm.neuron.unit.plain": ("unit {unit}", "유닛 {unit}"),
}
