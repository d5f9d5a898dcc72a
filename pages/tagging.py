"""Many-to-many, aligned: the tagging page. Three tasks on one tagger: named entities in news text, and parts
of speech in English (UD EWT) and Korean (UD GSD). The tags in the text, the tag probabilities of every
token, the hidden states and gates of both directions, the shipped model's confusions, and a tagger of your
own."""
import altair as alt
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from webapp import charts, loading, settings, tagging, urlstate, widgets
from webapp.exercises import base as exercises
from webapp.exercises import tagging as ex_tagging
from webapp.i18n import t
from webapp.nav import enter

SOURCES = ("shipped", "train", "upload")
EXAMPLES = {
    "ner": [
        "EU rejects German call to boycott British lamb.",
        "Peter Blackburn, the U.S. envoy, met officials of the European Commission in Brussels on Thursday.",
        "Manchester United beat Arsenal 2-1 at Old Trafford, with Eric Cantona scoring twice.",
        "Apple Inc. said Tim Cook will visit Seoul and Tokyo next week.\nShares of Samsung rose 3.5% in early trading.",
        "JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
        "the weather was nice and we went for a walk 😀 see https://example.com",
    ],
    "pos_en": [
        "I can can a can.",
        "Time flies like an arrow.",
        "Fruit flies like a banana.",
        "The old man the boat.",
        "I saw her duck under the table.",
        "They refuse to permit us to obtain the refuse permit.",
    ],
    "pos_ko": [
        "나는 책을 좋아한다.",  # the shipped tagger gets every word right (학교에 간다: GSD's one 간다 is a name, NNP)
        "그가 나를 불렀다.",
        "나의 친구가 왔다.",
        "나는 너를 좋아하고, 너는 나의 동생을 좋아한다.",
        "잡스는 워즈니악에게 350달러만을 주었다.",
        "서울에서 부산까지 기차로 세 시간이 걸립니다.",
    ],
}
TREEBANK = {"pos_en": "UD English-EWT", "pos_ko": "UD Korean-GSD"}
MAX_URL_TEXT = 500  # characters: a longer text is not put in the shareable URL (the page says so)
SESSION = {"persist_state": "session"}  # kept while the visitor is on other pages
URL = {"bind": "query-params", **SESSION}  # in the link too, under its key (numbers and cell names: any language)


def counted(kind: str, n: int) -> str:
    """'1 sentence', '3 sentences' (문장 1개)."""
    return t(f"n.{kind}.one" if n == 1 else f"n.{kind}.many", n=f"{n:,}")


def read_upload(upload, task: str, column: str):
    """The uploaded file's sentences, or the message that says why it cannot be read."""
    try:
        return tagging.read_conll(upload.getvalue(), upload.name, task, column)
    except RNNLabError as e:
        return str(e)


enter()
st.title(t("ner.title"))

# ---------------------------------------------------------------- 0. the task
urlstate.seed("task", "tag_task", "ner", valid=lambda v: v in tagging.TASK_NAMES)
task = st.radio(t("tagging.task"), tagging.TASK_NAMES, key="tag_task", horizontal=True, **SESSION,
                format_func=lambda k: t(f"tagging.task.{k}"))
pos = task != "ner"
p = "ner" if task == "ner" else task  # every widget of a task has its own key: each task keeps its state
st.markdown(t(f"pos.intro.{task}" if pos else "ner.intro"))

# ---------------------------------------------------------------- 1. the model
urlstate.seed("model", f"{p}_source", "shipped", valid=lambda v: v in SOURCES)
source = st.radio(t("ner.source"), SOURCES, key=f"{p}_source", horizontal=True, **SESSION,
                  format_func=lambda s: t(f"pos.source.shipped.{task}" if pos and s == "shipped" else f"ner.source.{s}"))
bundle, model_key, own_report = None, None, None
shipped_name = tagging.SHIPPED[task]

