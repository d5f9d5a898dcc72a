"""Many-to-one: sentiment and SMS spam (or a person's own classes): the answer, how it formed token by
token, which tokens mattered, and the hidden states behind it."""
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from core.tasks.classify.explain import SALIENCY_METHODS
from webapp import charts, classify, loading, settings, urlstate, widgets
from webapp.exercises import base as exercises
from webapp.exercises import classifier as clf_exercises
from webapp.i18n import t
from webapp.nav import enter

SHIPPED = {classify.SENTIMENT_TASK: "sentiment-sst2.safetensors", classify.SPAM_TASK: "spam-sms.safetensors"}
SOURCES = (*SHIPPED, "train", "upload")
EXERCISE_EXAMPLES = 20  # held-out texts of a model trained here that the exercise seed picks from
MAX_URL_TEXT = 300  # characters: a longer text is not put in the shareable URL (the page says so)
THREE_DIGITS = st.column_config.NumberColumn(format="%.3f")  # 1.000 beside 0.999, not 1 beside 0.999
EXAMPLES = {
    classify.SENTIMENT_TASK: ["not bad at all", "the acting was great but the plot made no sense",
                              "i expected to hate it , but i loved it",
                              "a gorgeous , witty , seductive movie .", "i did n't like it , and i wanted to .",
                              "the movie is not as funny as it thinks it is", "an utterly pointless waste of two hours"],
    classify.SPAM_TASK: ["Are we still on for dinner tonight? I'll be there at 7",
                         "WINNER!! You have been selected for a £1000 prize. Call 09061701461 now to claim",
                         "Free entry in 2 a wkly comp to win FA Cup final tkts. Text FA to 87121",
                         "Sorry, I'll call later", "Ok lar... Joking wif u oni...",
                         "URGENT! Your mobile number has won a guaranteed cash award. Reply STOP to opt out"],
}

enter()
NAMED = {classify.SENTIMENT_TASK: ("0", "1")}  # SST-2's labels are 0/1: shown as negative/positive


def name(label: str) -> str:
    """How a class reads on the page (the shipped sentiment model's 0/1 become negative/positive)."""
    return t(f"clf.class.{source}.{label}") if label in NAMED.get(source, ()) else label


st.title(t("clf.title"))
st.markdown(t("clf.intro"))

# ---------------------------------------------------------------- 1. the model
urlstate.seed("model", "clf_source", classify.SENTIMENT_TASK, valid=lambda v: v in SOURCES)
source = st.radio(t("clf.source"), SOURCES, key="clf_source", horizontal=True,
                  format_func=lambda s: t(f"clf.source.{s}"))
bundle, model_key, busy = None, None, False

if source in SHIPPED:
    shipped = loading.shipped(SHIPPED[source], "classify")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{source}:{shipped.path.stat().st_mtime}"
        cfg, valid = bundle.cfg, bundle.info.get("valid") or {}
        mixed = cfg.word_vocab_size > 0  # character and word members in one network (core.tasks.classify.mixture)
        st.caption(t("clf.shipped.card", layers=cfg.num_layers, cell=cfg.cell.upper(),
                     hidden=f"({cfg.hidden_size} + {cfg.word_hidden_size})" if mixed else cfg.hidden_size,
                     two=t("clf.bidirectional.short") if cfg.bidirectional else "",
                     tokens=t("clf.tokenizer.mixed" if mixed else f"clf.tokenizer.{cfg.tokenizer}"),
                     vocab=f"{len(bundle.vocab):,} + {len(bundle.vocab.words):,}" if mixed else f"{len(bundle.vocab):,}",
                     acc=f"{valid.get('accuracy', float('nan')):.1%}",
                     f1=f"{valid.get('macro_f1', float('nan')):.3f}", minutes=bundle.info.get("minutes", "?"),
                     device=bundle.info.get("device", "?")))
        if source == classify.SENTIMENT_TASK:
            st.caption(t("clf.shipped.sst2"))
        elif source == classify.SPAM_TASK:
            st.caption(t("clf.shipped.spam"))
    elif shipped.missing:
        st.warning(t("clf.shipped.missing", path=SHIPPED[source]))
    else:
        st.error(t("clf.shipped.bad", error=shipped.error))

