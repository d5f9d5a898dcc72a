"""Many-to-many, unaligned: translation (Korean ↔ English) and a Korean chatbot, on an encoder-decoder with
attention. The decoder writes word by word while it looks back at the source: the attention map, each
step's candidates, the beam itself, both networks' hidden states, and what attention buys by sentence
length; and a model of your own trained on your pairs."""
import pandas as pd
import streamlit as st
import torch

from core.errors import RNNLabError
from webapp import charts, chat, loading, settings, urlstate, widgets
from webapp import translate as tr
from webapp import translate_charts as tc
from webapp.exercises import base as exercises
from webapp.exercises import translate as ex_translate
from webapp.i18n import t
from webapp.nav import enter

MODES = ("translate", "chat", "buys", "own")
DIRECTIONS = ("ko-en", "en-ko")
BEAMS = (1, 2, 3, 5, 8, 10, 20)
MAX_URL_TEXT = 500  # longer texts are not put in the shareable URL
OWN = ("train", "upload")
SESSION = {"persist_state": "session"}  # kept while the visitor is on other pages
URL = {"bind": "query-params", **SESSION}  # in the link too, under its key (numbers and cell names: any language)

enter()
st.title(t("tr.title"))
st.markdown(t("tr.intro"))
mode = urlstate.choice("mode", "tr_mode", MODES)
mode = st.radio(t("tr.mode"), MODES, key="tr_mode", horizontal=True, format_func=lambda m: t(f"tr.mode.{m}"), **SESSION)


def model_card(bundle) -> str:
    cfg, valid = bundle.cfg, bundle.info.get("valid") or {}
    two = t("tr.card.bidirectional") if cfg.bidirectional else ""
    return t("tr.card", layers=cfg.num_layers, hidden=cfg.hidden_size, cell=cfg.cell.upper(), two=two,
             attention=t(f"tr.attention.{cfg.attention}"), source=t(f"tr.tokens.{cfg.tokenizer}"),
             target=t(f"tr.tokens.{cfg.target_tokenizer}"), bleu=f"{valid.get('bleu', float('nan')):.1f}",
             chrf=f"{valid.get('chrf', float('nan')):.1f}", minutes=bundle.info.get("minutes", "?"))


def makeup(bundle) -> str:
    """What the file holds beyond one network: an ensemble, and models of the other direction."""
    cfg = bundle.cfg
    parts = [t("tr.card.members", n=cfg.members)] if cfg.members > 1 else []
    if cfg.reverse_members:
        parts.append(t("tr.card.reverse", n=cfg.reverse_members))
    return " ".join(parts)


def rescored(bundle, written):
    """The beam's hypotheses with both directions' scores (decoding "channel"), best first."""
    st.subheader(t("tr.channel"))
    st.markdown(t("tr.channel.intro", weight=f"{bundle.cfg.channel_weight:g}"))
    st.dataframe(pd.DataFrame([{
        t("tr.channel.chosen"): "★" if i == 0 else "",
        t("tr.beam.hyp"): tr.TASK.text(bundle, s.tokens) or t("tr.channel.empty"),
        t("tr.channel.forward"): round(s.forward, 3), t("tr.channel.backward"): round(s.backward, 3),
        t("tr.chat.col.score"): round(s.score, 3)} for i, s in enumerate(written.decoded.nbest)]), hide_index=True)


def shipped_model(name: str):
    """The shipped model `name`, or a message and a stop."""
    shipped = loading.shipped(name, "translate")
    if shipped.bundle is None:
        if shipped.missing:
            st.warning(t("tr.shipped.missing", path=name))
        else:
            st.error(t("tr.shipped.bad", error=shipped.error))
        st.stop()
    return shipped.bundle, f"shipped:{name}:{shipped.path.stat().st_mtime}"


def written_for(key: str, model_key: str, bundle, text: str, **decoding):
    """tr.write, kept in the session while the model, the text and the decoding stay the same."""
    def write():
        with st.spinner(t("tr.writing")):
            if decoding.get("decoding") == "sample":  # a visitor reruns a sample to see another one
                return tr.write(bundle, text, **decoding)
            return loading.once_per_server(model_key, (text, tuple(sorted(decoding.items()))),
                                           lambda: tr.write(bundle, text, **decoding))

    return widgets.remembered(key, (model_key, text, tuple(sorted(decoding.items()))), write)


