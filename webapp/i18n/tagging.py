"""The tagging page (named entities; parts of speech in English and Korean). key -> (English, Korean)."""
STRINGS = {
    "ner.title": ("Tagging: a tag for every word", "태깅: 단어마다 태그 하나"),
    "tagging.task": ("Task", "과제"),
    "tagging.url.long": ("The text ({chars} characters) is too long to share in the page's link (at most {n}): a "
                         "copied link opens the page with its task and model but without the text.",
                         "글({chars}자)이 길어서 페이지 링크에 넣지 않았습니다(최대 {n}자). 복사한 링크는 과제와 모델은 "
                         "그대로 열지만 글은 담지 않습니다."),
    "tagging.task.ner": ("Named entities (CoNLL-2003)", "개체명 (CoNLL-2003)"),
    "tagging.task.pos_en": ("Parts of speech, English (UD EWT)", "품사, 영어 (UD EWT)"),
    "tagging.task.pos_ko": ("Parts of speech, Korean (UD GSD)", "품사, 한국어 (UD GSD)"),
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
        "Train a tagger here on WNUT-17, the English entity set that ships with the app (social-media posts, "
        "CC BY 4.0; its six entity types differ from the news tagger's four), or upload a CoNLL file (one token "
        "per line, the tag in the last column, a blank line between sentences; IOB1 or IOB2 tags). WNUT-17 is "
        "scored on its own dev sentences; a tenth of an uploaded file is held out to score it.",
        "앱에 들어 있는 영어 개체명 데이터 WNUT-17(소셜 미디어 글, CC BY 4.0; 개체 유형 6가지로 뉴스 태거의 4가지와 "
        "다릅니다)로 여기서 태거를 학습하거나, CoNLL 파일(한 줄에 토큰 하나, 마지막 열에 태그, 문장 사이에 빈 줄; "
        "IOB1 또는 IOB2)을 올리세요. WNUT-17은 자체 검증(dev) 문장으로, 올린 파일은 10분의 1을 따로 두어 점수를 "
        "매깁니다."),
    "ner.data": ("Data", "데이터"),
    "ner.data.upload": ("A CoNLL file", "CoNLL 파일"),
    "ner.data.upload.help": ("UTF-8 text, e.g. `EU NNP B-NP B-ORG`: the first column is the token, the last the tag.",
                             "UTF-8 텍스트. 예: `EU NNP B-NP B-ORG`. 첫 열은 토큰, 마지막 열은 태그입니다."),
    "ner.data.wnut17": ("WNUT-17 (social media)", "WNUT-17 (소셜 미디어)"),
    "ner.data.bad": ("This file cannot be used: {error}", "이 파일은 쓸 수 없습니다: {error}"),
    "ner.data.stats": ("{n}, {tokens}; entity types: {types}", "{n}, {tokens}. 개체 유형: {types}"),
    "pos.data.stats": ("{n}, {tokens}; {k} tags: {tags}", "{n}, {tokens}. 태그 {k}개: {tags}"),
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
    "ner.counts": ("{sentences}, {tokens}, {entities}", "{sentences}, {tokens}, {entities}"),
    "pos.counts": ("{sentences}, {tokens}", "{sentences}, {tokens}"),
    "ner.none": ("No entity found in this text.", "이 글에서 찾은 개체가 없습니다."),
    "ner.table.entity": ("Entity", "개체"),
    "ner.table.type": ("Type", "유형"),
    "ner.table.sentence": ("Sentence", "문장"),
    "ner.table.confidence": ("Probability", "확률"),
    "ner.table.confidence.help": (
        "The mean, over the entity's words, of the probability the network gave each word's tag (B-PER, then "
        "I-PER ...). It is not the probability of the whole entity: 0.45 means the network hesitated on those words.",
        "개체를 이루는 단어마다 신경망이 그 태그(B-PER, I-PER ...)에 준 확률의 평균입니다. 개체 전체의 확률이 "
        "아닙니다. 0.45라면 그 단어들에서 신경망이 망설였다는 뜻입니다."),
    "ner.table.confidence.caption": (
        "Probability: the mean of the tag probabilities of the entity's words (hover the column's title).",
        "확률: 개체를 이루는 단어들의 태그 확률 평균입니다(열 제목에 마우스를 올려 보세요)."),
    "ner.lowercase": (
        "This text has no capital letters. The tagger learnt names from news text, where names start with a "
        "capital, so lower-case text finds few entities: try \"angela merkel\" against \"Angela Merkel\".",
        "이 글에는 대문자가 없습니다. 태거는 이름이 대문자로 시작하는 뉴스 글에서 배웠으므로, 소문자만 쓴 글에서는 "
        "개체를 거의 찾지 못합니다. \"angela merkel\"과 \"Angela Merkel\"을 비교해 보세요."),
    "n.sentence.one": ("{n} sentence", "문장 {n}개"),
    "n.sentence.many": ("{n} sentences", "문장 {n}개"),
    "n.token.one": ("{n} token", "토큰 {n}개"),
    "n.token.many": ("{n} tokens", "토큰 {n}개"),
    "n.entity.one": ("{n} entity", "개체 {n}개"),
    "n.entity.many": ("{n} entities", "개체 {n}개"),
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

    # ---------------------------------------------------------------- parts of speech
    "pos.intro.pos_en": (
        "Many to many, aligned, as for entities, with the same tagger: every word gets its part of speech, one of "
        "the 17 universal tags of Universal Dependencies (NOUN, VERB, ADP ...). The same spelling can be several "
        "parts of speech (\"I **can** **can** a **can**\"), so the network needs the words on both sides: the "
        "forward direction brings the left context, the backward direction the right. Each word is its embedding "
        "plus a character RNN's reading of its spelling (endings such as -ly, -ed, -ing).",
        "개체명과 같은 다대다(정렬) 과제를 같은 태거로 풉니다. 단어마다 Universal Dependencies의 보편 품사 17개"
        "(NOUN, VERB, ADP ...) 가운데 하나를 붙입니다. 철자가 같아도 품사가 다를 수 있으므로(\"I **can** **can** a "
        "**can**\") 신경망에는 양쪽 문맥이 필요합니다. 정방향은 왼쪽 문맥을, 역방향은 오른쪽 문맥을 가져옵니다. "
        "각 단어는 임베딩과 철자(-ly, -ed, -ing 같은 어미)를 읽는 문자 RNN의 결과로 들어갑니다."),
    "pos.intro.pos_ko": (
        "The same tagger on Korean. A Korean word (an eojeol, such as 나는 = 나 + 는) carries its role in its "
        "endings: the particles (조사) and verb endings (어미). 나는, 나를 and 나의 share the stem 나 and differ only "
        "there, so the character RNN, which reads each word's syllables, matters more here than in English. The "
        "tags are the universal ones; under each word, its Sejong morpheme tags (NP+JX) as the Korean-GSD "
        "treebank gives them for that word, where it has it.",
        "같은 태거를 한국어에 씁니다. 한국어 어절(나는 = 나 + 는)은 조사와 어미에 역할을 담습니다. 나는, 나를, 나의는 "
        "앞의 '나'가 같고 끝만 다르므로, 음절을 읽는 문자 RNN이 영어보다 더 중요합니다. 태그는 보편 품사이고, 단어 "
        "아래에는 Korean-GSD 트리뱅크가 그 어절에 단 세종 형태소 태그(NP+JX)를 있을 때 보여 줍니다."),
    "pos.shipped.card": (
        "Bidirectional {cell}, {hidden} units each way, {vocab} words, character features {chars}; trained from "
        "scratch on {data} (CC BY-SA 4.0) in {minutes} minutes on {device}; dev accuracy {accuracy}%, macro F1 {macro}.",
        "양방향 {cell}, 방향마다 유닛 {hidden}개, 단어 {vocab}개, 문자 특징 {chars}. {data}(CC BY-SA 4.0)로 {device}에서 "
        "{minutes}분 동안 처음부터 학습했습니다. 개발 세트 정확도 {accuracy}%, 매크로 F1 {macro}."),
    "pos.chars.on": ("on", "사용"),
    "pos.chars.off": ("off", "끔"),
    "pos.source.shipped.pos_en": ("English tagger (UD EWT)", "영어 태거 (UD EWT)"),
    "pos.source.shipped.pos_ko": ("Korean tagger (UD GSD)", "한국어 태거 (UD GSD)"),
    "pos.mismatch.ner": ("This is a part-of-speech tagger: pick a parts-of-speech task to use it.",
                         "이것은 품사 태거입니다. 쓰려면 품사 과제를 고르세요."),
    "pos.mismatch.pos": ("This is an entity tagger: pick Named entities to use it.",
                         "이것은 개체명 태거입니다. 쓰려면 개체명 과제를 고르세요."),
    "pos.train.intro": (
        "Train a tagger here, with the same runner as for entities, on the treebank that ships with the app (a "
        "sample of Universal Dependencies, CC BY-SA 4.0), or upload a CoNLL-U file (ten tab-separated columns, "
        "`#` comments, a blank line after every sentence, as Universal Dependencies writes them). The treebank "
        "is scored on its own dev sentences; a tenth of an uploaded file is held out to score it.",
        "앱에 들어 있는 트리뱅크(Universal Dependencies 표본, CC BY-SA 4.0)로 개체명과 같은 실행기를 써서 여기서 "
        "태거를 학습하거나, CoNLL-U 파일(탭으로 나뉜 열 10개, `#` 주석, 문장마다 뒤에 빈 줄: Universal Dependencies "
        "형식)을 올리세요. 트리뱅크는 자체 검증(dev) 문장으로, 올린 파일은 10분의 1을 따로 두어 점수를 매깁니다."),
    "pos.data.upload": ("A CoNLL-U file", "CoNLL-U 파일"),
    "pos.data.upload.help": ("UTF-8 without BOM; multi-word tokens (3-4) and empty nodes (8.1) are skipped.",
                             "BOM 없는 UTF-8. 다단어 토큰(3-4)과 빈 노드(8.1)는 건너뜁니다."),
    "ner.data.ud_ewt": ("UD English-EWT (web text)", "UD English-EWT (웹 글)"),
    "ner.data.ud_korean_gsd": ("UD Korean-GSD", "UD Korean-GSD"),
    "pos.column": ("Tags to learn", "배울 태그"),
    "pos.column.upos": ("universal (UPOS, column 4)", "보편 품사 (UPOS, 4열)"),
    "pos.column.xpos": ("language-specific (XPOS, column 5: Penn or Sejong)", "언어별 (XPOS, 5열: Penn 또는 세종)"),
    "metric.accuracy_pos": ("tag accuracy", "태그 정확도"),
    "pos.report.accuracy": ("Accuracy", "정확도"),
    "pos.report.macro": ("Macro F1", "매크로 F1"),
    "pos.report.tag": ("Tag", "태그"),
    "pos.report.support": ("Words", "단어 수"),
    "pos.predict": ("Tag a text", "글에 태그 달기"),
    "pos.examples.pos_en": ("Examples (click one): the same spelling, different parts of speech.",
                            "예문 (클릭): 철자는 같고 품사는 다릅니다."),
    "pos.examples.pos_ko": ("Examples (click one): particles that change a word's role (나는 / 나를 / 나의).",
                            "예문 (클릭): 단어의 역할을 바꾸는 조사 (나는 / 나를 / 나의)."),
    "pos.text": ("Text (split into words and sentences for you)", "글 (단어와 문장으로 알아서 나눕니다)"),
    "pos.text.placeholder": ("Type or paste a sentence or two.", "문장 한두 개를 입력하거나 붙여넣으세요."),
    "pos.empty": ("Type some text (or click an example) to tag its words.",
                  "단어에 품사를 달려면 글을 입력하거나 예문을 클릭하세요."),
    "pos.legend": ("What the tags mean (hover a word for its probability):",
                   "태그의 뜻 (단어에 마우스를 올리면 확률이 보입니다):"),
    "pos.legend.all": ("All the tags this model knows", "이 모델이 아는 모든 태그"),
    "pos.hover": (
        "{tag}, p = {p}: the network's probability that this word ({word}) is {tag}, after reading the whole "
        "sentence both ways (a softmax over its {k} tags: a word's probabilities add up to 1).",
        "{tag}, p = {p}: 문장 전체를 양방향으로 읽은 뒤 신경망이 이 단어({word})를 {tag}로 볼 확률입니다(태그 {k}개에 "
        "대한 소프트맥스: 한 단어의 확률을 모두 더하면 1)."),
    "pos.sejong.note": ("Under each tag: the word's Sejong tags in the Korean-GSD training data, the most frequent "
                        "first when the treebank analyses it in more than one way (— where it does not have the "
                        "word): the model never sees them, they are there to read. Hover a word for the "
                        "probability of its tag.",
                        "태그 아래: Korean-GSD 학습 데이터에서 그 어절의 세종 태그입니다. 트리뱅크가 여러 가지로 분석하면 "
                        "잦은 것부터 보여 주고, 없는 어절은 —입니다. 모델은 이 태그를 보지 않습니다. 읽을거리입니다. 단어에 "
                        "마우스를 올리면 태그 확률이 보입니다."),
    "pos.sejong.table.word": ("Word", "어절"),
    "pos.sejong.table.upos": ("Universal tag (model)", "보편 품사 (모델)"),
    "pos.sejong.table.morphemes": ("Morphemes (GSD)", "형태소 (GSD)"),
    "pos.sejong.table.sejong": ("Sejong tags (GSD)", "세종 태그 (GSD)"),
    "pos.sejong.table.meaning": ("What they are", "뜻"),
    "pos.sejong.title": ("Morphemes and Sejong tags", "형태소와 세종 태그"),
    "pos.probs": ("The most probable tags, word by word", "단어별로 가장 확률이 높은 태그"),
    "pos.probs.intro": (
        "For each word, its three most probable tags and their probabilities: after reading the whole sentence "
        "in both directions, the network gives every tag a probability (a softmax: they add up to 1 for each "
        "word), and the tag shown above is the most probable one (no rules link neighbouring tags, unlike IOB "
        "entities). Hover a cell for the number. Ambiguous words are where the second row is not dark.",
        "단어마다 확률이 가장 높은 태그 세 개와 그 확률입니다. 신경망은 문장 전체를 양방향으로 읽은 뒤 모든 태그에 "
        "확률을 줍니다(소프트맥스: 단어마다 합이 1). 위에 보인 태그는 가장 확률이 높은 것입니다(IOB 개체와 달리 "
        "이웃 태그를 묶는 규칙은 없습니다). 칸에 마우스를 올리면 숫자가 보입니다. 둘째 줄이 어둡지 않은 곳이 애매한 "
        "단어입니다."),
    "pos.probs.rank": ("rank", "순위"),
    "pos.probs.all": ("Every tag's probability", "모든 태그의 확률"),
    "pos.confusion": ("Which tags the model confuses (dev set)", "모델이 헷갈리는 태그 (개발 세트)"),
    "pos.confusion.intro": (
        "Rows: the treebank's tag; columns: the model's; each cell counts words of the {data} dev file "
        "({n} words, accuracy {accuracy}%). The diagonal is right; the largest off-diagonal cells are below.",
        "행: 트리뱅크의 태그, 열: 모델의 태그. 칸마다 {data} 개발 파일의 단어 수입니다(단어 {n}개, 정확도 "
        "{accuracy}%). 대각선이 맞힌 것이고, 가장 큰 대각선 밖 칸은 아래에 있습니다."),
    "pos.confusion.top": ("Most frequent confusions: {pairs}", "가장 잦은 혼동: {pairs}"),
    "pos.confusion.none": ("No precomputed confusion matrix for this model (models/{path}).",
                           "이 모델에는 미리 계산한 혼동 행렬이 없습니다 (models/{path})."),
    "pos.confusion.own": ("Which tags your model confuses (held-out sentences)", "내 모델이 헷갈리는 태그 (따로 둔 문장)"),
    "chart.gold": ("treebank tag", "트리뱅크 태그"),
    "chart.predicted": ("model's tag", "모델 태그"),
    # the 17 universal tags (universaldependencies.org/u/pos)
    "upos.ADJ": ("adjective: big, old, green", "형용사: 크다, 예쁘다"),
    "upos.ADP": ("adposition: in, to, of; Korean particles in GSD's scheme are part of the word", "부치사: in, to, of"),
    "upos.ADV": ("adverb: very, well, tomorrow; Korean words ending in an adverbial particle (서울에서)",
                 "부사: 매우, 잘; 부사격 조사로 끝나는 어절(서울에서)"),
    "upos.AUX": ("auxiliary: is, has, will, can", "조동사: is, has, will, can; 보조 용언"),
    "upos.CCONJ": ("coordinating conjunction: and, or, but", "등위 접속사: and, or, but; 그리고"),
    "upos.DET": ("determiner: the, a, this, every", "한정사: the, a, this; 관형사 그, 이"),
    "upos.INTJ": ("interjection: oh, hello, yes", "감탄사: 아, 네"),
    "upos.NOUN": ("noun: dog, idea, can (of beans)", "명사: 사람, 학교 (조사가 붙은 어절 포함: 나는, 나를)"),
    "upos.NUM": ("numeral: one, 2026, third", "수사: 하나, 2026"),
    "upos.PART": ("particle: not, 's, to (before a verb)", "불변화사: not, 's, to"),
    "upos.PRON": ("pronoun: I, you, it, who", "대명사: I, you, 나, 너"),
    "upos.PROPN": ("proper noun: Paris, Alice, Samsung", "고유 명사: 서울, 삼성"),
    "upos.PUNCT": ("punctuation: . , ? !", "문장 부호: . , ? !"),
    "upos.SCONJ": ("subordinating conjunction: if, because, that", "종속 접속사: if, because, that"),
    "upos.SYM": ("symbol: $, %, +, :)", "기호: $, %, +"),
    "upos.VERB": ("verb: run, eat, can (them)", "동사: 먹다, 가다 (어미가 붙은 어절: 먹었다)"),
    "upos.X": ("other: foreign words, typos", "기타: 외국어, 오타"),
    # Sejong tags (the 21st Century Sejong Project's morpheme tags, as in Korean-GSD's XPOS column)
    "sejong.NNG": ("common noun", "일반 명사"), "sejong.NNP": ("proper noun", "고유 명사"),
    "sejong.NNB": ("bound noun", "의존 명사"), "sejong.NR": ("numeral", "수사"), "sejong.NP": ("pronoun", "대명사"),
    "sejong.VV": ("verb", "동사"), "sejong.VA": ("adjective", "형용사"), "sejong.VX": ("auxiliary predicate", "보조 용언"),
    "sejong.VCP": ("positive copula (이다)", "긍정 지정사 (이다)"), "sejong.VCN": ("negative copula (아니다)", "부정 지정사 (아니다)"),
    "sejong.MM": ("determiner", "관형사"), "sejong.MAG": ("general adverb", "일반 부사"),
    "sejong.MAJ": ("conjunctive adverb", "접속 부사"), "sejong.IC": ("interjection", "감탄사"),
    "sejong.JKS": ("subject particle (이/가)", "주격 조사 (이/가)"), "sejong.JKC": ("complement particle", "보격 조사"),
    "sejong.JKG": ("possessive particle (의)", "관형격 조사 (의)"), "sejong.JKO": ("object particle (을/를)", "목적격 조사 (을/를)"),
    "sejong.JKB": ("adverbial particle (에, 에서, 로)", "부사격 조사 (에, 에서, 로)"),
    "sejong.JKV": ("vocative particle", "호격 조사"), "sejong.JKQ": ("quotative particle", "인용격 조사"),
    "sejong.JX": ("auxiliary particle (은/는, 도, 만)", "보조사 (은/는, 도, 만)"), "sejong.JC": ("conjunctive particle (와/과)", "접속 조사 (와/과)"),
    "sejong.EP": ("pre-final ending (tense, honorific)", "선어말 어미 (시제, 높임)"), "sejong.EF": ("sentence-final ending", "종결 어미"),
    "sejong.EC": ("connective ending", "연결 어미"), "sejong.ETN": ("nominal ending", "명사형 전성 어미"),
    "sejong.ETM": ("adnominal ending", "관형형 전성 어미"), "sejong.XPN": ("noun prefix", "체언 접두사"),
    "sejong.XSN": ("noun suffix", "명사 파생 접미사"), "sejong.XSV": ("verb suffix (하다)", "동사 파생 접미사 (하다)"),
    "sejong.XSA": ("adjective suffix", "형용사 파생 접미사"), "sejong.XR": ("root", "어근"),
    "sejong.SF": ("period, question or exclamation mark", "마침표, 물음표, 느낌표"), "sejong.SP": ("comma, colon, slash", "쉼표, 가운뎃점, 콜론, 빗금"),
    "sejong.SS": ("quotation mark, bracket", "따옴표, 괄호"), "sejong.SE": ("ellipsis", "줄임표"),
    "sejong.SO": ("dash, tilde", "붙임표"), "sejong.SW": ("other symbol", "기타 기호"),
    "sejong.SL": ("foreign word", "외국어"), "sejong.SH": ("Chinese character", "한자"), "sejong.SN": ("number", "숫자"),
    "sejong.NA": ("unanalysable", "분석 불능"), "sejong.NF": ("noun-like", "명사 추정"), "sejong.NV": ("predicate-like", "용언 추정"),
}