elif source == "train":
    st.markdown(t("clf.train.intro"))
    upload = st.file_uploader(t("clf.data.upload"), type=["csv", "tsv", "txt"], key="clf_data_file",
                              max_upload_size=classify.MAX_UPLOAD_MB, help=t("clf.data.upload.help"))
    table = None
    if upload is not None:
        held = st.session_state.get("clf_table")  # (file id, Table or error message)
        if held is None or held[0] != upload.file_id:
            try:
                held = (upload.file_id, classify.read_table(upload.getvalue(), upload.name))
            except RNNLabError as e:
                held = (upload.file_id, str(e))
            st.session_state.clf_table = held
        if isinstance(held[1], str):
            st.error(t("clf.data.bad", error=held[1]))
        else:
            table = held[1]
    pairs = valid_pairs = None
    if table is not None:
        for key, values in table.notes:
            st.warning(t(key, **values))
        columns = range(len(table.columns))
        c = st.columns(2)
        text_col = c[0].selectbox(t("clf.data.text_col"), columns, index=table.text_col, key=f"clf_text_col_{upload.file_id}",
                                  format_func=lambda i: table.columns[i])
        label_col = c[1].selectbox(t("clf.data.label_col"), columns, index=table.label_col,
                                   key=f"clf_label_col_{upload.file_id}", format_func=lambda i: table.columns[i])
        try:
            pairs, notes = classify.examples(table, text_col, label_col)
            for key, values in notes:
                st.warning(t(key, **values))
            counts = pd.Series([y for _, y in pairs]).value_counts()
            st.caption(t("clf.data.stats", n=f"{len(pairs):,}", classes=len(counts),
                         counts=", ".join(f"{k}: {v:,}" for k, v in counts.head(8).items())
                         + (" …" if len(counts) > 8 else "")))
        except RNNLabError as e:
            st.error(t("clf.data.bad", error=e))
        with st.expander(t("clf.data.preview")):
            st.dataframe(pd.DataFrame(table.rows[:20], columns=table.columns), hide_index=True)
        with st.expander(t("clf.data.valid")):
            vfile = st.file_uploader(t("clf.data.valid.upload"), type=["csv", "tsv", "txt"], key="clf_valid_file",
                                     max_upload_size=classify.MAX_UPLOAD_MB)
            if vfile is not None and pairs is not None:
                try:
                    vtable = classify.read_table(vfile.getvalue(), vfile.name)
                    valid_pairs, _ = classify.examples(vtable, vtable.text_col, vtable.label_col)
                    classify.same_labels(pairs, valid_pairs)
                    st.caption(t("clf.data.valid.stats", n=f"{len(valid_pairs):,}"))
                except RNNLabError as e:
                    valid_pairs = None
                    st.error(t("clf.data.bad", error=e))
            else:
                st.caption(t("clf.data.valid.none"))

    st.session_state.setdefault("clf_bidirectional", True)  # defaults through the state: kept values raise no warning
    limits = settings.load()  # the server's caps on what a visitor may train
    new, start = widgets.start_from("clf", "classify", "clf_run",
                                    keep=("clf_cell", "clf_hidden", "clf_tokenizer", "clf_bidirectional"))
    c = st.columns(5)
    model = {}  # a new model's settings (a saved one keeps its own)
    if new:
        model["cell"] = c[0].selectbox(t("clf.cell"), ("lstm", "gru", "rnn"), key="clf_cell", format_func=str.upper)
        model["hidden"] = widgets.capped_select_slider(c[1], t("clf.hidden"), (8, 16, 32, 64, 128, 256),
                                                       cap=limits.max_hidden, default=64, key="clf_hidden")
        model["tokenizer"] = c[2].selectbox(t("clf.tokenizer"), ("word", "char"), key="clf_tokenizer",
                                            format_func=lambda v: t(f"clf.tokenizer.{v}"))
        model["bidirectional"] = c[4].checkbox(t("clf.bidirectional"), key="clf_bidirectional")
    seconds = widgets.capped_select_slider(c[3] if new else c[0], t("clf.seconds"), (5, 10, 20, 30, 60, 120, 300, 600),
                                           cap=limits.max_seconds, default=30, key="clf_seconds")
    ready = pairs is not None and (new or start is not None)

    def start_run():
        """A run with the values on the screen (RNNLabError: why it cannot start)."""
        model_cfg, train_cfg = classify.configs(seconds=seconds, **model)
        own = classify.start_training(pairs, valid_pairs, model_cfg, train_cfg, start=start, data=upload.name)
        st.session_state.clf_own, st.session_state.clf_run = own, own.run

    widgets.train_control("clf_start", "clf_run", t("clf.train.start"), ready=ready, start=start_run)
    widgets.training_panel("clf_run", metric="accuracy", loss_title=t("clf.loss"))
    own, run = st.session_state.get("clf_own"), st.session_state.get("clf_run")
    if run is not None and run.snapshot().state in ("done", "stopped"):
        bundle, model_key = run.bundle, f"own:{id(run)}"
        rep = own.scored(classify.report)
        st.subheader(t("clf.report"))
        if "error" in rep:
            st.warning(t("clf.report.bad", error=rep["error"]))
        else:
            c = st.columns(3)
            c[0].metric(t("clf.report.accuracy"), f"{rep['accuracy']:.1%}")
            c[1].metric(t("clf.report.macro_f1"), f"{rep['macro_f1']:.3f}")
            c[2].metric(t("clf.report.n"), f"{rep['n']:,}")
            c = st.columns([2, 3])
            with c[0]:
                st.dataframe(pd.DataFrame({t("clf.report.class"): list(rep["f1"]), "F1": list(rep["f1"].values())}),
                             hide_index=True, column_config={"F1": THREE_DIGITS})
            with c[1]:
                labels = bundle.labels.itos
                if len(labels) <= 20:
                    st.altair_chart(charts.confusion(rep["confusion"], labels, title=t("clf.report.confusion"),
                                                     gold_title=t("clf.report.gold"),
                                                     predicted_title=t("clf.report.predicted")), width="content")
                    st.caption(t("clf.report.confusion.axes"))
                else:
                    st.caption(t("clf.report.confusion.big", n=len(labels)))
            st.markdown(t("clf.report.wrong"))
            if rep["wrong"]:
                st.dataframe(pd.DataFrame(rep["wrong"]).rename(columns={
                    "text": t("clf.report.text"), "label": t("clf.report.gold"), "predicted": t("clf.report.predicted"),
                    "p_label": t("clf.report.p_label")}), hide_index=True,
                    column_config={t("clf.report.p_label"): THREE_DIGITS})
            else:
                st.caption(t("clf.report.none_wrong"))
        st.download_button(t("clf.download"), data=run.checkpoint(), file_name="my-classifier.safetensors",
                           mime="application/octet-stream", icon=":material/download:", key="clf_download")
    elif busy:
        st.info(t("clf.train.wait"))