def notes(written):
    """What the model could not read of the input."""
    if written.cut:
        read = written.read
        st.warning(t("tr.cut", n=tr.MAX_SOURCE_TOKENS, chars=f"{read.chars:,}", total=f"{read.total:,}",
                     tokens=read.tokens, unit=t(f"tr.tokens.{read.unit}")))
        with st.expander(t("tr.cut.read")):
            st.text(read.text)
    if written.unknown:
        st.warning(t("tr.unknown", tokens=", ".join(repr(u) for u in written.unknown[:12])))


def kept_how(written, prefix: str) -> str:
    """How the output's token at each step was chosen."""
    if tr.rescored(written):
        return t("tr.steps.kept.channel")
    if written.beams:
        return t("tr.steps.kept.beam")
    if chat.chosen(written):
        return t("tr.steps.kept.rerank")
    return t("tr.steps.kept.sample" if prefix == "chat" else "tr.steps.kept.greedy")


def inside(bundle, written, prefix: str):
    """How the output was written: attention, step by step, the beam, both networks' states."""
    steps = [charts.show_token(s) for s in written.steps]
    if not steps:
        st.info(t("tr.nothing_written"))
        return
    st.subheader(t("tr.map"))
    if bundle.cfg.attention == "none":
        st.info(t("tr.map.none"))
    else:
        st.markdown(t("tr.map.intro"))
        st.altair_chart(tc.attention_map(written.attention, written.source, steps, x_title=t("tr.map.source"),
                                         y_title=t("tr.map.output"), value_title=t("tr.map.weight")), width="content")

    st.subheader(t("tr.steps"))
    key = f"{prefix}_step"
    if key in st.session_state and not 1 <= st.session_state[key] <= len(steps):
        st.session_state[key] = 1
    shared = prefix == "tr"  # translate's view is in the link (tr_step=...); a chat's or your own model's is not
    step = st.slider(t("tr.steps.slider"), 1, max(2, len(steps)), key=key, disabled=len(steps) < 2,
                     **(URL if shared else SESSION)) - 1
    step = min(step, len(steps) - 1)
    kept = written.steps[step]
    c = st.columns(2)
    with c[0]:
        labels = [charts.show_token(tok) for tok, _ in written.candidates[step]]
        probs = [p for _, p in written.candidates[step]]
        hit = next((i for i, (tok, _) in enumerate(written.candidates[step]) if tok == kept), None)
        st.altair_chart(charts.bars(probs, labels, title=t("tr.steps.top", step=step + 1), y_title=t("tr.steps.p"),
                                    highlight=hit), width="stretch")
        st.caption(t("tr.steps.kept", token=charts.show_token(kept), how=kept_how(written, prefix)))
    with c[1]:
        if bundle.cfg.attention != "none":
            st.altair_chart(charts.bars(written.attention[step], [charts.show_token(s) for s in written.source],
                                        title=t("tr.steps.looked"), y_title=t("tr.map.weight"),
                                        highlight=int(written.attention[step].argmax())), width="stretch")

    if written.beams:
        st.subheader(t("tr.beam"))
        st.markdown(t("tr.beam.intro"))
        path = tr.winner_path(written.beams, written.steps)
        st.altair_chart(tc.beam_tree(written.beams, path, step_title=t("tr.beam.step"), rank_title=t("tr.beam.rank"),
                                     score_title=t("tr.beam.score")), width="content")
        w = written.decoded.winner
        st.caption(t("tr.beam.won.greedy" if w.from_greedy else "tr.beam.won", score=f"{w.score:.3f}",
                     logprob=f"{w.logprob:.3f}"))
        rows = [{t("tr.beam.step"): i + 1, t("tr.beam.rank"): r, t("tr.beam.hyp"): " ".join(h["tokens"]),
                 t("tr.beam.score"): round(h["score"], 3), "log p": round(h["logprob"], 3),
                 t("tr.beam.finished"): "✓" if h["finished"] else "", t("tr.beam.winner"): "★" if path[i] == r else ""}
                for i, s in enumerate(written.beams) for r, h in enumerate(s)]
        with st.expander(t("tr.beam.table")):
            st.dataframe(pd.DataFrame(rows), hide_index=True)

    st.subheader(t("tr.inside"))
    st.markdown(t("tr.inside.intro"))
    names = [n for n in written.encoder if n != "cell"]
    urlstate.choice("state" if prefix == "tr" else None, f"{prefix}_state", names, default="hidden")  # or kept
    name = st.radio(t("tr.inside.what"), names, key=f"{prefix}_state", horizontal=True, **SESSION,
                    format_func=lambda n: t(f"inside.state.{n}"))
    if prefix == "tr":
        urlstate.publish({"state": name if name != "hidden" else None})
    st.caption(t("tr.inside.encoder"))
    widgets.state_heatmap(written.encoder[name][-1], written.source, name)
    st.caption(t("tr.inside.decoder"))
    widgets.state_heatmap(written.decoder[name][-1], steps, name)


