"""Character-level language-model playground: a shipped model or your own, sampling, and a look inside."""
import streamlit as st

from core.errors import RNNLabError
from webapp import charts, corpora, inside, lm, loading, settings, urlstate, widgets
from webapp.exercises import base as exercises
from webapp.exercises import char_lm as lm_exercises
from webapp.i18n import t
from webapp.nav import enter

SHIPPED = "char-shakespeare.safetensors"
SOURCES = ("shipped", "train", "upload")
WINDOW = 60  # characters per heatmap: each one's column wide enough to read
KEPT = {"persist_state": "session"}  # a widget's value kept while it is not drawn (another page, a hidden part)

enter()
st.title(t("lm.title"))
st.markdown(t("lm.intro"))

# ---------------------------------------------------------------- 1. the model
urlstate.seed("model", "lm_source", "shipped", valid=lambda v: v in SOURCES)
source = st.radio(t("lm.source"), SOURCES, key="lm_source", **KEPT, horizontal=True,
                  format_func=lambda s: t(f"lm.source.{s}"))
# at once: the page may stop below (while a training runs) before its end (publish leaves a default out of the link)
urlstate.publish({"model": source} if source == "train" else {"model": source, "corpus": None, "job": None})
bundle, model_key = None, None

if source == "shipped":
    shipped = loading.shipped(SHIPPED, "lm")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{shipped.path.stat().st_mtime}"
        info, cfg = bundle.info, bundle.cfg
        st.caption(t("lm.shipped.card", layers=cfg.num_layers, hidden=cfg.hidden_size, cell=cfg.cell.upper(),
                     vocab=len(bundle.vocab), loss=f"{(info.get('valid') or {}).get('loss', float('nan')):.3f}",
                     minutes=info.get("minutes", "?"), device=info.get("device", "?")))
    elif shipped.missing:
        st.warning(t("lm.shipped.missing", path=SHIPPED))
    else:
        st.error(t("lm.shipped.bad", error=shipped.error))

elif source == "train":
    choices = (*corpora.available(), "paste", "upload")  # Shakespeare and a Korean text come from data/
    urlstate.choice("corpus", "lm_corpus", choices)  # a kept value this copy lacks: the first
    resumed = lm.RUNS.get(st.query_params.get("job")) if "lm_run" not in st.session_state else None
    if resumed is not None:  # this page's link, opened again (a reload, a copied link): its training
        st.session_state.lm_run = resumed
    choice = st.selectbox(t("lm.corpus"), choices, key="lm_corpus", **KEPT, format_func=lambda c: t(f"lm.corpus.{c}"))
    urlstate.publish({"corpus": choice})
    if choice in corpora.DATA_FILES:
        st.caption(t(f"lm.corpus.{choice}.source"))
    corpus = None
    try:
        if choice == "paste":
            pasted = st.text_area(t("lm.corpus.paste.label"), key="lm_paste", **KEPT, height=150,
                                  placeholder=t("lm.corpus.paste.placeholder"))
            corpus = corpora.check(pasted, t("lm.corpus.paste.name")) if pasted else None
        elif choice == "upload":
            upload = st.file_uploader(t("lm.corpus.upload.label"), type=["txt"], key="lm_text_file")
            corpus = corpora.from_upload(upload.getvalue(), upload.name) if upload else None
        else:
            corpus = corpora.builtin(choice)
    except RNNLabError as e:
        st.error(t("lm.corpus.bad", error=e))
    if corpus is not None:
        st.caption(t("lm.corpus.stats", chars=f"{len(corpus.text):,}", distinct=f"{corpus.distinct:,}"))
        for key, values in corpus.notes:
            st.warning(t(key, **values))
        with st.expander(t("lm.corpus.preview")):
            st.code(corpus.text[:1500], language=None, wrap_lines=True)

    limits = settings.load()  # the server's caps on what a visitor may train
    new, start = widgets.start_from("lm", "lm", "lm_run", keep=("lm_cell", "lm_hidden", "lm_layers"))
    c = st.columns(5)
    model = {}  # a new model's settings (a saved one keeps its own)
    # in the link under their keys (numbers and cell names read the same in any language); the widget's default is
    # the page's, so that a link without the parameter opens it
    url = {"bind": "query-params"}
    if new:
        model["cell"] = c[0].selectbox(t("lm.cell"), ("lstm", "gru", "rnn"), key="lm_cell", format_func=str.upper,
                                       **url)
        model["hidden"] = widgets.capped_select_slider(c[1], t("lm.hidden"), (16, 32, 64, 128, 256, 512),
                                                       cap=limits.max_hidden, default=128, key="lm_hidden",
                                                       value=min(128, limits.max_hidden), **url)
        model["layers"] = widgets.capped_select_slider(c[2], t("lm.layers"), (1, 2, 3), cap=limits.max_layers,
                                                       default=1, key="lm_layers", value=1, **url)
    lr = c[3 if new else 0].select_slider(t("lm.lr"), (3e-4, 1e-3, 3e-3, 1e-2, 3e-2), value=3e-3, key="lm_lr",
                                          format_func=lambda v: f"{v:g}", **url)
    seconds = widgets.capped_select_slider(c[4 if new else 1], t("lm.seconds"), (5, 10, 20, 30, 60, 120, 300, 600),
                                           cap=limits.max_seconds, default=30, key="lm_seconds",
                                           value=min(30, limits.max_seconds), **url)
    ready = corpus is not None and (new or start is not None)

    def start_run():
        """A run with the values on the screen (RNNLabError: why it cannot start)."""
        model_cfg, train_cfg = lm.configs(lr=lr, seconds=seconds, **model)
        st.session_state.lm_run = lm.start_training(corpus.text, model_cfg, train_cfg, start=start, data=corpus.name)
        st.session_state.lm_job = lm.RUNS.add(st.session_state.lm_run)

    widgets.train_control("lm_start", "lm_run", t("lm.train.start"), ready=ready, start=start_run)
    run = st.session_state.get("lm_run")
    if resumed is not None:
        st.session_state.lm_job = st.query_params["job"]
    elif run is not None and "lm_job" not in st.session_state:
        st.session_state.lm_job = lm.RUNS.add(run)
    urlstate.publish({"job": st.session_state.lm_job if run is not None else None})  # reopened, it shows this run
    widgets.training_panel("lm_run", sample_label=t("lm.train.sample"))
    busy = run is not None and run.snapshot().active
    if run is not None and run.snapshot().state in ("done", "stopped"):
        bundle, model_key = run.bundle, f"own:{id(run)}"
        st.download_button(t("lm.download"), data=run.checkpoint(), file_name="my-char-lm.safetensors",
                           mime="application/octet-stream", icon=":material/download:", key="lm_download")
    elif busy:
        st.info(t("lm.train.wait"))
        st.stop()

