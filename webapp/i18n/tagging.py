"""The tagging page (named entities). key -> (English, Korean)."""
STRINGS = {
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