def reranked_reply(bundle, written):
    """Where a reranked reply came from (retrieval or the RNN), its candidates, and the attention map."""
    c = chat.chosen(written)
    if c.origin == "retrieved":
        st.caption(t("tr.chat.from.retrieved", question=c.question, similarity=f"{c.similarity:.2f}"))
    else:
        st.caption(t("tr.chat.from.generated", how=t(f"tr.chat.from.{c.origin}")))
    with st.expander(t("tr.chat.candidates")):
        mmi = bundle.cfg.rerank_mmi
        st.markdown(t("tr.chat.candidates.intro", weight=f"{bundle.cfg.rerank_weight:g}",
                      mmi=t("tr.chat.candidates.mmi", mmi=f"{mmi:g}") if mmi else ""))

        def origin(cand):
            also = [t(f"tr.chat.from.{w}") for w in cand.written_by] if cand.origin == "retrieved" else []
            return t(f"tr.chat.origin.{cand.origin}") + (t("tr.chat.origin.also", how=", ".join(also)) if also else "")

        d = written.decoded  # a core.tasks.translate.rerank.Reranked: its candidates, best score first
        st.dataframe(pd.DataFrame([{
            t("tr.chat.col.chosen"): "★" if i == d.chosen else "", t("tr.chat.col.reply"): cand.text,
            t("tr.chat.col.origin"): origin(cand), t("tr.chat.col.question"): cand.question,
            "log p": round(cand.logprob, 3), **({t("tr.chat.col.prior"): round(cand.prior, 3)} if mmi else {}),
            t("tr.chat.col.similarity"): round(cand.similarity, 3),
            t("tr.chat.col.score"): round(cand.score, 3), t("tr.chat.col.chance"): f"{100 * cand.probability:.0f}%"}
            for i, cand in enumerate(d.candidates)]), hide_index=True)
        if bundle.cfg.attention != "none" and written.steps:
            st.caption(t("tr.chat.map"))
            st.altair_chart(tc.attention_map(written.attention, written.source, [charts.show_token(s) for s in written.steps],
                                             x_title=t("tr.map.source"), y_title=t("tr.map.output"),
                                             value_title=t("tr.map.weight")), width="content")


def translate_exercises(written, mode: str, **chat):
    """The exercises on what the model just wrote, their seed under them (bound to the URL: ex_translate_seed)."""
    area = st.container()
    seed = int(st.number_input(t("ex.translate.seed"), min_value=0, max_value=9999, value=0, step=1,
                               key="ex_translate_seed", help=t("ex.translate.seed.help"), **URL))
    found = ex_translate.exercises(written, seed, mode, **chat)
    with area:
        if found:
            exercises.show("translate", found)
        else:
            st.info(t("ex.translate.none"))