else:  # upload a model trained here before
    held = loading.uploaded_model("lm", "lm", t("lm.upload.label"))
    if held is not None:
        bundle, model_key = held.bundle, held.key
        st.caption(t("lm.upload.card", name=held.name, layers=bundle.cfg.num_layers, hidden=bundle.cfg.hidden_size,
                     cell=bundle.cfg.cell.upper(), vocab=len(bundle.vocab)))

if bundle is None:
    st.info(t("lm.no_model"))
    st.stop()

# ---------------------------------------------------------------- 2. sample
st.header(t("lm.sample"))
urlstate.seed("prime", "lm_prime", "", valid=lambda v: len(v) <= 500)  # a text: the hand-written route, capped
# the numbers are bound to the link under their keys (the browser replaces the URL: Again adds no history entry);
# a link of the kind shared before (?len=&temp=&topk=&seed=) still opens its view
SAMPLING = (urlstate.Field("len", "lm_length", 300, int, lambda v: 10 <= v <= 2000 and v % 10 == 0),
            urlstate.Field("temp", "lm_temperature", 0.8, float, lambda v: 0.1 <= v <= 2.0),
            urlstate.Field("topk", "lm_top_k", 0, int, lambda v: 0 <= v <= 100),
            urlstate.Field("seed", "lm_seed", 0, int, lambda v: 0 <= v < 2**31))
SEED = SAMPLING[-1]
lm.seed_bound(SAMPLING)
c = st.columns([3, 2, 2, 1, 1, 1.2], vertical_alignment="bottom")
prime = c[0].text_input(t("lm.prime"), key="lm_prime", **KEPT, max_chars=500, placeholder=t("lm.prime.placeholder"))
length = c[1].slider(t("lm.length"), 10, 2000, SAMPLING[0].default, step=10, key="lm_length", bind="query-params")
temperature = c[2].slider(t("lm.temperature"), 0.1, 2.0, SAMPLING[1].default, step=0.05, key="lm_temperature",
                          help=t("lm.temperature.help"), bind="query-params")
top_k = c[3].number_input(t("lm.top_k"), 0, 100, SAMPLING[2].default, key="lm_top_k", help=t("lm.top_k.help"),
                          bind="query-params")
seed = c[4].number_input(t("lm.seed"), 0, 2**31 - 1, SEED.default, key="lm_seed", bind="query-params")
c[5].button(t("lm.again"), key="lm_again", icon=":material/casino:",
            on_click=lambda: st.session_state.update(lm_seed=(SEED.get() + 1) % 2**31))
