"""The text classifier page (many-to-one). key -> (English, Korean)."""
STRINGS = {
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
    "clf.shipped.spam": (
        "Three character-level and three word-level BiGRUs (seeds 0, 1, 2 of each) packed into one network: its "
        "answer is the mean of theirs. The accuracy above is on the 446 messages that chose their checkpoints. "
        "Measured honestly (copies of a message kept in one fold, 5-fold cross-validation, each fold's models "
        "trained on the other four folds only), these settings score 99.10 ± 0.21% (spam F1 0.965), a TF-IDF "
        "LinearSVC 99.08 ± 0.22% (0.964) in the same folds: one message fewer wrong of 4,459, so level rather "
        "than clearly better (models/README.md).",
        "문자 단위 BiGRU 셋과 단어 단위 BiGRU 셋(각각 시드 0, 1, 2)을 하나로 묶은 신경망으로, 답은 여섯의 평균입니다. 위 "
        "정확도는 체크포인트를 고르는 데 쓴 446개 문자에서 잰 것입니다. 정직하게 재면(같은 문자의 복사본은 한 폴드에, 5겹 교차 "
        "검증, 각 폴드의 모델은 나머지 네 폴드로만 학습) 이 설정은 99.10 ± 0.21%(스팸 F1 0.965), 같은 폴드에서 TF-IDF "
        "LinearSVC는 99.08 ± 0.22%(0.964)입니다: 4,459개 중 하나 덜 틀린 것이니, 확실히 낫다기보다 비슷합니다 "
        "(models/README.md)."),
    "clf.bidirectional.short": ("bidirectional ", "양방향 "),
    "clf.class.sentiment.0": ("negative", "부정"),
    "clf.class.sentiment.1": ("positive", "긍정"),
    "clf.tokenizer.word": ("words", "단어"),
    "clf.tokenizer.char": ("characters", "문자"),
    "clf.tokenizer.mixed": ("characters + words", "문자 + 단어"),
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
    "clf.text.too_long": (
        "This text has {n} characters: too long to share in a link (at most {limit}). A copied link opens the page "
        "with the model and the explanation, but not this text.",
        "이 글은 {n}자로 링크에 담기에는 너무 깁니다 (최대 {limit}자). 복사한 링크는 모델과 설명 방법은 그대로 열지만 이 글은 "
        "담지 않습니다."),
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
    "clf.saliency.against": ("against {label}", "{label}의 반대쪽"),
    "clf.saliency.for": ("towards {label}", "{label} 쪽"),
    "clf.inside": ("Inside the network", "신경망 안"),
    "clf.inside.intro": (
        "Every hidden state (and, for LSTM and GRU, every gate) while the network reads the text: one column "
        "per token, one row per unit.",
        "신경망이 글을 읽는 동안의 모든 은닉 상태(LSTM과 GRU는 모든 게이트도): 열은 토큰, 행은 유닛입니다."),
    "clf.inside.what": ("Show", "보기"),
    "clf.inside.layer": ("Layer", "층"),
    "clf.inside.mixture": (
        "This network packs character members and word members into one. The heatmaps show the character members' "
        "units; the word members read one step per word, and their part of the answer and of the token scores "
        "above lands on each word's first character.",
        "이 신경망은 문자 단위 구성원과 단어 단위 구성원을 하나로 묶었습니다. 히트맵은 문자 구성원의 유닛을 보여 줍니다. 단어 "
        "구성원은 단어마다 한 걸음씩 읽으며, 답과 위 토큰 점수에서 그들의 몫은 각 단어의 첫 글자에 놓입니다."),
    "clf.inside.bidirectional": (
        "Bidirectional: units 0 to {last} read left to right, the others right to left.",
        "양방향: 유닛 0부터 {last}까지는 왼쪽에서 오른쪽으로, 나머지는 오른쪽에서 왼쪽으로 읽습니다."),
}
