"""Retrieval memory: a chatbot's training questions and their answers, and the TF-IDF nearest neighbours of a
new question among them (scikit-learn, character n-grams). The reranker (`core.tasks.translate.rerank`) takes the answers of
the nearest questions as candidate replies, beside the model's own.

    memory = Memory.of(pairs)              # pairs with .source (question) and .target (answer)
    memory.nearest(["배고파"], k=10)        # -> [[Hit(answer=..., similarity=0.71, question=...), ...]]
    Memory.from_dict(memory.to_dict())     # what a checkpoint keeps: plain JSON, nothing pickled

Answers are kept once each (a chatbot's stock replies repeat): `answer_of[i]` is the index of question i's
answer. `nearest` returns up to k different answers, each with the cosine similarity of its nearest question;
the index is fitted on the questions once, on first use.
"""
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.errors import CheckpointError

NGRAMS = (1, 3)  # character n-grams within word boundaries (Korean syllables and their pairs and triples)
MAX_ITEMS = 1_000_000


@dataclass(frozen=True)
class Hit:
    answer: str
    similarity: float  # cosine of the TF-IDF vectors of the question asked and `question`
    question: str  # the training question whose answer this is (the nearest one, if several share it)


class Memory:
    def __init__(self, questions: list[str], answers: list[str], answer_of: list[int]):
        self.questions, self.answers, self.answer_of = list(questions), list(answers), list(answer_of)

    @classmethod
    def of(cls, pairs) -> "Memory":
        answers: dict[str, int] = {}
        for p in pairs:
            answers.setdefault(p.target, len(answers))
        return cls([p.source for p in pairs], list(answers), [answers[p.target] for p in pairs])

    def __len__(self) -> int:
        return len(self.questions)

    def to_dict(self) -> dict:
        return {"questions": self.questions, "answers": self.answers, "answer_of": self.answer_of}

    @classmethod
    def from_dict(cls, d, name: str = "the checkpoint") -> "Memory":
        """A memory from a checkpoint's JSON, checked: lists of texts, and indices in range."""
        ok = isinstance(d, dict) and set(d) == {"questions", "answers", "answer_of"} and all(
            isinstance(d[k], list) and len(d[k]) <= MAX_ITEMS for k in d)
        ok = ok and len(d["questions"]) == len(d["answer_of"]) > 0 and all(
            isinstance(s, str) and s for s in d["questions"] + d["answers"]) and all(
            type(i) is int and 0 <= i < len(d["answers"]) for i in d["answer_of"])
        if not ok:
            raise CheckpointError(f"{name}: its retrieval memory is not a list of questions and answers")
        return cls(d["questions"], d["answers"], d["answer_of"])

    @cached_property
    def _index(self):
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True)
        return vectorizer, vectorizer.fit_transform(self.questions)  # rows L2-normalised: dot = cosine

    def similarities(self, texts: list[str]):
        """(N, Q) cosine similarities of each text to each training question (a sparse matrix's dense rows)."""
        vectorizer, matrix = self._index
        return (vectorizer.transform(texts) @ matrix.T).toarray()

    def nearest(self, texts: list[str], k: int) -> list[list[Hit]]:
        """Each text's k most similar training questions' answers, different answers, most similar first."""
        out = []
        answer_of = np.asarray(self.answer_of)
        for row in self.similarities(texts):
            hits, seen = [], set()
            for q in np.argsort(-row, kind="stable"):
                a = int(answer_of[q])
                if a in seen:
                    continue
                seen.add(a)
                hits.append(Hit(self.answers[a], float(row[q]), self.questions[q]))
                if len(hits) == k:
                    break
            out.append(hits)
        return out
