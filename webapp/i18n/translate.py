"""The translate page (many-to-many, unaligned: translation and chat). key -> (English, Korean)."""
STRINGS = {
    "metric.chrf": ("chrF", "chrF"),
    "tr.title": ("Translation and chat: many to many, unaligned", "번역과 챗봇: 다대다 (길이가 다른 출력)"),
    "tr.intro": (
        "A sequence goes in and a sequence of **another length** comes out. An *encoder* RNN reads the sentence; "
        "a *decoder* RNN writes the answer one token at a time, and at every step its **attention** looks back "
        "over the source to choose what to read. Watch it write, step by step, and see where it looked.",
        "시퀀스가 들어가고 **길이가 다른** 시퀀스가 나옵니다. *인코더* RNN이 문장을 읽고, *디코더* RNN이 답을 한 토큰씩 "
        "씁니다. 매 단계 디코더의 **어텐션**이 원문을 다시 훑어 무엇을 읽을지 고릅니다. 한 단계씩 쓰는 모습과 어디를 "
        "보았는지 확인해 보세요."),
    "tr.mode": ("Mode", "모드"),
    "tr.mode.translate": ("Translate", "번역"),
    "tr.mode.chat": ("Chat (Korean)", "챗봇 (한국어)"),
    "tr.mode.buys": ("What attention buys", "어텐션의 효과"),
    "tr.mode.own": ("Your own model", "나만의 모델"),
    "tr.direction": ("Direction", "방향"),
    "tr.direction.ko-en": ("Korean → English", "한국어 → 영어"),
    "tr.direction.en-ko": ("English → Korean", "영어 → 한국어"),
    "tr.card": (
        "Encoder {layers}×{hidden} {two}{cell} over {source}, decoder writing {target}, {attention}; on held-out "
        "pairs: BLEU {bleu}, chrF {chrf}; trained for {minutes} min (models/README.md).",
        "인코더 {layers}×{hidden} {two}{cell} ({source}), 디코더 ({target}), {attention}; 검증 쌍에서 BLEU {bleu}, "
        "chrF {chrf}; {minutes}분 학습 (models/README.md)."),
    "tr.card.bidirectional": ("bidirectional ", "양방향 "),
    "tr.card.members": ("An ensemble of {n} such networks (other seeds): each step's next-token distribution is "
                        "their geometric mean, normalised.",
                        "이런 신경망 {n}개의 앙상블 (다른 시드): 매 단계 다음 토큰 분포는 그 기하 평균(정규화)입니다."),
    "tr.card.reverse": ("The file also keeps {n} model(s) of the other direction, which rescore the beam's "
                        "hypotheses (below).", "파일에는 반대 방향 모델 {n}개도 있어 빔의 가설들을 다시 채점합니다 (아래)."),
    "tr.channel.use": ("Rescore the beam with the other direction", "반대 방향 모델로 빔 다시 채점"),
    "tr.channel.help": (
        "Noisy-channel reranking: every hypothesis the beam finished is also scored by how well it explains your "
        "sentence, log p(source | hypothesis) under the model of the other direction. Off: plain beam search.",
        "잡음 채널 재순위: 빔이 끝낸 가설마다 반대 방향 모델에서 log p(원문 | 가설), 즉 가설이 당신의 문장을 얼마나 잘 "
        "설명하는지로도 채점합니다. 끄면: 보통의 빔 탐색."),
    "tr.channel": ("The beam's hypotheses, rescored by the other direction", "반대 방향 모델로 다시 채점한 빔의 가설"),
    "tr.channel.intro": (
        "Best score first; ★ is the output. *beam score*: log p(output | source) / length penalty, what beam "
        "search ranks by; *back*: log p(source | output) per source token, under the model that translates the "
        "other way; *score* = beam score + {weight} × back. A fluent output that drops or invents content "
        "explains the source badly (Yee et al. 2019, noisy channel).",
        "점수 순; ★가 출력입니다. *빔 점수*: log p(출력 | 원문) / 길이 벌점, 빔 탐색의 순위 기준; *역방향*: 반대 방향 "
        "모델에서 원문 토큰당 log p(원문 | 출력); *점수* = 빔 점수 + {weight} × 역방향. 내용을 빠뜨리거나 지어낸 매끄러운 "
        "출력은 원문을 잘 설명하지 못합니다 (Yee 외 2019, 잡음 채널)."),
    "tr.channel.chosen": ("output", "출력"),
    "tr.channel.empty": ("(nothing: </s> first)", "(없음: 바로 </s>)"),
    "tr.channel.forward": ("beam score", "빔 점수"),
    "tr.channel.backward": ("back: log p(source | output)", "역방향: log p(원문 | 출력)"),
    "tr.steps.kept.channel": ("the rescored winner's token; outlined when it is among the top five",
                              "다시 채점한 승자의 토큰; 상위 5개 안이면 테두리 표시"),
    "tr.attention.additive": ("additive attention (Bahdanau)", "덧셈 어텐션 (Bahdanau)"),
    "tr.attention.general": ("multiplicative attention (Luong)", "곱셈 어텐션 (Luong)"),
    "tr.attention.none": ("no attention (only the last state)", "어텐션 없음 (마지막 상태만)"),
    "tr.tokens.char": ("characters", "글자"),
    "tr.tokens.word": ("words", "단어"),
    "tr.shipped.missing": ("The shipped model {path} is not in models/.", "배포 모델 {path}이(가) models/에 없습니다."),
    "tr.shipped.bad": ("The shipped model cannot be read: {error}", "배포 모델을 읽을 수 없습니다: {error}"),
    "tr.examples": ("Examples (held-out Tatoeba sentences, never trained on):", "예문 (학습에 쓰지 않은 Tatoeba 검증 문장):"),
    "tr.examples.credit": ("Sentences from Tatoeba, CC-BY 2.0 (France): {who}.",
                           "문장 출처: Tatoeba, CC-BY 2.0 (France): {who}."),
    "tr.text": ("Your sentence", "문장"),
    "tr.text.placeholder.ko-en": ("Type a Korean sentence", "한국어 문장을 입력하세요"),
    "tr.text.placeholder.en-ko": ("Type an English sentence", "영어 문장을 입력하세요"),
    "tr.beam_size": ("Beam size", "빔 크기"),
    "tr.beam_size.help": (
        "How many partial translations the beam keeps at every step (1 = greedy: always the most probable "
        "token). Scores are length-normalised, so short outputs are not favoured.",
        "매 단계 빔이 유지하는 부분 번역의 수 (1 = 탐욕적: 항상 가장 확률 높은 토큰). 점수는 길이로 정규화되어 짧은 "
        "출력이 유리하지 않습니다."),
    "tr.empty": ("Type a sentence first.", "먼저 문장을 입력하세요."),
    "tr.writing": ("Writing…", "쓰는 중…"),
    "tr.bad_text": ("This text cannot be translated: {error}", "이 글은 번역할 수 없습니다: {error}"),
    "tr.cut": (
        "The text is long: the model reads at most {n} tokens. It translated the first {chars} of your {total} "
        "characters ({tokens} tokens, here {unit}, up to the end of a sentence where one fits); the rest was left "
        "out. It was trained on single sentences, so it does best with one sentence at a time.",
        "글이 깁니다: 모델은 최대 {n}개 토큰까지 읽습니다. 입력한 {total}자 중 앞의 {chars}자({tokens}개 토큰, "
        "여기서는 {unit} 단위, 가능하면 문장 끝까지)만 번역했고 나머지는 빠졌습니다. 한 문장씩 학습했으므로 한 번에 "
        "한 문장을 넣을 때 가장 잘 번역합니다."),
    "tr.cut.read": ("The part the model read", "모델이 읽은 부분"),
    "tr.url.long": ("The text ({chars} characters) is too long to share in the page's link (at most {n}): a copied "
                    "link opens the same direction and beam, without the text.",
                    "글({chars}자)이 길어서 페이지 링크에 넣지 않았습니다(최대 {n}자). 복사한 링크는 같은 방향과 빔으로 "
                    "열리지만 글은 담지 않습니다."),
    "tr.text.help": (
        "Up to {chars} characters. The model reads at most {n} tokens of them (characters of Korean, words of "
        "English) and says so when it leaves some out.",
        "최대 {chars}자까지 입력할 수 있습니다. 모델은 그중 최대 {n}개 토큰(한국어는 글자, 영어는 단어)까지 읽고, 빠진 "
        "부분이 있으면 알려 줍니다."),
    "tr.language.ko": ("Korean", "한국어"),
    "tr.language.en": ("English", "영어"),
    "tr.language.other": ("neither Korean nor English", "한국어도 영어도 아닌 글"),
    "tr.wrong_language": (
        "This looks like {seen}, but the direction is {direction}: the model reads {reads}. On text in another "
        "language it still writes a fluent sentence, but an invented one.",
        "이 글은 {seen}처럼 보이지만 방향은 {direction}입니다: 모델은 {reads}를 읽습니다. 다른 언어의 글에도 매끄러운 "
        "문장을 쓰지만, 지어낸 문장입니다."),
    "tr.wrong_language.switch": ("Switch to {direction}, keeping this text", "이 글 그대로 {direction}(으)로 바꾸기"),
    "tr.unknown": ("The model never saw {tokens} in training: it reads them as <unk> (unknown).",
                   "모델이 학습에서 본 적 없는 {tokens}은(는) <unk>(모름)로 읽습니다."),
    "tr.nothing_written": ("(the model wrote nothing: its first token was the end)",
                           "(모델이 아무것도 쓰지 않았습니다: 첫 토큰이 끝이었습니다)"),
    "tr.map": ("Where the decoder looked", "디코더가 본 곳"),
    "tr.map.intro": (
        "Each row is one written token; its cells are the attention weights over the source (each row sums to "
        "1). The bright cells are what the decoder read while writing that token: the classic alignment picture. "
        "Hover for the numbers.",
        "각 행은 쓴 토큰 하나이고, 칸은 원문에 대한 어텐션 가중치입니다 (행마다 합이 1). 밝은 칸은 그 토큰을 쓰는 동안 "
        "디코더가 읽은 곳: 고전적인 정렬 그림입니다. 마우스를 올리면 값이 보입니다."),
    "tr.map.none": ("This model has no attention: its decoder knows the source only through the encoder's last "
                    "state.", "이 모델에는 어텐션이 없습니다: 디코더는 인코더의 마지막 상태로만 원문을 압니다."),
    "tr.map.source": ("source", "원문"),
    "tr.map.output": ("output", "출력"),
    "tr.map.weight": ("weight", "가중치"),
    "tr.steps": ("Step through decoding", "디코딩 한 단계씩"),
    "tr.steps.slider": ("Output step", "출력 단계"),
    "tr.steps.top": ("Step {step}: the five most probable next tokens", "{step}단계: 가장 확률 높은 다음 토큰 5개"),
    "tr.steps.p": ("probability", "확률"),
    "tr.steps.looked": ("Where attention looked at this step", "이 단계에서 어텐션이 본 곳"),
    "tr.steps.kept": ("Kept: **{token}** ({how}).", "선택: **{token}** ({how})."),
    "tr.steps.kept.beam": ("the beam's winning hypothesis; outlined when it is among the top five",
                           "빔의 최종 가설; 상위 5개 안이면 테두리 표시"),
    "tr.steps.kept.greedy": ("greedy: the most probable", "탐욕적: 가장 확률 높은 것"),
    "tr.steps.kept.sample": ("drawn at random with the temperature", "온도에 따라 무작위로 뽑음"),
    "tr.beam": ("The beam itself", "빔 자체"),
    "tr.beam.intro": (
        "At every step the beam keeps its best partial outputs (by log probability) and extends each by one "
        "token. Each point is a kept hypothesis, labelled with its newest token and joined to the one it "
        "extends; squares ended with </s>. The winner's path is outlined in orange.",
        "빔은 매 단계 가장 좋은 부분 출력들을 (로그 확률 기준) 유지하고 각각 한 토큰씩 늘립니다. 점 하나가 유지된 가설이며, "
        "새 토큰이 적혀 있고 이어 늘린 가설과 선으로 이어집니다. 네모는 </s>로 끝난 가설입니다. 이긴 경로는 주황색입니다."),
    "tr.beam.step": ("step", "단계"),
    "tr.beam.rank": ("rank", "순위"),
    "tr.beam.score": ("score", "점수"),
    "tr.beam.hyp": ("hypothesis", "가설"),
    "tr.beam.finished": ("finished", "완료"),
    "tr.beam.winner": ("won", "승자"),
    "tr.beam.table": ("Every hypothesis kept, as a table", "유지된 모든 가설 (표)"),
    "tr.beam.won": ("Winner: length-normalised score {score} (log probability {logprob}).",
                    "승자: 길이 정규화 점수 {score} (로그 확률 {logprob})."),
    "tr.beam.won.greedy": (
        "Winner: the greedy output (score {score}, log probability {logprob}) beat every hypothesis the beam "
        "kept, so it is used; its prefixes are not all in the beam.",
        "승자: 탐욕적 출력(점수 {score}, 로그 확률 {logprob})이 빔의 모든 가설보다 좋아 사용합니다; 그 앞부분이 빔에 "
        "모두 있지는 않습니다."),
    "tr.inside": ("Inside the two networks", "두 신경망의 속"),
    "tr.inside.intro": (
        "The encoder's top-layer states under the source tokens (both directions side by side when it reads "
        "both ways), and the decoder's under the tokens it wrote.",
        "원문 토큰 아래 인코더의 최상위 층 상태 (양방향이면 두 방향을 나란히), 그리고 쓴 토큰 아래 디코더의 상태입니다."),
    "tr.inside.what": ("Show", "보기"),
    "tr.inside.encoder": ("Encoder, over the source", "인코더 (원문 위)"),
    "tr.inside.decoder": ("Decoder, over the output", "디코더 (출력 위)"),
    "tr.chat.credit": ("Trained on the Korean chatbot Q/A pairs of songys/Chatbot_data (MIT).",
                       "songys/Chatbot_data의 한국어 챗봇 질문/답 쌍(MIT)으로 학습했습니다."),
    "tr.chat.temperature": ("Temperature", "온도"),
    "tr.chat.temperature.help": ("Below 1: safer, more common replies; above 1: wilder ones.",
                                 "1보다 작으면 무난하고 흔한 답, 1보다 크면 더 엉뚱한 답."),
    "tr.chat.seed": ("New seed", "새 시드"),
    "tr.chat.seed.now": ("Sampling seed {seed}: the same seed and questions give the same replies.",
                         "샘플링 시드 {seed}: 같은 시드와 질문이면 같은 답이 나옵니다."),
    "tr.chat.clear": ("Clear", "지우기"),
    "tr.chat.placeholder": ("Say something in Korean", "한국어로 말을 걸어 보세요"),
    "tr.chat.empty": ("Say something below (or pick an example); the replies are sampled, so ask twice.",
                      "아래에 말을 걸거나 예시를 고르세요; 답은 샘플링되므로 두 번 물어보세요."),
    "tr.chat.empty.rerank": (
        "Say something below (or pick an example). At temperature 0 the best-scored candidate wins, so the same "
        "question gets the same reply; raise the temperature to draw among the candidates.",
        "아래에 말을 걸거나 예시를 고르세요. 온도 0이면 점수가 가장 높은 후보가 이기므로 같은 질문에는 같은 답이 나옵니다; "
        "온도를 올리면 후보 중에서 뽑습니다."),
    "tr.chat.how": ("How the last reply was written (to “{question}”)", "마지막 답은 어떻게 쓰였나 (“{question}”)"),
    "tr.chat.rerank": (
        "**How this chatbot replies (retrieve and rerank):** it looks up the {k} training questions most like "
        "yours (TF-IDF over character n-grams) and takes their **answers, word for word from the training data**, "
        "as candidates; the **RNN writes its own replies** too (greedy and beam search). Then the RNN scores "
        "every candidate: its log probability per character given your question, plus {weight} × the question's "
        "similarity to the one the answer belongs to (0 for the RNN's own). The best score wins at temperature 0; "
        "above 0 the reply is drawn. So a reply is most often a training answer **chosen** by the RNN, not "
        "written by it: each reply says which.",
        "**이 챗봇이 답하는 방법 (검색 후 재순위):** 학습 질문 중 당신의 질문과 가장 비슷한 {k}개를 찾아 (글자 n-gram "
        "TF-IDF) 그 **답을 학습 데이터 그대로** 후보로 삼고, **RNN도 직접 답을 씁니다** (탐욕적 디코딩과 빔 탐색). "
        "그다음 RNN이 모든 후보에 점수를 매깁니다: 질문이 주어졌을 때 후보의 글자당 로그 확률 + {weight} × 그 답이 "
        "속한 질문과의 유사도 (RNN이 쓴 답은 0). 온도 0이면 가장 높은 점수가, 0보다 크면 확률적으로 뽑힙니다. 그래서 "
        "답은 대개 RNN이 **고른** 학습 답이지 RNN이 쓴 것이 아닙니다: 답마다 어느 쪽인지 적혀 있습니다."),
    "tr.chat.rerank.scores": (
        "On held-out questions (never in training): chrF {chrf} against {tfidf} for TF-IDF retrieval alone (the "
        "nearest question's answer); {distinct}% different replies; {written}% of the replies written by the RNN "
        "(models/README.md).",
        "검증 질문 (학습에 없던 질문)에서: chrF {chrf}, TF-IDF 검색만 쓰면 (가장 가까운 질문의 답) {tfidf}; 서로 다른 "
        "답 {distinct}%; RNN이 쓴 답 {written}% (models/README.md)."),
    "tr.chat.temperature.help.rerank": (
        "0: always the best-scored candidate; above 0: a candidate drawn with probability ∝ exp(score / "
        "temperature), so asking again can give another reply.",
        "0: 항상 점수가 가장 높은 후보; 0보다 크면 exp(점수 / 온도)에 비례하는 확률로 후보를 뽑으므로 다시 물으면 다른 "
        "답이 나올 수 있습니다."),
    "tr.chat.from.retrieved": ("A training answer, found by retrieval: the answer to “{question}” (similarity "
                               "{similarity}), chosen by the RNN's score.",
                               "검색으로 찾은 학습 답: “{question}”에 대한 답 (유사도 {similarity}), RNN의 점수로 "
                               "골랐습니다."),
    "tr.chat.from.generated": ("Written by the RNN ({how}), chosen by its score over the retrieved answers.",
                               "RNN이 쓴 답 ({how}), 검색된 답들보다 점수가 높아 골랐습니다."),
    "tr.chat.from.greedy": ("greedy decoding", "탐욕적 디코딩"),
    "tr.chat.from.beam": ("beam search", "빔 탐색"),
    "tr.chat.candidates": ("The candidates and where the RNN looked", "후보들과 RNN이 본 곳"),
    "tr.chat.candidates.intro": (
        "Best score first; ★ is the reply. *log p*: the RNN's log probability per character of the candidate "
        "given the question (teacher forcing); *score* = log p{mmi} + {weight} × similarity.",
        "점수 순; ★가 답입니다. *log p*: 질문이 주어졌을 때 후보의 글자당 로그 확률 (teacher forcing); "
        "*점수* = log p{mmi} + {weight} × 유사도."),
    "tr.chat.candidates.mmi": (
        " − {mmi} × *log p (no question)*, the same reply's log probability per character after an empty question,",
        " − {mmi} × *log p (질문 없음)* (빈 질문 뒤에서 같은 답의 글자당 로그 확률)"),
    "tr.chat.rerank.mmi": (
        "The score also takes off {mmi} × the reply's log probability after an **empty** question (Li et al. "
        "2016's maximum mutual information), so a stock reply the RNN likes whatever is asked does not win "
        "by that alone.",
        "점수에서 **빈** 질문 뒤 그 답의 로그 확률 × {mmi}도 뺍니다 (Li 외 2016의 최대 상호정보): 무엇을 물어도 RNN이 "
        "좋아하는 상투적인 답이 그것만으로 이기지 않도록."),
    "tr.chat.col.prior": ("log p (no question)", "log p (질문 없음)"),
    "tr.chat.col.reply": ("candidate", "후보"),
    "tr.chat.col.origin": ("from", "출처"),
    "tr.chat.col.question": ("training question", "학습 질문"),
    "tr.chat.col.similarity": ("similarity", "유사도"),
    "tr.chat.col.score": ("score", "점수"),
    "tr.chat.col.chance": ("chance", "확률"),
    "tr.chat.col.chosen": ("reply", "답"),
    "tr.chat.origin.retrieved": ("retrieved (training answer)", "검색 (학습 답)"),
    "tr.chat.origin.greedy": ("RNN, greedy", "RNN, 탐욕적"),
    "tr.chat.origin.beam": ("RNN, beam", "RNN, 빔"),
    "tr.chat.origin.also": (" (the RNN wrote it too: {how})", " (RNN도 씀: {how})"),
    "tr.chat.map": ("Where the decoder looked while reading the chosen reply (teacher forcing)",
                    "고른 답을 읽는 동안 디코더가 본 곳 (teacher forcing)"),
    "tr.steps.kept.rerank": ("the chosen reply's token, read with teacher forcing", "고른 답의 토큰 (teacher forcing으로 읽음)"),
    "tr.buys.intro": (
        "The same Korean → English data and settings trained twice: with attention, and without it (the "
        "decoder then gets only the encoder's last state, one fixed-size vector for the whole sentence, as in "
        "Sutskever et al. 2014; both trained for the same 60 epochs, see models/README.md). Scored on held-out "
        "pairs, grouped by the length of the source: a small-scale version of Bahdanau et al.'s figure, where "
        "the model without attention falls off on long sentences.",
        "같은 한국어 → 영어 데이터와 설정으로 두 번 학습했습니다: 어텐션이 있을 때와 없을 때 (없으면 디코더는 인코더의 "
        "마지막 상태, 문장 전체에 대한 고정 크기 벡터 하나만 받습니다: Sutskever 외 2014; 둘 다 같은 60 에포크 동안 학습했습니다, models/README.md 참고). 검증 쌍을 원문 길이로 묶어 "
        "채점했습니다: 긴 문장에서 어텐션 없는 모델이 떨어지는 Bahdanau 외의 그림을 작게 재현한 것입니다."),
    "tr.buys.missing": ("The table {path} is not in models/: run benchmarks/translate_attention.py.",
                        "표 {path}이(가) models/에 없습니다: benchmarks/translate_attention.py를 실행하세요."),
    "tr.buys.chart": ("{direction}: score by source length", "{direction}: 원문 길이별 점수"),
    "tr.buys.length": ("source length (characters)", "원문 길이 (글자)"),
    "tr.buys.model": ("model", "모델"),
    "tr.buys.how": ("Split: {split}. sacrebleu: {signature}. Made by: {command}",
                    "분할: {split}. sacrebleu: {signature}. 만든 명령: {command}"),
    "tr.own": ("Model", "모델"),
    "tr.own.train": ("Train your own", "직접 학습"),
    "tr.own.upload": ("Upload a model", "모델 올리기"),
    "tr.train.intro": (
        "Upload sentence pairs: TSV (with or without a header) or CSV with a header, one pair a line. Pick the "
        "source and target columns; a tenth of the pairs is held out in whole groups (no held-out sentence is "
        "trained on) to score the model.",
        "문장 쌍을 올리세요: TSV (머리글 있거나 없거나) 또는 머리글이 있는 CSV, 한 줄에 한 쌍. 원문과 목표 열을 고르세요; "
        "쌍의 10분의 1을 묶음 단위로 떼어 (떼어 둔 문장은 학습하지 않음) 모델을 채점합니다."),
    "tr.train.upload": ("Sentence pairs (.tsv, .csv)", "문장 쌍 (.tsv, .csv)"),
    "tr.train.upload.help": ("Tatoeba's downloads (English<TAB>Korean<TAB>attribution) work as they are.",
                             "Tatoeba 내려받기 파일 (영어<TAB>한국어<TAB>출처)은 그대로 쓸 수 있습니다."),
    "tr.train.bad": ("This file cannot be used: {error}", "이 파일은 쓸 수 없습니다: {error}"),
    "tr.train.source": ("Source column", "원문 열"),
    "tr.train.target": ("Target column", "목표 열"),
    "tr.train.stats": ("{n} pairs.", "쌍 {n}개."),
    "tr.train.preview": ("The first pairs", "처음 몇 쌍"),
    "tr.train.src_tokens": ("Source as", "원문 단위"),
    "tr.train.tgt_tokens": ("Target as", "목표 단위"),
    "tr.train.cell": ("Cell", "셀"),
    "tr.train.hidden": ("Hidden units", "은닉 유닛"),
    "tr.train.attention": ("Attention", "어텐션"),
    "tr.train.seconds": ("Seconds", "초"),
    "tr.train.start": ("Train", "학습"),
    "tr.report": ("On the held-out pairs", "떼어 둔 쌍에서"),
    "tr.report.bad": ("The model cannot be scored: {error}", "모델을 채점할 수 없습니다: {error}"),
    "tr.report.loss": ("loss per token", "토큰당 손실"),
    "tr.report.n": ("pairs", "쌍"),
    "tr.report.written": ("written", "모델 출력"),
    "tr.download": ("Download the model", "모델 내려받기"),
    "tr.upload.label": ("A translation or chat model trained here (.safetensors)",
                        "여기서 학습한 번역/챗봇 모델 (.safetensors)"),
    "tr.no_model": ("Train a model or upload one to try it.", "모델을 학습하거나 올려서 써 보세요."),
    "tr.try": ("Try it", "써 보기"),
    "tr.loss": ("loss (nats per output token)", "손실 (출력 토큰당 nats)"),
}