# ---------------------------------------------------------------- translate
if mode == "translate":
    direction = urlstate.choice("dir", "tr_dir", DIRECTIONS)

    def swap_text():
        """The direction changed: the text box follows, as on a translation site (tr.swapped_text)."""
        new = st.session_state.tr_dir
        if new not in DIRECTIONS:
            return
        old = next(d for d in DIRECTIONS if d != new)
        text = st.session_state.get("tr_text", "")
        held = st.session_state.get("tr_written")  # (ident, Written) of the last translation (written_for)
        translation = held[1].text if held and held[0][1] == text and not held[1].cut else None
        st.session_state.tr_text = tr.swapped_text(text, old, new, translation)

    direction = st.radio(t("tr.direction"), DIRECTIONS, key="tr_dir", horizontal=True, on_change=swap_text, **SESSION,
                         format_func=lambda d: t(f"tr.direction.{d}"))
    bundle, model_key = shipped_model(tr.SHIPPED[direction])
    st.caption(model_card(bundle))
    if holds := makeup(bundle):
        st.caption(holds)
    examples = tr.EXAMPLES[direction]
    urlstate.seed("text", "tr_text", examples[0][0], valid=lambda v: isinstance(v, str) and len(v) <= tr.MAX_TEXT_CHARS)
    st.caption(t("tr.examples"))
    c = st.columns(len(examples))
    for i, (example, _) in enumerate(examples):
        c[i].button(example, key=f"tr_example_{direction}_{i}", width="stretch",
                    on_click=lambda e=example: st.session_state.update(tr_text=e))
    st.caption(t("tr.examples.credit", who="; ".join(who for _, who in examples)))
    text = st.text_area(t("tr.text"), key="tr_text", height=90, **SESSION, placeholder=t(f"tr.text.placeholder.{direction}"),
                        max_chars=tr.MAX_TEXT_CHARS, help=t("tr.text.help", chars=f"{tr.MAX_TEXT_CHARS:,}",
                                                            n=tr.MAX_SOURCE_TOKENS))
    if (seen := tr.wrong_language(text, direction)) is not None:
        other = next(d for d in DIRECTIONS if d != direction)
        st.warning(t("tr.wrong_language", seen=t(f"tr.language.{seen}"), direction=t(f"tr.direction.{direction}"),
                     reads=t(f"tr.language.{tr.SOURCE_LANGUAGE[direction]}")))
        if seen == tr.SOURCE_LANGUAGE[other]:  # the text fits the other direction: one click there, the text kept
            st.button(t("tr.wrong_language.switch", direction=t(f"tr.direction.{other}")), key="tr_switch",
                      icon=":material/swap_horiz:", on_click=lambda: st.session_state.update(tr_dir=other))
    urlstate.seed("beam", "tr_beam", bundle.cfg.beam_size if bundle.cfg.beam_size in BEAMS else 5, cast=int,
                  valid=lambda v: v in BEAMS)
    beam = st.select_slider(t("tr.beam_size"), BEAMS, key="tr_beam", help=t("tr.beam_size.help"), **SESSION)
    channel = bool(bundle.cfg.reverse_members) and st.toggle(
        t("tr.channel.use"), value=bundle.cfg.decoding == "channel", key=f"tr_channel_{direction}",
        help=t("tr.channel.help"), **URL)
    urlstate.publish({"mode": mode, "dir": direction, "text": text if len(text) <= MAX_URL_TEXT else None, "beam": beam})
    if len(text) > MAX_URL_TEXT:
        st.caption(t("tr.url.long", chars=f"{len(text):,}", n=MAX_URL_TEXT))
    if not text.strip():
        st.info(t("tr.empty"))
        st.stop()
    try:
        written = written_for("tr_written", model_key, bundle, text, decoding="channel" if channel else "beam",
                              beam_size=beam)
    except RNNLabError as e:
        st.warning(t("tr.bad_text", error=e))
        st.stop()
    notes(written)
    st.markdown(f"### {written.text}" if written.text else t("tr.nothing_written"))
    if tr.rescored(written):
        rescored(bundle, written)
    inside(bundle, written, "tr")
    translate_exercises(written, "translate")