if source == "shipped":
    shipped = loading.shipped(shipped_name, "tag")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{shipped.path}:{shipped.path.stat().st_mtime}"
        cfg, valid = bundle.cfg, bundle.info.get("valid") or {}
        if pos:
            st.caption(t("pos.shipped.card", hidden=cfg.hidden_size, cell=cfg.cell.upper(), vocab=f"{len(bundle.vocab):,}",
                         chars=t("pos.chars.on" if cfg.char_vocab_size else "pos.chars.off"), data=TREEBANK[task],
                         minutes=bundle.info.get("minutes", "?"), device=bundle.info.get("device", "?"),
                         accuracy=f"{100 * valid.get('accuracy', float('nan')):.2f}",
                         macro=f"{valid.get('macro_f1', float('nan')):.3f}"))
        else:
            st.caption(t("ner.shipped.card", hidden=cfg.hidden_size, cell=cfg.cell.upper(), vocab=f"{len(bundle.vocab):,}",
                         f1=f"{100 * valid.get('f1', float('nan')):.1f}", minutes=bundle.info.get("minutes", "?"),
                         device=bundle.info.get("device", "?")))
    elif shipped.missing:
        st.warning(t("ner.shipped.missing", path=shipped_name))
    else:
        st.error(t("ner.shipped.bad", error=shipped.error))

