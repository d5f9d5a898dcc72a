"""Home: what an RNN is and its uses. key -> (English, Korean)."""
STRINGS = {
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
    "home.memory_link": ("Then see why gated cells exist: RNN, LSTM and GRU race on a long memory",
                         "이어서 게이트가 왜 필요한지 보기: 긴 기억 과제에서 RNN, LSTM, GRU 비교"),
    "home.usages": ("Three ways to use a recurrent network", "순환 신경망을 쓰는 세 가지 방법"),
    "home.one-to-many": ("One to many", "일대다 (one-to-many)"),
    "home.one-to-many.text": (
        "**Generation.** Start from one character (or a few), or from a photo, and let the network write: "
        "each output becomes the next input. A character-level language model writes Shakespeare this way; "
        "a captioner describes an image.",
        "**생성.** 문자 하나(또는 몇 개)에서 시작해 신경망이 글을 쓰게 합니다. 각 출력이 다음 입력이 됩니다. "
        "문자 단위 언어 모델은 이렇게 셰익스피어를 쓰고, 캡셔닝 모델은 사진을 설명합니다."),
    "home.many-to-one": ("Many to one", "다대일 (many-to-one)"),
    "home.many-to-one.text": (
        "**Classification and forecasting.** Read a whole sequence, then give one answer from the last "
        "state: is this review positive? Is this message spam? How many bikes will be rented tomorrow?",
        "**분류와 예측.** 시퀀스 전체를 읽은 뒤 마지막 상태로 답 하나를 냅니다. 이 리뷰는 긍정적인가? "
        "이 메시지는 스팸인가? 내일 자전거는 몇 대나 빌려질까?"),
    "home.many-to-many": ("Many to many", "다대다 (many-to-many)"),
    "home.many-to-many.text": (
        "**Tagging and translation.** Give an output for every input: a tag for every word, such as person, "
        "place or organisation; or read a whole sentence and write another, of its own length, in another "
        "language.",
        "**태깅과 번역.** 입력마다 출력을 하나씩 냅니다. 예를 들어 단어마다 사람, 장소, 기관 같은 태그를 붙입니다. "
        "또는 문장 전체를 읽고 다른 언어로, 길이가 다른 문장을 씁니다."),
    "home.soon": ("coming soon", "준비 중"),
    "home.footer": ("Use the sidebar to switch pages and to read the app in Korean or English.",
                    "사이드바에서 페이지를 바꾸고, 한국어와 영어 중 언어를 고를 수 있습니다."),
}