else:  # upload a classifier trained here before
    held = loading.uploaded_model("clf", "classify", t("clf.upload.label"), classify.MAX_UPLOAD_MB)
    if held is not None:
        bundle, model_key = held.bundle, held.key
        st.caption(t("clf.upload.card", name=held.name, layers=bundle.cfg.num_layers, hidden=bundle.cfg.hidden_size,
                     cell=bundle.cfg.cell.upper(), classes=", ".join(bundle.labels.itos[:10])))

if bundle is None:
    if not (source == "train" and busy):  # while training, the panel above says what comes next
        st.info(t("clf.no_model"))
    st.stop()

# ---------------------------------------------------------------- 2. the answer
st.header(t("clf.predict"))
examples = EXAMPLES.get(source, [])
urlstate.seed("text", "clf_text", examples[0] if examples else "", valid=lambda v: len(v) <= classify.MAX_TEXT_CHARS)
if examples:
    st.caption(t("clf.examples"))
    c = st.columns(3)
    for i, example in enumerate(examples):
        c[i % 3].button(example if len(example) < 60 else example[:57] + "…", key=f"clf_example_{source}_{i}",
                        on_click=lambda e=example: st.session_state.update(clf_text=e), width="stretch")
text = st.text_area(t("clf.text"), key="clf_text", height=100, max_chars=classify.MAX_TEXT_CHARS,
                    placeholder=t("clf.text.placeholder"))
urlstate.seed("why", "clf_method", SALIENCY_METHODS[0], valid=lambda v: v in SALIENCY_METHODS)
method = st.radio(t("clf.method"), SALIENCY_METHODS, key="clf_method", horizontal=True,
                  format_func=lambda m: t(f"clf.method.{m}"), help=t("clf.method.help"))
urlstate.publish({"model": source, "text": text if text and len(text) <= MAX_URL_TEXT else None, "why": method})
if len(text) > MAX_URL_TEXT:
    st.caption(t("clf.text.too_long", n=f"{len(text):,}", limit=MAX_URL_TEXT))