elif source == "train":
    st.markdown(t("pos.train.intro" if pos else "ner.train.intro"))
    found = tagging.datasets()  # shipped in data/: a new visitor can train at once
    datasets = {name: found[name] for name in tagging.TASK_DATASETS[task] if name in found}
    choices = (*datasets, "upload")
    if st.session_state.get(f"{p}_data") not in choices:
        st.session_state[f"{p}_data"] = choices[0]
    data_choice = st.radio(t("ner.data"), choices, key=f"{p}_data", horizontal=True, **SESSION,
                           format_func=lambda d: t(f"ner.data.{d}"))
    column = "upos"
    if pos:
        column = st.radio(t("pos.column"), ("upos", "xpos"), key=f"{p}_column", horizontal=True, **SESSION,
                          format_func=lambda c: t(f"pos.column.{c}"))
    train = valid = None
    data_name = data_choice
    if data_choice == "upload":
        upload = st.file_uploader(t("pos.data.upload" if pos else "ner.data.upload"),
                                  type=["conllu", "txt"] if pos else ["txt", "conll", "tsv", "iob", "bio"],
                                  key=f"{p}_data_file", max_upload_size=tagging.MAX_UPLOAD_MB,
                                  help=t("pos.data.upload.help" if pos else "ner.data.upload.help"))
        if upload is not None:
            read = widgets.remembered(f"{p}_upload", (upload.file_id, column), lambda: read_upload(upload, task, column))
            if isinstance(read, str):
                st.error(t("ner.data.bad", error=read))
            else:
                train, data_name = read, upload.name
    else:
        held = st.session_state.setdefault(f"{p}_datasets", {})
        if (data_choice, column) not in held:
            try:
                paths = datasets[data_choice]
                held[data_choice, column] = (
                    tagging.read_conll(paths[0].read_bytes(), paths[0].name, task, column),
                    tagging.read_conll(paths[1].read_bytes(), paths[1].name, task, column)[:tagging.MAX_VALID])
            except (RNNLabError, OSError) as e:
                held[data_choice, column] = str(e)
        if isinstance(held[data_choice, column], str):
            st.error(t("ner.data.bad", error=held[data_choice, column]))
        else:
            train, valid = held[data_choice, column]
    if train is not None:
        n, tokens = counted("sentence", len(train)), counted("token", sum(len(w) for w, _ in train))
        if pos:
            tags = sorted({tag for _, tags in train for tag in tags})
            st.caption(t("pos.data.stats", n=n, tokens=tokens, k=len(tags),
                         tags=", ".join(tags[:20]) + (" …" if len(tags) > 20 else "")))
        else:
            kinds = sorted({tag[2:] for _, tags in train for tag in tags if tag != "O"})
            st.caption(t("ner.data.stats", n=n, tokens=tokens,
                         types=", ".join(kinds[:12]) + (" …" if len(kinds) > 12 else "")))

    limits = settings.load()  # the server's caps on what a visitor may train
    st.session_state.setdefault(f"{p}_chars", True)  # not value=: the value is kept while the widget is hidden
    new, start = widgets.start_from(p, "tag", f"{p}_run", keep=(f"{p}_hidden", f"{p}_cell", f"{p}_chars"))
    if start is not None and tagging.task_mismatch(start.load(), task):
        st.error(t("pos.mismatch.ner" if task == "ner" else "pos.mismatch.pos"))
        start = None
    c = st.columns(4)
    model = {}  # a new model's settings (a saved one keeps its own)
    if new:
        model["hidden"] = widgets.capped_select_slider(c[0], t("ner.hidden"), (16, 32, 64, 128, 256),
                                                       cap=limits.max_hidden, default=64, key=f"{p}_hidden", **URL)
        model["cell"] = c[2].selectbox(t("ner.cell"), ("lstm", "gru", "rnn"), key=f"{p}_cell", format_func=str.upper,
                                       **URL)
        model["chars"] = c[3].checkbox(t("ner.chars"), key=f"{p}_chars", help=t("ner.chars.help"), **URL)
    seconds = widgets.capped_select_slider(c[1 if new else 0], t("ner.seconds"), (5, 10, 20, 30, 60, 120, 300, 600),
                                           cap=limits.max_seconds, default=60, key=f"{p}_seconds", **URL)
    ready = train is not None and (new or start is not None)

    def start_run():
        """A run with the values on the screen (RNNLabError: why it cannot start)."""
        model_cfg, train_cfg = tagging.configs(seconds=seconds, column=column, **model)
        own = tagging.start_training(train, valid, model_cfg, train_cfg, start=start, data=data_name)
        st.session_state[f"{p}_own"], st.session_state[f"{p}_run"] = own, own.run

    widgets.train_control(f"{p}_start", f"{p}_run", t("ner.train.start"), ready=ready, start=start_run)
    widgets.training_panel(f"{p}_run", metric="accuracy" if pos else "f1", loss_title=t("ner.loss"))
    own, run = st.session_state.get(f"{p}_own"), st.session_state.get(f"{p}_run")
    if run is not None and run.snapshot().state in ("done", "stopped"):
        bundle, model_key = run.bundle, f"own:{id(run)}"
        rep = own.scored(tagging.report)
        st.subheader(t("ner.report"))
        if "error" in rep:
            st.warning(t("ner.report.bad", error=rep["error"]))
        elif "accuracy" in rep:
            c = st.columns(3)
            c[0].metric(t("pos.report.accuracy"), f"{100 * rep['accuracy']:.1f}")
            c[1].metric(t("pos.report.macro"), f"{rep['macro_f1']:.3f}")
            c[2].metric(t("ner.report.n"), f"{rep['n']:,}")
            st.dataframe(pd.DataFrame([{t("pos.report.tag"): tag, t("ner.report.precision"): round(100 * m["precision"], 1),
                                        t("ner.report.recall"): round(100 * m["recall"], 1), "F1": round(100 * m["f1"], 1),
                                        t("pos.report.support"): m["support"]} for tag, m in rep["per_tag"].items()]),
                         hide_index=True)
            own_report = rep
        else:
            c = st.columns(4)
            c[0].metric(t("ner.report.precision"), f"{100 * rep['precision']:.1f}")
            c[1].metric(t("ner.report.recall"), f"{100 * rep['recall']:.1f}")
            c[2].metric("F1", f"{100 * rep['f1']:.1f}")
            c[3].metric(t("ner.report.n"), f"{rep['n']:,}")
            st.dataframe(pd.DataFrame([{t("ner.report.type"): kind, t("ner.report.precision"): round(100 * m["precision"], 1),
                                        t("ner.report.recall"): round(100 * m["recall"], 1), "F1": round(100 * m["f1"], 1),
                                        t("ner.report.support"): m["support"]} for kind, m in rep["per_type"].items()]),
                         hide_index=True)
        if "error" not in rep:
            st.markdown(t("ner.report.worst"))
            if rep["worst"]:
                for row in rep["worst"]:
                    st.caption(t("ner.report.errors", n=row["errors"]))
                    st.html(tagging.side_by_side(row["words"], row["gold"], row["pred"]))
            else:
                st.caption(t("ner.report.none_wrong"))
        st.download_button(t("ner.download"), data=run.checkpoint(), file_name="my-tagger.safetensors",
                           mime="application/octet-stream", icon=":material/download:", key=f"{p}_download")
    elif run is not None and run.snapshot().active:
        st.info(t("ner.train.wait"))
        st.stop()

