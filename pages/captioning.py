"""One-to-many from an image: a photo in, a caption out word by word, and where the decoder looked for each
word (Show, Attend and Tell). Beam search beside greedy, the beam itself, and the decoder's hidden states."""
import numpy as np
import pandas as pd
import streamlit as st

from core.errors import RNNLabError
from webapp import captioning, charts, loading, urlstate, widgets
from webapp.exercises import base as exercises
from webapp.exercises import captioning as cap_exercises
from webapp.i18n import t
from webapp.nav import enter

SOURCES = ("shipped", "upload")
INPUTS = ("example", "upload", "camera")
KEPT = {"persist_state": "session"}  # a widget's value kept while it is not drawn (another page, a hidden part)

enter()
st.title(t("cap.title"))
st.markdown(t("cap.intro"))

# ---------------------------------------------------------------- 1. the model
source = st.radio(t("cap.source"), SOURCES, key="cap_source", **KEPT, horizontal=True,
                  format_func=lambda s: t(f"cap.source.{s}"))
bundle, model_key = None, None
if source == "shipped":
    shipped = loading.shipped(captioning.SHIPPED, "caption")
    if shipped.bundle is not None:
        bundle, model_key = shipped.bundle, f"shipped:{shipped.path}:{shipped.path.stat().st_mtime}"
        valid = bundle.info.get("valid") or {}
        st.caption(t("cap.shipped.card", cell=bundle.cfg.cell.upper(), hidden=bundle.cfg.hidden_size,
                     vocab=f"{len(bundle.vocab) - 4:,}",  # less <pad>, <unk>, <s> and </s>
                     minutes=f"{bundle.info.get('minutes', float('nan')):.1f}",
                     bleu4=f"{valid.get('bleu4', float('nan')):.1f}",
                     distinct=f"{100 * valid.get('distinct_fraction', float('nan')):.0f}"))
    elif shipped.missing:
        st.warning(t("cap.shipped.missing", path=captioning.SHIPPED))
    else:
        st.error(t("cap.shipped.bad", error=shipped.error))
else:
    held = loading.uploaded_model("cap", "caption", t("cap.upload.model"), captioning.MAX_UPLOAD_MB)
    if held is not None:
        bundle, model_key = held.bundle, held.key
        st.caption(t("cap.upload.card", name=held.name, cell=held.bundle.cfg.cell.upper(),
                     hidden=held.bundle.cfg.hidden_size, vocab=f"{len(held.bundle.vocab) - 4:,}"))
if bundle is None:
    st.info(t("cap.no_model"))
    st.stop()

# ---------------------------------------------------------------- 2. the photo
urlstate.seed("input", "cap_input", "example", valid=lambda v: v in INPUTS)
urlstate.seed("example", "cap_example", captioning.EXAMPLES[0], valid=lambda v: v in captioning.EXAMPLES)
where = st.radio(t("cap.input"), INPUTS, key="cap_input", **KEPT, horizontal=True,
                 format_func=lambda s: t(f"cap.input.{s}"))
data, name = None, None
if where == "example":
    example = st.radio(t("cap.example"), captioning.EXAMPLES, key="cap_example", **KEPT, horizontal=True,
                       format_func=lambda e: t(f"cap.example.{e}") + (f" · {t(f'cap.verdict.{e}')}"
                                                                      if source == "shipped" else ""))
    data, name = captioning.example_bytes(example), f"{example}.jpg"
    st.caption(t("cap.example.licence"))
elif where == "upload":
    upload = st.file_uploader(t("cap.upload.photo"), type=["jpg", "jpeg", "png", "webp"], key="cap_photo",
                              max_upload_size=captioning.MAX_UPLOAD_MB)
    if upload is not None:
        data, name = upload.getvalue(), upload.name
else:
    shot = st.camera_input(t("cap.camera"), key="cap_camera")
    if shot is not None:
        data, name = shot.getvalue(), t("cap.camera.name")
urlstate.publish({"input": where, "example": example if where == "example" else None})  # defaults stay out
if data is None:
    st.info(t("cap.no_photo"))
    st.stop()
try:
    picture = captioning.photo(data, name)
except RNNLabError as e:
    st.error(t("cap.bad_photo", error=e))
    st.stop()

# ---------------------------------------------------------------- 3. how to write
urlstate.choice("method", "cap_method", captioning.METHODS)  # its labels are translated: the hand-written route
url = {"bind": "query-params"}  # the numbers: in the link under their keys (a default stays out of it)
c = st.columns([2, 2, 1, 1])
method = c[0].radio(t("cap.method"), captioning.METHODS, key="cap_method", **KEPT, horizontal=True,
                    format_func=lambda m: t(f"cap.method.{m}"), help=t("cap.method.help"))
beam_size = c[1].slider(t("cap.beam"), 1, 10, 3, key="cap_beam", disabled=method != "beam", **url)
temperature = c[2].number_input(t("cap.temperature"), 0.1, 3.0, 1.0, step=0.1, key="cap_temperature",
                                disabled=method != "sample", **url)
seed = int(c[3].number_input(t("cap.seed"), 0, 10_000, 0, key="cap_seed", disabled=method != "sample", **url))
urlstate.publish({"method": method})

photo_digest = captioning.digest(data)
wanted = (model_key, photo_digest, method, beam_size, temperature, seed)
held = st.session_state.get("cap_written")
fresh = held is None or held[0] != wanted
if fresh:
    with st.spinner(t("cap.thinking")):
        held = wanted, loading.once_per_server(model_key, wanted, lambda: captioning.write(
            bundle, picture, method, beam_size, temperature, seed))
    st.session_state["cap_written"] = held