if not text.strip():
    st.info(t("clf.empty"))
    st.stop()

held = st.session_state.get("clf_answer")
if held is None or held[0] != (model_key, text, method):
    try:
        with st.spinner(t("clf.thinking")):
            held = (model_key, text, method), loading.once_per_server(
                model_key, (text, method), lambda: classify.answer(bundle, text, method))
    except RNNLabError as e:
        st.warning(t("clf.bad_text", error=e))
        st.stop()
    st.session_state.clf_answer = held
ans = held[1]

c = st.columns([1, 2], vertical_alignment="center")
c[0].metric(t("clf.label"), name(ans.label), t("clf.confidence", p=f"{ans.probs[ans.label]:.1%}"), delta_color="off",
             delta_arrow="off")
with c[1]:
    for label, p in list(ans.probs.items())[:5]:
        st.progress(p, text=f"{name(label)}: {p:.1%}")
if ans.unknown > classify.UNKNOWN_WARNING:
    st.warning(t("clf.unknown", share=f"{ans.unknown:.0%}"))
if ans.cut:
    st.caption(t("clf.cut", n=len(ans.tokens)))

# ---------------------------------------------------------------- 3. over time
st.subheader(t("clf.over_time"))
st.markdown(t("clf.over_time.intro"))
tokens, classes = ans.tokens, [name(c) for c in bundle.labels.itos]
st.altair_chart(charts.over_time(ans.over_time, tokens, classes, y_title=t("clf.over_time.y")), width="stretch")

# ---------------------------------------------------------------- 4. which tokens mattered
st.subheader(t("clf.saliency"))
st.markdown(t("clf.saliency.intro", label=name(ans.label)))
st.html(charts.colored_text(ans.saliency, classify.shown_tokens(bundle, tokens),
                            legend=(t("clf.saliency.against", label=name(ans.label)),
                                    t("clf.saliency.for", label=name(ans.label)))))

# ---------------------------------------------------------------- 5. inside
st.subheader(t("clf.inside"))
st.markdown(t("clf.inside.intro"))
names = list(ans.states)
if st.session_state.get("clf_state") not in names:
    st.session_state.clf_state = "hidden"
c = st.columns([4, 1])
state_name = c[0].radio(t("clf.inside.what"), names, key="clf_state", horizontal=True,
                        format_func=lambda n: t(f"inside.state.{n}"))
layers = ans.states[state_name].shape[0]
if st.session_state.get("clf_layer") not in range(layers):
    st.session_state.clf_layer = layers - 1
layer = c[1].selectbox(t("clf.inside.layer"), range(layers), key="clf_layer",
                       format_func=lambda v: str(v + 1)) if layers > 1 else 0
widgets.state_heatmap(ans.states[state_name][layer], tokens, state_name)
if bundle.cfg.bidirectional:
    st.caption(t("clf.inside.bidirectional", last=bundle.cfg.hidden_size - 1))
if bundle.cfg.word_vocab_size:
    st.caption(t("clf.inside.mixture"))

# ---------------------------------------------------------------- 6. exercises


def exercise_pool() -> list[str]:
    """The sentences the exercise seed picks from: the text in the box (seed 0), then the examples (of a
    model trained here: its held-out texts)."""
    own = st.session_state.get("clf_own") if source == "train" else None
    more = [x for x, _ in own.valid[:EXERCISE_EXAMPLES]] if own is not None else examples
    return [text, *more]


seed = st.number_input(t("ex.classifier.seed"), 0, 999, key="ex_clf_seed", bind="query-params",
                       persist_state="session", help=t("ex.classifier.seed.help"))
pool = exercise_pool()
candidates = [w for sentence in pool[1:] for w in sentence.split()]
prepared = widgets.remembered("clf_ex_prepared", (model_key, tuple(pool), seed),
                              lambda: clf_exercises.prepare(bundle, pool, candidates, seed))
if prepared is None:
    st.info(t("ex.classifier.none", low=clf_exercises.MIN_WORDS, high=clf_exercises.MAX_WORDS,
              chars=clf_exercises.MAX_CHARS))
else:
    st.caption(t("ex.classifier.sentence", sentence=prepared.reading.sentence))
    exercises.show("classifier", clf_exercises.build(prepared, name))