# ---------------------------------------------------------------- chat
elif mode == "chat":
    urlstate.publish({"mode": mode, "dir": None, "text": None, "beam": None})
    bundle, model_key = shipped_model(tr.SHIPPED["chat"])
    st.caption(model_card(bundle))
    st.caption(t("tr.chat.credit"))
    reranks = chat.reranks(bundle)
    if reranks:
        st.info(t("tr.chat.rerank", k=bundle.cfg.retrieve_k, weight=f"{bundle.cfg.rerank_weight:g}")
                + (" " + t("tr.chat.rerank.mmi", mmi=f"{bundle.cfg.rerank_mmi:g}") if bundle.cfg.rerank_mmi else ""))
        measured = bundle.info.get("rerank") or {}
        if {"tfidf", "reranked"} <= set(measured):
            st.caption(t("tr.chat.rerank.scores", chrf=f"{measured['reranked']['chrf']:.1f}",
                         tfidf=f"{measured['tfidf']['chrf']:.1f}", written=f"{100 * measured['reranked']['written']:.0f}",
                         distinct=f"{100 * measured['reranked']['distinct']:.0f}"))
    c = st.columns([3, 1, 1], vertical_alignment="bottom")
    lowest = 0.0 if reranks else 0.1  # reranking: temperature 0 takes the best candidate
    if not lowest <= st.session_state.get("tr_temperature", -1.0) <= 1.5:
        st.session_state.tr_temperature = float(bundle.cfg.rerank_temperature if reranks else bundle.cfg.temperature)
    temperature = c[0].slider(t("tr.chat.temperature"), lowest, 1.5, step=0.05 if reranks else 0.1,
                              key="tr_temperature", **URL,
                              help=t("tr.chat.temperature.help.rerank" if reranks else "tr.chat.temperature.help"))
    st.session_state.setdefault("tr_seed", 0)

    def new_seed():
        st.session_state.tr_seed += 1
        st.session_state.pop("tr_generator", None)

    def clear():
        st.session_state.tr_chat = []
        st.session_state.pop("chat_last", None)
        st.session_state.pop("tr_chat_why", None)

    # every action through a callback: it runs before the script, so a rerun of the script keeps its effect
    c[1].button(t("tr.chat.seed"), key="tr_new_seed", icon=":material/casino:", on_click=new_seed)
    c[2].button(t("tr.chat.clear"), key="tr_clear", icon=":material/delete:", on_click=clear)
    if "tr_generator" not in st.session_state:
        st.session_state.tr_generator = torch.Generator().manual_seed(st.session_state.tr_seed)
    history = st.session_state.setdefault("tr_chat", [])
    st.caption(t("tr.chat.seed.now", seed=st.session_state.tr_seed))
    examples = [e for e, _ in tr.EXAMPLES["chat"]]
    c = st.columns(len(examples))
    for i, example in enumerate(examples):
        c[i].button(example, key=f"tr_chat_example_{i}", width="stretch",
                    on_click=lambda e=example: st.session_state.update(tr_ask=e))
    st.chat_input(t("tr.chat.placeholder"), key="tr_chat_input", max_chars=tr.MAX_TEXT_CHARS,
                  on_submit=lambda: st.session_state.update(tr_ask=st.session_state.tr_chat_input))
    prompt = st.session_state.pop("tr_ask", None)
    if prompt is not None:
        if not prompt.strip():
            st.warning(t("tr.empty"))
        else:
            try:
                decoding = dict(decoding="rerank", rerank_temperature=temperature) if reranks else dict(
                    decoding="sample", temperature=temperature)
                last = tr.write(bundle, prompt, generator=st.session_state.tr_generator, **decoding)
                history += [("user", prompt), ("assistant", last.text or "…")]
                st.session_state.chat_last = (prompt, last)
                if chat.chosen(last) is not None:  # the reply's candidates, shown under it
                    st.session_state.setdefault("tr_chat_why", {})[len(history) - 1] = last
            except RNNLabError as e:
                st.warning(t("tr.bad_text", error=e))
    why = st.session_state.get("tr_chat_why", {})
    for i, (role, said) in enumerate(history):
        with st.chat_message(role):
            st.markdown(said)
            if i in why:
                reranked_reply(bundle, why[i])
    if not history:
        st.info(t("tr.chat.empty.rerank" if reranks else "tr.chat.empty"))
    held = st.session_state.get("chat_last")
    if held is not None:
        notes(held[1])
        with st.expander(t("tr.chat.how", question=held[0][:60]), expanded=False):
            inside(bundle, held[1], "chat")
        translate_exercises(held[1], "chat", asked=held[0], weight=bundle.cfg.rerank_weight, mmi=bundle.cfg.rerank_mmi)