urlstate.publish({"prime": prime or None})

settings = (model_key, prime, length, temperature, top_k, seed)
held = st.session_state.get("lm_sample")
out = st.empty()
if held is not None and held[0] == settings:
    generated = held[1]
    out.code(prime + generated, language=None, wrap_lines=True)
else:
    def generate(shown: bool) -> str:
        text = ""
        for i, token in enumerate(lm.sample_stream(bundle, prime, length, temperature, top_k, seed)):
            text += token
            if shown and i % 25 == 0:  # your own model's sample appears as it is written
                out.code(prime + text, language=None, wrap_lines=True)
        return text

    try:  # a shipped model's sample: once per server for these settings (a class shares the default one)
        with st.spinner(t("lm.sample.writing")):
            generated = loading.once_per_server(model_key, ("sample", *settings[1:]), lambda: generate(False),
                                                fresh=lambda: generate(True))
        out.code(prime + generated, language=None, wrap_lines=True)
        st.session_state.lm_sample = (settings, generated)
    except RNNLabError as e:
        out.warning(t("lm.sample.bad", error=e))

# ---------------------------------------------------------------- 3. look inside
st.header(t("lm.inside"))
st.markdown(t("lm.inside.intro"))
urlstate.choice("view", "lm_view", ("sample", "text"))
view = st.radio(t("lm.inside.source"), ("sample", "text"), key="lm_view", **KEPT, horizontal=True,
                format_func=lambda v: t(f"lm.inside.source.{v}"))
if view == "text":
    urlstate.seed("text", "lm_text", "", valid=lambda v: len(v) <= inside.MAX_TRACE)
    text = st.text_area(t("lm.inside.text"), key="lm_text", **KEPT, height=100, max_chars=inside.MAX_TRACE)
else:
    text = prime + generated
if not text:
    st.info(t("lm.inside.empty"))
    st.stop()

try:
    looked = widgets.remembered("lm_inside", (model_key, text), lambda: loading.once_per_server(
        model_key, ("trace", text), lambda: inside.trace_lm(bundle, text), large=True))
except RNNLabError as e:
    st.warning(t("lm.inside.bad", error=e))
    if view == "text":
        st.caption(t("lm.inside.knows", chars=inside.known_chars(bundle)))
    st.stop()
if looked.truncated:
    st.caption(t("lm.inside.truncated", n=inside.MAX_TRACE))
tokens, T = looked.tokens, len(looked.tokens)
here = inside.text_id(model_key, tokens)  # the text the neuron finder's picks belong to

names = list(looked.states)
urlstate.choice("state", "lm_state", names, default="hidden")
c = st.columns([4, 1])
name = c[0].radio(t("lm.inside.what"), names, key="lm_state", **KEPT, horizontal=True,
                  format_func=lambda n: t(f"inside.state.{n}"))
layer = 0
if looked.layers > 1:
    urlstate.choice("layer", "lm_layer", range(looked.layers), default=looked.layers - 1)
    layer = c[1].selectbox(t("lm.inside.layer"), range(looked.layers), key="lm_layer", **KEPT,
                           format_func=lambda v: str(v + 1))
values = looked.states[name][layer]  # (T, H)
H = values.shape[1]

# The neuron finder's span and unit are derived: what the person picked for this very text (and state,
# for the unit), else a shared link's (for the first text of the visit), else a default from the text.
if "lm_pick" not in st.session_state:
    shared = urlstate.Field("span", "", None, urlstate.span, lambda s: s[1] < T).parse(st.query_params.get("span", ""))
    unit = urlstate.Field("unit", "", None, int, lambda v: 0 <= v < H).parse(st.query_params.get("unit", ""))
    st.session_state.lm_pick = (here, *shared) if shared else None
    st.session_state.lm_unit_pick = (here, name, layer, shared, unit) if shared and unit is not None else None
pick = st.session_state.lm_pick
span = tuple(pick[1:]) if pick and pick[0] == here and pick[2] < T else inside.default_span(tokens)
start, end = span