else:  # a tagger trained here before
    held = loading.uploaded_model(p, "tag", t("ner.upload.label"), tagging.MAX_UPLOAD_MB)
    if held is not None:
        if tagging.task_mismatch(held.bundle, task):
            st.error(t("pos.mismatch.ner" if task == "ner" else "pos.mismatch.pos"))
        else:
            bundle, model_key = held.bundle, held.key
            labels = bundle.labels.itos if pos else sorted({tag[2:] for tag in bundle.labels.itos if tag != "O"})
            st.caption(t("ner.upload.card", name=held.name, hidden=bundle.cfg.hidden_size, cell=bundle.cfg.cell.upper(),
                         tags=", ".join(labels[:12]) + (" …" if len(labels) > 12 else "")))

if bundle is None:
    st.info(t("ner.no_model"))
    st.stop()

# ---------------------------------------------------------------- 2. the tags in the text
st.header(t("pos.predict" if pos else "ner.predict"))
examples = EXAMPLES[task]
first_example = examples[1 if task == "ner" else 0]
url_is_task = (st.query_params.get("task") or "ner") == task  # the URL's values are its task's, not the one switched to
if url_is_task:
    urlstate.seed("text", f"{p}_text", first_example, valid=lambda v: len(v) <= tagging.MAX_TEXT_CHARS)
else:
    st.session_state.setdefault(f"{p}_text", first_example)
st.caption(t(f"pos.examples.{task}" if pos else "ner.examples"))
c = st.columns(3)
for i, example in enumerate(examples):
    shown = example.replace("\n", " ")
    c[i % 3].button(shown if len(shown) < 60 else shown[:57] + "…", key=f"{p}_example_{i}",
                    on_click=lambda e=example: st.session_state.update({f"{p}_text": e}), width="stretch")
text = st.text_area(t("pos.text" if pos else "ner.text"), key=f"{p}_text", height=100 if pos else 120, **SESSION,
                    max_chars=tagging.MAX_TEXT_CHARS, placeholder=t("pos.text.placeholder" if pos else "ner.text.placeholder"))
shared = len(text) <= MAX_URL_TEXT
urlstate.publish({"task": task if task != "ner" else None, "model": source, "text": text if text and shared else None})
if not shared:
    st.caption(t("tagging.url.long", chars=f"{len(text):,}", n=MAX_URL_TEXT))
if not text.strip():
    st.info(t("pos.empty" if pos else "ner.empty"))
    st.stop()
if not pos and not any(ch.isupper() for ch in text) and any(ch.isalpha() and ch.lower() != ch.upper() for ch in text):
    st.caption(t("ner.lowercase"))

try:
    with st.spinner(t("ner.thinking")):  # shown only if the tagging takes over half a second
        tagged = widgets.remembered(f"{p}_answer", (model_key, text), lambda: tagging.tag_text(bundle, text))
except RNNLabError as e:
    st.warning(t("ner.bad_text", error=e))
    st.stop()
n_sentences = len(tagged.tokens)
sentences_tokens = dict(sentences=counted("sentence", n_sentences), tokens=counted("token", tagged.n_tokens))
sejong = tagging.shipped_extra(loading.models_dir(), tagging.SHIPPED["pos_ko"], "sejong") if task == "pos_ko" else None
sejong_words = (sejong or {}).get("words", {})


def explain(tag: str) -> str:
    """What a tag stands for: a universal tag, or a Korean word's Sejong tags morpheme by morpheme."""
    if f"upos.{tag}" == t(f"upos.{tag}"):  # not a universal tag
        parts = tagging.morpheme_tags(tag)
        known = [t(f"sejong.{m}") for m in parts if t(f"sejong.{m}") != f"sejong.{m}"]
        return " + ".join(known) if parts and len(known) == len(parts) else ""
    return t(f"upos.{tag}")