# ---------------------------------------------------------------- what attention buys
elif mode == "buys":
    urlstate.publish({"mode": mode, "dir": None, "text": None, "beam": None, "state": None})
    st.markdown(t("tr.buys.intro"))
    table = tr.attention_table()
    if table is None:
        st.info(t("tr.buys.missing", path=tr.ATTENTION_TABLE))
        st.stop()
    metric = table.get("metric", "bleu")
    names = {name: t(f"tr.attention.{name}") for name in table["models"]}
    st.altair_chart(tc.by_length(table, metric, names, title=t("tr.buys.chart", direction=t(
        f"tr.direction.{table.get('direction', 'ko-en')}")), x_title=t("tr.buys.length"), y_title=metric.upper()
        if metric == "bleu" else "chrF"), width="stretch")
    rows = []
    for name, scores in table["models"].items():
        for bucket, score in zip(table["buckets"], scores):
            rows.append({t("tr.buys.model"): names[name], t("tr.buys.length"): bucket["label"], "n": score["n"],
                         "BLEU": round(score["bleu"], 1), "chrF": round(score["chrf"], 1)})
    st.dataframe(pd.DataFrame(rows), hide_index=True)
    st.caption(t("tr.buys.how", split=table.get("split", ""), signature=table.get("signature", ""),
                 command=table.get("command", "")))

