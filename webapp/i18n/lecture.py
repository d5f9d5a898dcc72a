"""The lecture path: its stops, in the lecture's order. key -> (English, Korean)."""
STRINGS = {
    "lecture.mode": ("Lecture mode", "강의 모드"),
    "lecture.mode.help": ("Walk the lecture page by page, in its order, with what to look at and exercises at each stop.",
                          "강의 순서대로 페이지를 하나씩 따라가며, 정류장마다 볼 것과 연습 문제를 만납니다."),
    "lecture.start": ("Follow the lecture, page by page, with exercises", "강의를 페이지마다 연습 문제와 함께 따라가기"),
    "lecture.where": ("Lecture · stop {n} of {of} · {solved} exercises solved so far",
                      "강의 · {of}개 중 {n}번째 · 지금까지 푼 연습 문제 {solved}개"),
    "lecture.exercises": ("Then try the [exercises](#exercises) at the bottom of the page.",
                          "그다음 페이지 아래의 [연습 문제](#exercises)를 풀어 보세요."),
    "lecture.back": ("Back", "이전"),
    "lecture.next": ("Next", "다음"),
    "lecture.end": ("**The end of the lecture.** Well done.", "**강의 끝.** 수고했습니다."),
    "lecture.hello": (
        "**Sequential data and the hidden state; shared weights.** A sequence is read one step at a time, and the "
        "hidden state $h_t$ carries what was read so far. The same $W_{hh}$, $W_{xh}$ and $W_{hy}$ serve every step: "
        "$h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$. Look at one step's numbers, then train and watch the "
        "predictions for \"hello\" become right.",
        "**순차 데이터와 은닉 상태, 공유 가중치.** 시퀀스는 한 단계씩 읽히고, 은닉 상태 $h_t$가 지금까지 읽은 것을 "
        "나릅니다. 모든 단계에서 같은 $W_{hh}$, $W_{xh}$, $W_{hy}$를 씁니다: $h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$. "
        "한 단계의 숫자를 살펴본 뒤, 학습시키며 \"hello\"의 예측이 맞아 가는 것을 보세요."),
    "lecture.memory": (
        "**Backpropagation through time, and why gates.** The error travels back step by step and is multiplied at "
        "every step, so a plain RNN forgets what is far back. Compare the gradient through time of RNN, LSTM and GRU, "
        "then race them on a long delay.",
        "**시간 역전파와 게이트가 필요한 이유.** 오차는 한 단계씩 거슬러 가며 단계마다 곱해지므로, 보통 RNN은 먼 과거를 "
        "잊습니다. RNN, LSTM, GRU의 시간에 따른 기울기를 비교한 뒤, 긴 지연에서 경주시켜 보세요."),
    "lecture.char_lm": (
        "**One to many: generation.** A character-level language model writes one character at a time, and each "
        "output becomes the next input. Change the temperature and watch the sample; look for units that fire in "
        "quotes or at line ends.",
        "**일대다: 생성.** 문자 단위 언어 모델은 한 번에 한 문자씩 쓰고, 각 출력이 다음 입력이 됩니다. 온도를 바꾸며 "
        "생성 결과를 보고, 따옴표 안이나 줄 끝에서 켜지는 유닛을 찾아보세요."),
    "lecture.captioning": (
        "**One to many from an image.** The photo becomes the first state; the decoder writes the caption word by "
        "word and, before each word, looks over the image's regions. Pick a word and see where it looked.",
        "**이미지에서 일대다.** 사진이 첫 상태가 되고, 디코더는 캡션을 한 단어씩 쓰며 단어마다 이미지의 영역을 훑어봅니다. "
        "단어를 골라 어디를 보았는지 확인하세요."),
    "lecture.classifier": (
        "**Many to one: classification.** The network reads the whole sentence and answers once, from its last state. "
        "Watch the prediction change word by word and find the words that matter.",
        "**다대일: 분류.** 신경망은 문장 전체를 읽고 마지막 상태로 한 번 답합니다. 단어마다 예측이 바뀌는 모습을 보고, "
        "중요한 단어를 찾아보세요."),
    "lecture.forecast": (
        "**Many to one with numbers: forecasting.** The network reads the recent past and forecasts what comes next. "
        "Compare it with the naive baselines: a network earns its place only by beating them.",
        "**숫자의 다대일: 시계열 예측.** 신경망은 최근 과거를 읽고 다음에 올 값을 예측합니다. 단순한 기준 예측과 비교해 "
        "보세요. 신경망은 그것들을 이길 때에만 쓸 가치가 있습니다."),
    "lecture.tagging": (
        "**Many to many, aligned: tagging.** One output for every input: a tag for every word. Look at the tag "
        "probabilities and at the words the model is least sure about.",
        "**정렬된 다대다: 태깅.** 입력마다 출력이 하나씩: 단어마다 태그가 붙습니다. 태그 확률과 모델이 가장 확신하지 "
        "못하는 단어를 살펴보세요."),
    "lecture.translate": (
        "**Many to many, unaligned: translation.** An encoder reads the sentence, a decoder writes another of its own "
        "length, and attention lets it look back at the source word by word. Find which source word each output "
        "word looked at.",
        "**정렬되지 않은 다대다: 번역.** 인코더가 문장을 읽고, 디코더가 길이가 다른 문장을 쓰며, 어텐션으로 단어마다 원문을 "
        "다시 봅니다. 출력 단어마다 어느 원문 단어를 보았는지 찾아보세요."),
}
