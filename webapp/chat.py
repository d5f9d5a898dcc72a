"""The chat's reranked replies (core.tasks.translate.rerank) as the translate page reads them: whether the chatbot reranks,
and which candidate became the reply. No Streamlit here."""
from core.tasks.translate.rerank import Candidate, Reranked


def reranks(bundle) -> bool:
    """The chatbot chooses among retrieved and generated candidates (it keeps a retrieval memory)."""
    return bundle.memory is not None


def chosen(written) -> Candidate | None:
    """The candidate that became the reply (None for a reply that was not reranked)."""
    d = written.decoded
    return d.candidates[d.chosen] if isinstance(d, Reranked) else None