written = held[1]
main = written[method]

# ---------------------------------------------------------------- 4. the caption, word by word
left, right = st.columns([3, 2])
left.image(picture, caption=name, width="stretch")
with right:
    st.subheader(t("cap.caption"))
    if not main.words:
        st.warning(t("cap.empty"))
    elif fresh:
        st.write_stream(captioning.typed(main.text, prefix="### "))
    else:
        st.markdown(f"### {main.text}")
    st.caption(t("cap.caption.note", method=t(f"cap.method.{method}"), n=len(main.words),
                 logp=f"{main.decoded.logprob:.2f}"))
    if source == "shipped":  # what it was trained on, and so why it writes what it does
        if where == "example":  # the verdicts were read off the shipped captioner's beam captions
            st.markdown(t(f"cap.note.{example}"))
            ranks = captioning.word_ranks(bundle, captioning.EXAMPLE_WORDS[example])
            known = ", ".join(f"{w} ({r})" for w, r in ranks.items() if r is not None) or t("cap.words.none")
            unknown = ", ".join(w for w, r in ranks.items() if r is None)
            st.caption(t("cap.words.known", known=known) + (" " + t("cap.words.unknown", unknown=unknown)
                                                             if unknown else ""))
        st.info(t("cap.trained_on", vocab=f"{len(bundle.vocab) - captioning.first_word(bundle):,}",
                  words=", ".join(captioning.most_seen(bundle))))

if not main.tokens:
    st.stop()
st.subheader(t("cap.look"))
st.markdown(t("cap.look.intro"))
labels = [f"{i + 1}: {w if w != captioning.END else t('cap.end')}" for i, w in enumerate(main.tokens)]
if st.session_state.get("cap_word") not in labels:
    st.session_state["cap_word"] = labels[0]
label = st.select_slider(t("cap.word"), labels, key="cap_word")
step = labels.index(label)
weights = main.decoded.steps[step].attention
c = st.columns([3, 2])
written_word = main.tokens[step] if main.tokens[step] != captioning.END else t("cap.end")
c[0].image(captioning.lit(photo_digest, np.asarray(weights), picture), width="stretch",
           caption=t("cap.look.caption", word=written_word))
with c[1]:
    words, probs = captioning.top_words(main, step, bundle.vocab)
    shown = [w if w != captioning.END else t("cap.end") for w in words]
    chosen = words.index(main.tokens[step]) if main.tokens[step] in words else None
    st.markdown(t("cap.top5"))
    st.altair_chart(charts.bars(probs, shown, y_title=t("cap.probability"), highlight=chosen), width="stretch")
    grid = captioning.attention_grid(weights)
    cells = [str(i + 1) for i in range(len(grid))]
    st.markdown(t("cap.grid"))
    st.altair_chart(charts.heatmap(grid.T, cells, scale="sequential", domain=(0.0, float(grid.max()) or 1.0),
                                   unit_labels=cells, unit_title=None, annotate=True), width="stretch")

with st.expander(t("cap.all_words")):
    columns = st.columns(4)
    for i, token in enumerate(main.tokens):
        columns[i % 4].image(captioning.lit(photo_digest, np.asarray(main.decoded.steps[i].attention), picture),
                             caption=token if token != captioning.END else t("cap.end"), width="stretch")

# ---------------------------------------------------------------- 5. beam versus greedy
if method == "beam":
    st.subheader(t("cap.beam_vs_greedy"))
    greedy = written["greedy"]
    c = st.columns(2)
    c[0].markdown(t("cap.beam.result", k=beam_size, text=main.text or "—",
                    score=f"{main.decoded.score(0.6):.3f}", logp=f"{main.decoded.logprob:.2f}"))
    c[1].markdown(t("cap.greedy.result", text=greedy.text or "—", score=f"{greedy.decoded.score(0.6):.3f}",
                    logp=f"{greedy.decoded.logprob:.2f}"))
    st.caption(t("cap.beam.same" if main.words == greedy.words else "cap.beam.differs"))
    rows = captioning.beam_rows(main, bundle.vocab)
    if rows:
        st.markdown(t("cap.beam.table"))
        table = pd.DataFrame(rows).rename(columns={k: t(f"cap.beam.col.{k.replace(' ', '_')}") for k in rows[0]})
        st.dataframe(table, hide_index=True, height=260)
        if main.decoded.winner is not None and main.decoded.winner.from_greedy:
            st.caption(t("cap.beam.greedy_won"))

# ---------------------------------------------------------------- 6. inside the decoder
st.subheader(t("cap.inside"))
st.markdown(t("cap.inside.intro"))
shown_tokens = [w if w != captioning.END else t("cap.end") for w in main.tokens]
widgets.state_heatmap(captioning.hidden_states(main), shown_tokens, "hidden", highlight=(step,))

# ---------------------------------------------------------------- 7. why one-to-many
with st.expander(t("cap.why"), expanded=False):
    st.markdown(t("cap.why.text"))
    st.graphviz_chart(charts.usage_diagram("one-to-many", [t("cap.why.image")], shown_tokens[:8]))
    st.caption(t("cap.why.data"))

# ---------------------------------------------------------------- 8. exercises (from this photo and caption)
exercises.show("captioning", cap_exercises.exercises(main, photo_digest, seed))