if pos:
    chosen = tagging.tag_probability(tagged)
    k = len(tagged.labels)
    used = sorted({tag for tags in tagged.tags for tag in tags}, key=tagged.labels.index)
    st.markdown(t("pos.legend"))
    st.html(tagging.pos_legend(used, tagged.labels, explain))
    with st.expander(t("pos.legend.all")):
        st.html(tagging.pos_legend(tagged.labels, tagged.labels, explain))
    for s, (tokens, tags) in enumerate(zip(tagged.tokens, tagged.tags)):
        words = [tok.text for tok in tokens]
        hovers = [t("pos.hover", tag=tag, p=f"{prob:.3f}", word=word, k=k)
                  for word, tag, prob in zip(words, tags, chosen[s])]
        notes = [" / ".join(x for _, x, _ in tagging.sejong_analyses(sejong_words, w)) or "—" for w in words] \
            if sejong is not None else None
        st.html(tagging.pos_words(words, tags, hovers, tagged.labels, notes))
    st.caption(t("pos.counts", **sentences_tokens))
    if sejong is not None:
        st.caption(t("pos.sejong.note"))
else:
    kinds = tagging.entity_types(bundle)
    st.html(tagging.legend(kinds))
    st.html(tagging.highlight(tagged, kinds))
    st.caption(t("ner.counts", **sentences_tokens, entities=counted("entity", len(tagged.entities))))
    if tagged.entities:
        probability = t("ner.table.confidence")
        st.dataframe(pd.DataFrame([{t("ner.table.entity"): e.text, t("ner.table.type"): e.kind,
                                    t("ner.table.sentence"): e.sentence + 1, probability: round(e.confidence, 3)}
                                   for e in tagged.entities]), hide_index=True,
                     column_config={probability: st.column_config.NumberColumn(help=t("ner.table.confidence.help"),
                                                                               format="%.3f")})
        st.caption(t("ner.table.confidence.caption"))
    else:
        st.info(t("ner.none"))

# ---------------------------------------------------------------- 3. one sentence, token by token
st.subheader(t("pos.probs" if pos else "ner.probs"))
st.markdown(t("pos.probs.intro" if pos else "ner.probs.intro"))
if n_sentences > 1:
    sentence = urlstate.Field("sentence" if url_is_task else None, f"{p}_sentence", 0, cast=lambda raw: int(raw) - 1,
                              valid=lambda i: 0 <= i < n_sentences, kind=int)
    sentence.seed()  # a link's sentence= counts from 1
    pick = st.selectbox(t("ner.sentence"), range(n_sentences), key=f"{p}_sentence", **SESSION,
                        format_func=lambda i: f"{i + 1}: " + " ".join(tok.text for tok in tagged.tokens[i])[:90])
else:
    pick = 0
pick = min(pick or 0, n_sentences - 1)
urlstate.publish({"sentence": pick + 1 if pick else None})
words = [tok.text for tok in tagged.tokens[pick]][:tagging.MAX_INSIDE]
if len(tagged.tokens[pick]) > tagging.MAX_INSIDE:
    st.caption(t("ner.cut", n=tagging.MAX_INSIDE, total=f"{len(tagged.tokens[pick]):,}"))
wide = len(words) > 24  # then one narrow column per token, scrolled sideways
probs = tagged.probs[pick][:len(words)]
if pos:
    top, top_p = tagging.top_tags(probs, tagged.labels, k=3)
    chart = charts.top_k(top, top_p, words, rank_title=t("pos.probs.rank"))
    chart = chart.properties(**({"width": alt.Step(charts.CELL_PX * 4)} if wide else {}))
    st.altair_chart(chart, width="content" if wide else "stretch")
    if sejong is not None:
        st.markdown(f"**{t('pos.sejong.title')}**")
        rows = []
        for word, tag in zip(words, tagged.tags[pick]):
            found = tagging.sejong_analyses(sejong_words, word)
            rows.append({t("pos.sejong.table.word"): word, t("pos.sejong.table.upos"): tag,
                         t("pos.sejong.table.morphemes"): " / ".join(dict.fromkeys(m for m, _, _ in found)) or "—",
                         t("pos.sejong.table.sejong"): " / ".join(f"{x} ({n})" if len(found) > 1 else x
                                                                  for _, x, n in found) or "—",
                         t("pos.sejong.table.meaning"): " / ".join(explain(x) for _, x, _ in found)})
        st.dataframe(pd.DataFrame(rows), hide_index=True)
    with st.expander(t("pos.probs.all")):
        chart = charts.heatmap(probs, words, scale="sequential", domain=(0.0, 1.0), unit_labels=tagged.labels,
                               unit_title=t("ner.probs.tag"))
        st.altair_chart(chart.properties(height=alt.Step(16), **({"width": alt.Step(charts.CELL_PX * 3)} if wide else {})),
                        width="content" if wide else "stretch")
