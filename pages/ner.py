"""Many-to-many, aligned: named entities in news text. The entities highlighted by type, the tag
probabilities of every token, the hidden states and gates of both directions, and a tagger of your own."""
import altair as alt
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from webapp import charts, loading, settings, tagging, urlstate, widgets
from webapp.i18n import t
from webapp.nav import enter

SHIPPED = "ner-conll2003.safetensors"
SOURCES = ("shipped", "train", "upload")
EXAMPLES = [
    "EU rejects German call to boycott British lamb.",
    "Peter Blackburn, the U.S. envoy, met officials of the European Commission in Brussels on Thursday.",
    "Manchester United beat Arsenal 2-1 at Old Trafford, with Eric Cantona scoring twice.",
    "Apple Inc. said Tim Cook will visit Seoul and Tokyo next week.\nShares of Samsung rose 3.5% in early trading.",
    "JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
    "the weather was nice and we went for a walk 😀 see https://example.com",
]

enter()
st.title(t("ner.title"))
st.markdown(t("ner.intro"))

# ---------------------------------------------------------------- 1. the model
urlstate.seed("model", "ner_source", "shipped", valid=lambda v: v in SOURCES)
source = st.radio(t("ner.source"), SOURCES, key="ner_source", horizontal=True,
                  format_func=lambda s: t(f"ner.source.{s}"))
bundle, model_key = None, None

if source == "shipped":
    shipped = loading.shipped(SHIPPED, "tag")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{shipped.path.stat().st_mtime}"
        cfg, valid = bundle.cfg, bundle.info.get("valid") or {}
        st.caption(t("ner.shipped.card", hidden=cfg.hidden_size, cell=cfg.cell.upper(), vocab=f"{len(bundle.vocab):,}",
                     f1=f"{100 * valid.get('f1', float('nan')):.1f}", minutes=bundle.info.get("minutes", "?"),
                     device=bundle.info.get("device", "?")))
    elif shipped.missing:
        st.warning(t("ner.shipped.missing", path=SHIPPED))
    else:
        st.error(t("ner.shipped.bad", error=shipped.error))

elif source == "train":
    st.markdown(t("ner.train.intro"))
    datasets = tagging.shared_datasets()
    choices = ("upload", *datasets)
    data_choice = st.radio(t("ner.data"), choices, key="ner_data", horizontal=True,
                           format_func=lambda d: t(f"ner.data.{d}"))
    train = valid = None
    data_name = data_choice
    if data_choice == "upload":
        upload = st.file_uploader(t("ner.data.upload"), type=["txt", "conll", "tsv", "iob", "bio"], key="ner_data_file",
                                  max_upload_size=tagging.MAX_UPLOAD_MB, help=t("ner.data.upload.help"))
        if upload is not None:
            held = st.session_state.get("ner_upload")  # (file id, sentences or error message)
            if held is None or held[0] != upload.file_id:
                try:
                    held = (upload.file_id, tagging.read_conll(upload.getvalue(), upload.name))
                except RNNLabError as e:
                    held = (upload.file_id, str(e))
                st.session_state.ner_upload = held
            if isinstance(held[1], str):
                st.error(t("ner.data.bad", error=held[1]))
            else:
                train, data_name = held[1], upload.name
    else:
        held = st.session_state.get("ner_shared", {})
        if data_choice not in held:
            try:
                paths = datasets[data_choice]
                held[data_choice] = (tagging.read_conll(paths[0].read_bytes(), paths[0].name),
                                     tagging.read_conll(paths[1].read_bytes(), paths[1].name)[:tagging.MAX_VALID])
            except (RNNLabError, OSError) as e:
                held[data_choice] = str(e)
            st.session_state.ner_shared = held
        if isinstance(held[data_choice], str):
            st.error(t("ner.data.bad", error=held[data_choice]))
        else:
            train, valid = held[data_choice]
    if train is not None:
        kinds = sorted({tag[2:] for _, tags in train for tag in tags if tag != "O"})
        st.caption(t("ner.data.stats", n=f"{len(train):,}", tokens=f"{sum(len(w) for w, _ in train):,}",
                     types=", ".join(kinds[:12]) + (" …" if len(kinds) > 12 else "")))

    limits = settings.load()  # the server's caps on what a visitor may train
    st.session_state.setdefault("ner_chars", True)  # not value=: the value is kept while the widget is hidden
    new, start = widgets.start_from("ner", "tag", "ner_run", keep=("ner_hidden", "ner_cell", "ner_chars"))
    c = st.columns(4)
    model = {}  # a new model's settings (a saved one keeps its own)
    if new:
        model["hidden"] = widgets.capped_select_slider(c[0], t("ner.hidden"), (16, 32, 64, 128, 256),
                                                       cap=limits.max_hidden, default=64, key="ner_hidden")
        model["cell"] = c[2].selectbox(t("ner.cell"), ("lstm", "gru", "rnn"), key="ner_cell", format_func=str.upper)
        model["chars"] = c[3].checkbox(t("ner.chars"), key="ner_chars", help=t("ner.chars.help"))
    seconds = widgets.capped_select_slider(c[1 if new else 0], t("ner.seconds"), (5, 10, 20, 30, 60, 120, 300, 600),
                                           cap=limits.max_seconds, default=60, key="ner_seconds")
    ready = train is not None and (new or start is not None)

    def start_run():
        """A run with the values on the screen (RNNLabError: why it cannot start)."""
        model_cfg, train_cfg = tagging.configs(seconds=seconds, **model)
        own = tagging.start_training(train, valid, model_cfg, train_cfg, start=start, data=data_name)
        st.session_state.ner_own, st.session_state.ner_run = own, own.run

    widgets.train_control("ner_start", "ner_run", t("ner.train.start"), ready=ready, start=start_run)
    widgets.training_panel("ner_run", metric="f1", loss_title=t("ner.loss"))
    own, run = st.session_state.get("ner_own"), st.session_state.get("ner_run")
    if run is not None and run.snapshot().state in ("done", "stopped"):
        bundle, model_key = run.bundle, f"own:{id(run)}"
        rep = own.scored(tagging.report)
        st.subheader(t("ner.report"))
        if "error" in rep:
            st.warning(t("ner.report.bad", error=rep["error"]))
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
            st.markdown(t("ner.report.worst"))
            if rep["worst"]:
                for row in rep["worst"]:
                    st.caption(t("ner.report.errors", n=row["errors"]))
                    st.html(tagging.side_by_side(row["words"], row["gold"], row["pred"]))
            else:
                st.caption(t("ner.report.none_wrong"))
        st.download_button(t("ner.download"), data=run.checkpoint(), file_name="my-tagger.safetensors",
                           mime="application/octet-stream", icon=":material/download:", key="ner_download")
    elif run is not None and run.snapshot().active:
        st.info(t("ner.train.wait"))
        st.stop()