first = 0
if T > WINDOW:  # a readable stretch of the text at a time; the neuron finder below sees all of it
    first = st.slider(t("lm.inside.window", n=WINDOW), 0, T - WINDOW, key="lm_window", step=10,
                      value=min(T - WINDOW, max(0, start - 10) // 10 * 10))
shown = slice(first, first + WINDOW)
widgets.state_heatmap(values[shown], tokens[shown], name, focus=(start - first, end - first))
st.altair_chart(charts.top_k(looked.top_tokens[shown], looked.top_probs[shown], tokens[shown],
                             title=t("lm.inside.top"), rank_title=t("chart.rank"), legend=t("chart.probability")),
                width="stretch")

# the neuron finder: a span of the text -> the units that stand out there -> one unit over the whole text
st.subheader(t("lm.neuron"))
st.markdown(t("lm.neuron.intro"))
scores = inside.rank_units(values, start, end)
picked = st.session_state.get("lm_unit_pick")
unit = picked[4] if picked and picked[:4] == (here, name, layer, span) and picked[4] < H else scores[0][0]


def pick_span(new):
    if new is not None:
        st.session_state.lm_pick = (here, *new)


def picked_on_text():
    event = st.session_state.get(f"lm_strip_{here}")
    chosen = [p.get("i") for p in (event or {}).get("selection", {}).get("pick", [])]
    pick_span(inside.span_of(chosen, tokens))


offered = inside.spans_to_offer(tokens)
word = urlstate.Field(None, "lm_word", None, valid=lambda v: v in offered, kind=tuple)
st.session_state.lm_word = span if span in offered else None  # the list shows the span in use
c = st.columns([2, 1])
c[0].selectbox(t("lm.neuron.word"), offered, key="lm_word", index=None, placeholder=t("lm.neuron.word.other"),
               format_func=lambda s: t("lm.neuron.word.option", text=charts.show_token("".join(tokens[s[0]:s[1] + 1])),
                                       first=s[0], last=s[1]),
               on_change=lambda: pick_span(word.get()))
st.session_state.lm_unit = unit  # the box shows the unit in use
unit_field = urlstate.Field(None, "lm_unit", unit, int, lambda v: 0 <= v < H)
c[1].selectbox(t("lm.neuron.unit"), range(H), key="lm_unit", format_func=lambda u: t("lm.neuron.unit.plain", unit=u),
               on_change=lambda: st.session_state.update(lm_unit_pick=(here, name, layer, span, unit_field.get())))
st.markdown(t("lm.neuron.selected", text="".join(map(charts.show_token, tokens[start:end + 1])), first=start, last=end))
sequential = name in inside.GATES
st.altair_chart(charts.text_strip(values[:, unit], tokens, span=span, select="pick",
                                  scale="sequential" if sequential else "diverging",
                                  legend=t("lm.neuron.legend", unit=unit)),
                key=f"lm_strip_{here}", on_select=picked_on_text, selection_mode="pick")
st.caption(t("lm.neuron.how"))


def picked_bar():
    event = st.session_state.get(bars_key)
    chosen = [p.get("unit") for p in (event or {}).get("selection", {}).get("bar", [])]
    if chosen and chosen[-1] in ranked:
        st.session_state.lm_unit_pick = (here, name, layer, span, chosen[-1])


ranked = {u for u, _ in scores}
bars_key = f"lm_bars_{here}_{name}_{layer}_{start}_{end}"  # a new ranking: a new chart, nothing clicked
st.altair_chart(charts.unit_scores(scores, title=t("lm.neuron.top"), x_title=t("lm.neuron.score"),
                                   unit_label=t("lm.neuron.unit.plain", unit="{unit}"), chosen=unit, select="bar"),
                width="stretch", key=bars_key, on_select=picked_bar, selection_mode="bar")
st.caption(t("lm.neuron.bars"))
picked_here = span != inside.default_span(tokens) or unit != scores[0][0]  # else a link finds the same by itself
urlstate.publish({"view": view, "text": (text if view == "text" else None), "state": name,
                  "layer": layer if looked.layers > 1 else None,
                  "span": f"{start}-{end}" if picked_here else None, "unit": unit if picked_here else None})


# ---------------------------------------------------------------- 4. exercises (from this model, sample and text)
def cold():
    """The prime sampled near temperature 0 with this seed and the next (None: the prime cannot be sampled).
    Each text once: a shipped model's per server, your own per session (Again samples one more, not three)."""
    held = st.session_state.setdefault("lm_ex_cold", {})

    def once(what: tuple, compute):
        if (model_key, *what) not in held:
            if len(held) > 16:
                held.clear()
            held[(model_key, *what)] = loading.once_per_server(model_key, what, compute)
        return held[(model_key, *what)]

    try:
        return lm_exercises.cold_samples(
            bundle, prime, seed,
            sample=lambda s: once(("ex_cold", prime, s), lambda: lm_exercises.cold_sample(bundle, prime, s)),
            greedy=lambda: once(("ex_greedy", prime), lambda: lm_exercises.greedy_text(bundle, prime)))
    except RNNLabError:
        return None


exercises.show("char_lm", lm_exercises.exercises(
    prime=prime, seed=seed, cold=cold, tokens=tokens, values=values, state=name, layer=layer,
    top_tokens=looked.top_tokens, top_probs=looked.top_probs))