else:
    chart = charts.heatmap(probs, words, scale="sequential", domain=(0.0, 1.0),
                           unit_labels=tagged.labels, unit_title=t("ner.probs.tag"))
    chart = chart.properties(height=alt.Step(20), **({"width": alt.Step(charts.CELL_PX * 3)} if wide else {}))
    st.altair_chart(chart, width="content" if wide else "stretch")

# ---------------------------------------------------------------- 4. inside, both directions
st.subheader(t("ner.inside"))
st.markdown(t("ner.inside.intro"))
states = tagging.inside(bundle, words)
names = list(states)
urlstate.choice("state" if url_is_task else None, f"{p}_state", names, default="hidden")
name = st.radio(t("ner.inside.what"), names, key=f"{p}_state", horizontal=True, **SESSION,
                format_func=lambda n: t(f"inside.state.{n}"))
urlstate.publish({"state": name if name != "hidden" else None})
values = states[name][-1]  # top layer (T, D*H)
H = bundle.cfg.hidden_size
if bundle.cfg.bidirectional:
    st.markdown(t("ner.inside.forward"))
    widgets.state_heatmap(values[:, :H], words, name)
    st.markdown(t("ner.inside.backward"))
    widgets.state_heatmap(values[:, H:], words, name)
else:
    widgets.state_heatmap(values, words, name)

# ---------------------------------------------------------------- 5. what the tagger confuses
if pos:
    if source == "shipped":
        st.subheader(t("pos.confusion"))
        found = tagging.shipped_extra(loading.models_dir(), shipped_name, "confusion")
        if found is None:
            st.caption(t("pos.confusion.none", path=tagging.extras_path(loading.models_dir(), shipped_name, "confusion").name))
        else:
            counts, labels = found["counts"], found["tags"]
            st.markdown(t("pos.confusion.intro", data=TREEBANK[task], n=f"{sum(map(sum, counts)):,}",
                          accuracy=f"{100 * found['accuracy']:.2f}"))
            st.altair_chart(charts.confusion(counts, labels, gold_title=t("chart.gold"),
                                             predicted_title=t("chart.predicted")).properties(width=alt.Step(44),
                                                                                                height=alt.Step(24)))
            pairs = tagging.confusion_share(counts, labels)
            st.caption(t("pos.confusion.top", pairs=", ".join(f"{g} → {q} ({n:,})" for g, q, n in pairs)))
    elif own_report is not None:
        st.subheader(t("pos.confusion.own"))
        labels = own_report["tags"]
        st.altair_chart(charts.confusion(own_report["confusion"], labels, gold_title=t("chart.gold"),
                                         predicted_title=t("chart.predicted")).properties(width=alt.Step(44),
                                                                                            height=alt.Step(24)))


# ---------------------------------------------------------------- 6. exercises
def tagging_exercises():
    """Tag a sentence by hand; the word the model is least sure of. The seed (under them, in the URL) picks
    both sentences; the model picks the answers."""
    area = st.container()  # the exercises first, their seed under them
    seed = exercise_seed()
    dev = tagging.datasets().get(tagging.TASK_DATASETS[task][0], (None, None))[1]
    to_tag = widgets.remembered(f"{p}_ex_tag", (model_key, seed),
                                lambda: ex_tagging.practice(bundle, task, seed, examples, dev))
    unsure = widgets.remembered(f"{p}_ex_unsure", model_key, lambda: loading.once_per_server(
        model_key, ("ex_unsure", task), lambda: ex_tagging.unsure_sentences(bundle, task, examples, dev)))
    with area:
        exercises.show("tagging", ex_tagging.exercises(task, to_tag, ex_tagging.pick(unsure, seed), explain))


def exercise_seed() -> int:
    """The exercise seed: a number input bound to the URL (ex_tagging_seed=...)."""
    return int(st.number_input(t("ex.tagging.seed"), min_value=0, max_value=9999, value=0, step=1,
                               key="ex_tagging_seed", help=t("ex.tagging.seed.help"), **URL))


tagging_exercises()