else:  # a tagger trained here before
    held = loading.uploaded_model("ner", "tag", t("ner.upload.label"), tagging.MAX_UPLOAD_MB)
    if held is not None:
        bundle, model_key = held.bundle, held.key
        st.caption(t("ner.upload.card", name=held.name, hidden=bundle.cfg.hidden_size, cell=bundle.cfg.cell.upper(),
                     tags=", ".join(bundle.labels.itos[:12])))

if bundle is None:
    st.info(t("ner.no_model"))
    st.stop()

# ---------------------------------------------------------------- 2. the entities
st.header(t("ner.predict"))
urlstate.seed("text", "ner_text", EXAMPLES[1], valid=lambda v: len(v) <= tagging.MAX_TEXT_CHARS)
st.caption(t("ner.examples"))
c = st.columns(3)
for i, example in enumerate(EXAMPLES):
    shown = example.replace("\n", " ")
    c[i % 3].button(shown if len(shown) < 60 else shown[:57] + "…", key=f"ner_example_{i}",
                    on_click=lambda e=example: st.session_state.update(ner_text=e), width="stretch")
text = st.text_area(t("ner.text"), key="ner_text", height=120, max_chars=tagging.MAX_TEXT_CHARS,
                    placeholder=t("ner.text.placeholder"))
urlstate.publish({"model": source, "text": text or None})
if not text.strip():
    st.info(t("ner.empty"))
    st.stop()

held = st.session_state.get("ner_answer")
if held is None or held[0] != (model_key, text):
    try:
        with st.spinner(t("ner.thinking")):
            held = (model_key, text), tagging.tag_text(bundle, text)
    except RNNLabError as e:
        st.warning(t("ner.bad_text", error=e))
        st.stop()
    st.session_state.ner_answer = held
tagged = held[1]
kinds = tagging.entity_types(bundle)

st.html(tagging.legend(kinds))
st.html(tagging.highlight(tagged, kinds))
st.caption(t("ner.counts", sentences=len(tagged.tokens), tokens=f"{tagged.n_tokens:,}", entities=len(tagged.entities)))
if tagged.entities:
    st.dataframe(pd.DataFrame([{t("ner.table.entity"): e.text, t("ner.table.type"): e.kind,
                                t("ner.table.sentence"): e.sentence + 1, t("ner.table.confidence"): round(e.confidence, 3)}
                               for e in tagged.entities]), hide_index=True)
else:
    st.info(t("ner.none"))

# ---------------------------------------------------------------- 3. one sentence, token by token
st.subheader(t("ner.probs"))
st.markdown(t("ner.probs.intro"))
n_sentences = len(tagged.tokens)
if n_sentences > 1:
    pick = st.selectbox(t("ner.sentence"), range(n_sentences), key="ner_sentence",
                        format_func=lambda i: f"{i + 1}: " + " ".join(tok.text for tok in tagged.tokens[i])[:90])
else:
    pick = 0
pick = min(pick, n_sentences - 1)
words = [tok.text for tok in tagged.tokens[pick]][:tagging.MAX_INSIDE]
if len(tagged.tokens[pick]) > tagging.MAX_INSIDE:
    st.caption(t("ner.cut", n=tagging.MAX_INSIDE, total=f"{len(tagged.tokens[pick]):,}"))
wide = len(words) > 24  # then one narrow column per token, scrolled sideways
chart = charts.heatmap(tagged.probs[pick][:len(words)], words, scale="sequential", domain=(0.0, 1.0),
                       unit_labels=tagged.labels, unit_title=t("ner.probs.tag"))
chart = chart.properties(height=alt.Step(20), **({"width": alt.Step(charts.CELL_PX * 3)} if wide else {}))
st.altair_chart(chart, width="content" if wide else "stretch")

# ---------------------------------------------------------------- 4. inside, both directions
st.subheader(t("ner.inside"))
st.markdown(t("ner.inside.intro"))
states = tagging.inside(bundle, words)
names = list(states)
if st.session_state.get("ner_state") not in names:
    st.session_state.ner_state = "hidden"
name = st.radio(t("ner.inside.what"), names, key="ner_state", horizontal=True,
                format_func=lambda n: t(f"inside.state.{n}"))
values = states[name][-1]  # top layer (T, D*H)
H = bundle.cfg.hidden_size
if bundle.cfg.bidirectional:
    st.markdown(t("ner.inside.forward"))
    widgets.state_heatmap(values[:, :H], words, name)
    st.markdown(t("ner.inside.backward"))
    widgets.state_heatmap(values[:, H:], words, name)
else:
    widgets.state_heatmap(values, words, name)