# ---------------------------------------------------------------- your own
else:
    urlstate.publish({"mode": mode, "dir": None, "text": None, "beam": None, "state": None})
    own_source = urlstate.choice(None, "tr_own", OWN)
    own_source = st.radio(t("tr.own"), OWN, key="tr_own", horizontal=True, format_func=lambda o: t(f"tr.own.{o}"),
                          **SESSION)
    bundle = model_key = None
    if own_source == "train":
        st.markdown(t("tr.train.intro"))
        upload = st.file_uploader(t("tr.train.upload"), type=["tsv", "csv", "txt"], key="tr_data_file",
                                  max_upload_size=tr.MAX_UPLOAD_MB, help=t("tr.train.upload.help"))
        pairs = None
        if upload is not None:
            try:
                names = tr.columns(upload.getvalue(), upload.name)
            except RNNLabError as e:
                names = None
                st.error(t("tr.train.bad", error=e))
            if names is not None:
                options = list(range(1, len(names) + 1))
                c = st.columns(2)
                src = c[0].selectbox(t("tr.train.source"), options, key=f"tr_src_col_{upload.file_id}",
                                     format_func=lambda i: f"{i}: {names[i - 1][:30]}")
                tgt = c[1].selectbox(t("tr.train.target"), options, index=1, key=f"tr_tgt_col_{upload.file_id}",
                                     format_func=lambda i: f"{i}: {names[i - 1][:30]}")
                try:
                    pairs = tr.read_upload(upload.getvalue(), upload.name, src, tgt)
                    st.caption(t("tr.train.stats", n=f"{len(pairs):,}"))
                    with st.expander(t("tr.train.preview")):
                        st.dataframe(pd.DataFrame([(p.source, p.target) for p in pairs[:20]],
                                                  columns=[t("tr.train.source"), t("tr.train.target")]), hide_index=True)
                except RNNLabError as e:
                    st.error(t("tr.train.bad", error=e))
        limits = settings.load()
        new, start = widgets.start_from("tr", "translate", "tr_run",
                                        keep=("tr_cell", "tr_hidden", "tr_src_tokens", "tr_tgt_tokens", "tr_att"))
        model = {}
        c = st.columns(6 if new else 1)
        if new:
            model["source_tokens"] = c[0].selectbox(t("tr.train.src_tokens"), ("char", "word"), key="tr_src_tokens",
                                                    format_func=lambda v: t(f"tr.tokens.{v}"), **SESSION)
            model["target_tokens"] = c[1].selectbox(t("tr.train.tgt_tokens"), ("word", "char"), key="tr_tgt_tokens",
                                                    format_func=lambda v: t(f"tr.tokens.{v}"), **SESSION)
            model["cell"] = c[2].selectbox(t("tr.train.cell"), ("gru", "lstm", "rnn"), key="tr_cell",
                                           format_func=str.upper, **URL)
            model["hidden"] = widgets.capped_select_slider(c[3], t("tr.train.hidden"), (16, 32, 64, 128, 256),
                                                           cap=limits.max_hidden, default=64, key="tr_hidden", **URL)
            model["attention"] = c[4].selectbox(t("tr.train.attention"), ("additive", "general", "none"), key="tr_att",
                                                format_func=lambda v: t(f"tr.attention.{v}"), **SESSION)
        seconds = widgets.capped_select_slider(c[5] if new else c[0], t("tr.train.seconds"),
                                               (10, 30, 60, 120, 300, 600), cap=limits.max_seconds, default=60,
                                               key="tr_seconds", **URL)

        def start_run():
            model_cfg, train_cfg = tr.configs(seconds=seconds, **model)
            own = tr.start_training(pairs, model_cfg, train_cfg, start=start, data=upload.name)
            st.session_state.tr_own_run, st.session_state.tr_run = own, own.run

        widgets.train_control("tr_start", "tr_run", t("tr.train.start"), ready=pairs is not None and (new or start is not None),
                              start=start_run)
        widgets.training_panel("tr_run", metric="chrf", loss_title=t("tr.loss"))
        own, run = st.session_state.get("tr_own_run"), st.session_state.get("tr_run")
        if run is not None and run.snapshot().state in ("done", "stopped"):
            bundle, model_key = run.bundle, f"own:{id(run)}"
            rep = own.scored(tr.report)
            st.subheader(t("tr.report"))
            if "error" in rep:
                st.warning(t("tr.report.bad", error=rep["error"]))
            else:
                c = st.columns(4)
                c[0].metric("BLEU", f"{rep['bleu']:.1f}")
                c[1].metric("chrF", f"{rep['chrf']:.1f}")
                c[2].metric(t("tr.report.loss"), f"{rep['loss']:.3f}")
                c[3].metric(t("tr.report.n"), f"{rep['n']:,}")
                st.dataframe(pd.DataFrame(rep["examples"]).rename(columns={
                    "source": t("tr.train.source"), "target": t("tr.train.target"), "written": t("tr.report.written")}),
                    hide_index=True)
                st.caption(rep["bleu_signature"])
            st.download_button(t("tr.download"), data=run.checkpoint(), file_name="my-translator.safetensors",
                               mime="application/octet-stream", icon=":material/download:", key="tr_download")
    else:
        held = loading.uploaded_model("tr", "translate", t("tr.upload.label"), tr.MAX_UPLOAD_MB)
        if held is not None:
            bundle, model_key = held.bundle, held.key
            st.caption(held.name + " · " + model_card(bundle))
    if bundle is None:
        st.info(t("tr.no_model"))
        st.stop()
    st.subheader(t("tr.try"))
    text = st.text_input(t("tr.text"), key="tr_own_text", max_chars=tr.MAX_TEXT_CHARS, **SESSION)
    if not text.strip():
        st.info(t("tr.empty"))
        st.stop()
    try:
        written = written_for("tr_own_written", model_key, bundle, text)
    except RNNLabError as e:
        st.warning(t("tr.bad_text", error=e))
        st.stop()
    notes(written)
    st.markdown(f"### {written.text}" if written.text else t("tr.nothing_written"))
    inside(bundle, written, "own")
    translate_exercises(written, "own")
