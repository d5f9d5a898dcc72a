"""The chat's reranked replies (core.rerank) as the translate page shows them: every candidate, where it came
from (a training answer found by TF-IDF retrieval, or a reply the RNN wrote), its scores, and which one was
chosen. No Streamlit here."""
from core.rerank import Candidate, Reranked


def reranks(bundle) -> bool:
    """The chatbot chooses among retrieved and generated candidates (it keeps a retrieval memory)."""
    return bundle.memory is not None


def chosen(written) -> Candidate | None:
    """The candidate that became the reply (None for a reply that was not reranked)."""
    d = written.decoded
    return d.candidates[d.chosen] if isinstance(d, Reranked) else None


def candidate_rows(written) -> list[dict]:
    """One row per candidate, best score first: the reply, its origin, the training question it answers
    (retrieved) or the decodings that wrote it, the model's log p per token (given the question, and given none),
    the similarity, the score, the
    chance of being drawn, and whether it was."""
    d = written.decoded
    if not isinstance(d, Reranked):
        return []
    return [{"reply": c.text, "origin": c.origin, "question": c.question, "written_by": list(c.written_by),
             "logprob": c.logprob, "prior": c.prior, "similarity": c.similarity, "score": c.score, "probability": c.probability,
             "chosen": i == d.chosen} for i, c in enumerate(d.candidates)]
