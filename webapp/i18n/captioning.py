"""The captioning page. key -> (English, Korean). The captions themselves are English."""
STRINGS = {
    "cap.title": ("Image captioning: a photo in, a sentence out", "이미지 캡셔닝: 사진 한 장에서 문장 하나로"),
    "cap.intro": (
        "One to many: a frozen image network (EfficientNet-Lite0, trained on ImageNet) turns the photo into a "
        "7 × 7 grid of 1,280-number vectors, one per region. Their average becomes the LSTM's first state "
        "(Show and Tell); then the LSTM writes the caption one word at a time, and before each word it looks "
        "over the 49 regions and weighs them (attention: Show, Attend and Tell). Pick a word below to see where "
        "it looked.",
        "일대다: 고정된 이미지 신경망(ImageNet으로 학습한 EfficientNet-Lite0)이 사진을 영역마다 1,280개의 숫자로 된 "
        "7 × 7 격자로 바꿉니다. 그 평균이 LSTM의 첫 상태가 되고(Show and Tell), LSTM은 캡션을 한 단어씩 씁니다. "
        "단어마다 49개 영역을 훑어보며 가중치를 줍니다(어텐션: Show, Attend and Tell). 아래에서 단어를 골라 "
        "어디를 보았는지 확인하세요."),
    "cap.source": ("Model", "모델"),
    "cap.source.shipped": ("Shipped captioner (Flickr8k)", "기본 캡셔너 (Flickr8k)"),
    "cap.source.upload": ("Upload a captioner", "캡셔너 올리기"),
    "cap.shipped.card": (
        "{cell} with {hidden} units and attention over the 49 regions, {vocab} words; trained from scratch on "
        "810 Flickr8k photos (5 captions each, research use only: none is shown here) in {minutes} min. On 90 "
        "held-out photos: BLEU-4 {bleu4}, a different caption for {distinct}% of them. It knows dogs, people, "
        "water and grass best: that is what Flickr8k shows.",
        "어텐션이 있는 {cell}(유닛 {hidden}개), 단어 {vocab}개. Flickr8k 사진 810장(사진마다 캡션 5개, 연구용이라 "
        "여기에는 보이지 않습니다)으로 {minutes}분 동안 처음부터 학습했습니다. 따로 둔 사진 90장에서 BLEU-4 {bleu4}, "
        "{distinct}%의 사진에 서로 다른 캡션을 썼습니다. Flickr8k에 많은 개, 사람, 물, 풀밭을 가장 잘 압니다."),
    "cap.shipped.missing": ("The shipped captioner (models/{path}) is not there: upload one instead.",
                            "기본 캡셔너(models/{path})가 없습니다. 대신 캡셔너 파일을 올리세요."),
    "cap.shipped.bad": ("The shipped captioner cannot be read: {error}", "기본 캡셔너를 읽을 수 없습니다: {error}"),
    "cap.upload.model": ("A captioner (.safetensors) trained with `python -m core train caption`",
                         "`python -m core train caption`으로 학습한 캡셔너 (.safetensors)"),
    "cap.upload.card": ("{name}: {cell}, {hidden} units, {vocab} words.", "{name}: {cell}, 유닛 {hidden}개, 단어 {vocab}개."),
    "cap.no_model": ("Choose a model to write captions.", "캡션을 쓸 모델을 고르세요."),
    "cap.input": ("Photo", "사진"),
    "cap.input.example": ("An example", "예시"),
    "cap.input.upload": ("Upload a photo", "사진 올리기"),
    "cap.input.camera": ("Take a photo", "사진 찍기"),
    "cap.example": ("Example", "예시"),
    "cap.example.cat": ("Cat", "고양이"),
    "cap.example.coffee": ("Coffee", "커피"),
    "cap.example.astronaut": ("Astronaut", "우주비행사"),
    "cap.example.rocket": ("Rocket", "로켓"),
    "cap.example.camera": ("Photographer (grayscale)", "사진사 (흑백)"),
    "cap.verdict.camera": ("partly right", "일부 맞음"),
    "cap.verdict.cat": ("wrong", "틀림"),
    "cap.verdict.coffee": ("wrong", "틀림"),
    "cap.verdict.astronaut": ("wrong", "틀림"),
    "cap.verdict.rocket": ("wrong", "틀림"),
    "cap.trained_on": (
        "**Why it writes this.** The shipped captioner learned from 810 Flickr8k photos, mostly dogs and people "
        "outdoors, and writes only with the {vocab} words of their captions; those it saw most: {words}. A photo "
        "unlike Flickr8k still gets a caption in those words, so it will see a dog, a red shirt or a beach where "
        "there is none. None of the example photos shows a Flickr8k kind of scene: upload a photo of a dog on "
        "grass or of children playing by water to see it at its best.",
        "**왜 이렇게 쓰는가.** 기본 캡셔너는 주로 야외의 개와 사람을 찍은 Flickr8k 사진 810장으로 배웠고, 그 캡션에 "
        "나온 단어 {vocab}개로만 씁니다. 가장 많이 본 단어: {words}. Flickr8k와 다른 사진에도 이 단어들로 캡션을 "
        "쓰므로, 없는 개나 빨간 셔츠, 해변을 보기도 합니다. 예시 사진 중 Flickr8k 같은 장면은 없습니다. 풀밭의 "
        "개나 물가에서 노는 아이들 사진을 올리면 가장 잘 씁니다."),
    "cap.note.camera": (
        "**In the photo:** a man behind a camera on a tripod, on grass, in black and white. **Right:** a man, "
        "standing. **Invented:** a red shirt, a dog, a beach: what Flickr8k's men usually have around them.",
        "**사진에는:** 풀밭에서 삼각대 위 카메라 뒤에 선 남자, 흑백. **맞은 것:** 남자, 서 있음. **지어낸 것:** "
        "빨간 셔츠, 개, 해변: Flickr8k의 남자들 곁에 흔히 있는 것들."),
    "cap.note.cat": (
        "**In the photo:** a cat lying down. **Wrong:** its training captions named a cat very rarely and a dog "
        "more than any other thing, so a furry animal becomes a dog.",
        "**사진에는:** 누워 있는 고양이. **틀림:** 학습 캡션에 고양이는 아주 드물고 개는 어떤 것보다 많아서, 털 "
        "있는 동물은 개가 됩니다."),
    "cap.note.astronaut": (
        "**In the photo:** the astronaut Eileen Collins in her flight suit, before a flag. **Wrong:** it never "
        "saw an astronaut; a person in bright clothes becomes Flickr8k's commonest person, a boy in a red shirt.",
        "**사진에는:** 비행복을 입고 국기 앞에 선 우주비행사 아일린 콜린스. **틀림:** 우주비행사를 본 적이 없어, "
        "밝은 옷의 사람은 Flickr8k에 가장 흔한 사람인 빨간 셔츠의 소년이 됩니다."),
    "cap.note.coffee": (
        "**In the photo:** a cup of coffee on a saucer. **Wrong:** “cup” is not one of its words, and every "
        "Flickr8k photo has someone in it: it finds a dog on a bench.",
        "**사진에는:** 받침 접시 위의 커피 한 잔. **틀림:** “cup”은 아는 단어가 아니고 Flickr8k 사진에는 늘 누군가 "
        "있어서, 벤치 위의 개를 찾아냅니다."),
    "cap.note.rocket": (
        "**In the photo:** a rocket launching, with smoke against the sky. **Wrong:** “rocket” is not one of its "
        "words; it writes a person jumping on a beach, a scene it knows.",
        "**사진에는:** 하늘로 연기를 뿜으며 발사되는 로켓. **틀림:** “rocket”은 아는 단어가 아니어서, 아는 장면인 "
        "해변에서 뛰는 사람을 씁니다."),
    "cap.words.known": ("Words for this photo that it knows (their rank by how often its training captions used "
                        "them; 1 is the most frequent): {known}.",
                        "이 사진을 말하는 단어 중 아는 것 (학습 캡션에 나온 빈도 순위; 1이 가장 많음): {known}."),
    "cap.words.unknown": ("Never in its captions: {unknown}.", "캡션에 한 번도 없던 단어: {unknown}."),
    "cap.words.none": ("none", "없음"),
    "cap.example.licence": (
        "Example photos from scikit-image's sample data, free to use (CC0 or public domain; see "
        "webapp/examples/captioning/README.md). None is from Flickr8k, so they are new to the model.",
        "예시 사진은 scikit-image의 샘플 데이터로, 자유롭게 쓸 수 있습니다(CC0 또는 퍼블릭 도메인; "
        "webapp/examples/captioning/README.md 참고). Flickr8k 사진이 아니어서 모델은 처음 봅니다."),
    "cap.upload.photo": ("A JPEG or PNG photo", "JPEG 또는 PNG 사진"),
    "cap.camera": ("Take a photo with your camera", "카메라로 사진 찍기"),
    "cap.camera.name": ("your photo", "내 사진"),
    "cap.no_photo": ("Choose a photo to caption.", "캡션을 쓸 사진을 고르세요."),
    "cap.bad_photo": ("This photo cannot be used: {error}", "이 사진은 쓸 수 없습니다: {error}"),
    "cap.method": ("Decoding", "디코딩"),
    "cap.method.beam": ("Beam search", "빔 서치"),
    "cap.method.greedy": ("Greedy", "탐욕"),
    "cap.method.sample": ("Sampling", "샘플링"),
    "cap.method.help": (
        "Greedy takes the most probable word at each step. Beam search keeps the k best partial captions and "
        "picks the best whole one. Sampling draws each word from the probabilities (temperature: lower is safer).",
        "탐욕은 단계마다 가장 확률이 높은 단어를 고릅니다. 빔 서치는 가장 좋은 부분 캡션 k개를 유지하다가 전체로 "
        "가장 좋은 것을 고릅니다. 샘플링은 확률에 따라 단어를 뽑습니다(온도가 낮을수록 안전합니다)."),
    "cap.beam": ("Beam size", "빔 크기"),
    "cap.temperature": ("Temperature", "온도"),
    "cap.seed": ("Seed", "시드"),
    "cap.thinking": ("Looking at the photo…", "사진을 보는 중…"),
    "cap.caption": ("Caption", "캡션"),
    "cap.empty": ("The model wrote no word for this photo.", "모델이 이 사진에는 아무 단어도 쓰지 않았습니다."),
    "cap.caption.note": ("{method}, {n} words, log probability {logp}.", "{method}, 단어 {n}개, 로그 확률 {logp}."),
    "cap.look": ("Where it looked, word by word", "단어마다 본 곳"),
    "cap.look.intro": (
        "Move the slider along the caption. The photo is lit where the attention weights were high when that "
        "word was written (the 7 × 7 weights, smoothed to the photo's size); the chart shows the five words it "
        "weighed, and the grid the 49 weights themselves (they sum to 1).",
        "슬라이더를 캡션을 따라 움직이세요. 그 단어를 쓸 때 어텐션 가중치가 높았던 곳이 밝게 보입니다(7 × 7 가중치를 "
        "사진 크기로 부드럽게 늘린 것). 차트는 고려한 다섯 단어, 격자는 49개 가중치 자체입니다(합이 1)."),
    "cap.word": ("Word", "단어"),
    "cap.end": ("(end)", "(끝)"),
    "cap.look.caption": ("where it looked for “{word}”", "“{word}”를 쓸 때 본 곳"),
    "cap.top5": ("**The five most probable words** (the one written outlined)",
                 "**가장 확률이 높은 다섯 단어** (쓴 단어에 테두리)"),
    "cap.probability": ("probability", "확률"),
    "cap.grid": ("**The 49 attention weights** (rows top to bottom, columns left to right)",
                 "**49개의 어텐션 가중치** (행은 위에서 아래, 열은 왼쪽에서 오른쪽)"),
    "cap.all_words": ("Every word's attention at once", "모든 단어의 어텐션 한눈에"),
    "cap.beam_vs_greedy": ("Beam search versus greedy", "빔 서치와 탐욕 비교"),
    "cap.beam.result": ("**Beam (k = {k}):** {text}  \nscore {score} (log p {logp})",
                        "**빔 (k = {k}):** {text}  \n점수 {score} (로그 확률 {logp})"),
    "cap.greedy.result": ("**Greedy:** {text}  \nscore {score} (log p {logp})",
                          "**탐욕:** {text}  \n점수 {score} (로그 확률 {logp})"),
    "cap.beam.same": (
        "Here both found the same caption. The score is the log probability divided by a length penalty, "
        "((5 + n) / 6)^0.6, so that longer captions are not punished for having more words.",
        "여기서는 둘이 같은 캡션을 찾았습니다. 점수는 로그 확률을 길이 벌점 ((5 + n) / 6)^0.6으로 나눈 값이라, 긴 "
        "캡션이 단어가 많다고 손해를 보지 않습니다."),
    "cap.beam.differs": (
        "The beam kept other beginnings alive and found a caption greedy could not reach. The score is the log "
        "probability divided by a length penalty, ((5 + n) / 6)^0.6.",
        "빔은 다른 시작도 살려 두어 탐욕이 닿지 못한 캡션을 찾았습니다. 점수는 로그 확률을 길이 벌점 "
        "((5 + n) / 6)^0.6으로 나눈 값입니다."),
    "cap.beam.table": ("**The beam at every step** (its best three partial captions; finished ones end with </s>)",
                       "**단계마다의 빔** (가장 좋은 부분 캡션 세 개; 끝난 것은 </s>로 끝남)"),
    "cap.beam.col.step": ("step", "단계"),
    "cap.beam.col.rank": ("rank", "순위"),
    "cap.beam.col.hypothesis": ("hypothesis", "가설"),
    "cap.beam.col.score": ("score", "점수"),
    "cap.beam.col.log_p": ("log p", "로그 확률"),
    "cap.beam.col.finished": ("finished", "끝남"),
    "cap.beam.greedy_won": ("No finished beam scored higher than greedy's caption, so greedy's won.",
                            "끝난 빔 중 탐욕의 캡션보다 점수가 높은 것이 없어 탐욕의 캡션이 이겼습니다."),
    "cap.inside": ("Inside the decoder", "디코더 안쪽"),
    "cap.inside.intro": (
        "The LSTM's hidden state h_t at every word (the outlined column is the word picked above). It starts "
        "from the image and changes as each word is fed back in.",
        "단어마다 LSTM의 은닉 상태 h_t입니다(테두리는 위에서 고른 단어). 이미지에서 시작해 쓴 단어가 다시 들어갈 "
        "때마다 바뀝니다."),
    "cap.why": ("Why is this one-to-many?", "왜 일대다인가요?"),
    "cap.why.text": (
        "In the lecture's diagram, one-to-many has a single input and a sequence of outputs. Here the single "
        "input is the photo: it enters once, as the first hidden state h_1. Each output y_t is one word, and it "
        "is fed back as the next step's input, until the network writes the end token. (The attention lets "
        "every step look at the photo again, but the photo is still one input, not a sequence.)",
        "강의 도식에서 일대다는 입력 하나와 출력 시퀀스로 되어 있습니다. 여기서 입력 하나는 사진입니다. 사진은 첫 은닉 "
        "상태 h_1로 한 번 들어갑니다. 각 출력 y_t는 단어 하나이고, 다음 단계의 입력으로 되돌아가며, 끝 토큰을 쓸 때까지 "
        "이어집니다. (어텐션 덕분에 단계마다 사진을 다시 보지만, 사진은 여전히 시퀀스가 아닌 입력 하나입니다.)"),
    "cap.why.image": ("photo", "사진"),
    "cap.why.data": (
        "Trained on 810 of Flickr8k's photos: everyday scenes of people and dogs. A cat, a rocket or a coffee "
        "cup is outside what it has seen, and its captions show it.",
        "Flickr8k 사진 810장, 사람과 개가 나오는 일상 장면으로 학습했습니다. 고양이, 로켓, 커피잔은 본 적이 없는 "
        "것이라 캡션에서 그대로 드러납니다."),
}
