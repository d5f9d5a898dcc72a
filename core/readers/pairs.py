"""Sentence pairs (source -> target) from TSV or CSV files, and a validation split that does not leak.

    pairs = read_pairs("kor_eng/train.tsv", source_column=2, target_column=1)  # Korean -> English
    pairs = read_pairs("chatbot_ko/train.csv")  # header Q,A,label: Q -> A
    train, valid = grouped_split(pairs, 0.1, seed=0)

Formats (`core.readers.table`): TSV with or without a header, CSV (comma or semicolon) with a header. Columns are picked by name (a header's, any case)
or by position (1 is the first); by default a header's source and target names (SOURCE_NAMES,
TARGET_NAMES), else the first two columns. The columns a pair does not use are kept as its `note` (Tatoeba's
attribution, which its licence asks to show with the sentences).
"""
from dataclasses import dataclass
from pathlib import Path

from core.errors import DataError
from core.readers.table import read_table
from core.readers.text import shown
from core.text.sentences import normalise

SOURCE_NAMES = ("source", "src", "input", "q", "question", "query", "english", "en", "eng", "korean_q")
TARGET_NAMES = ("target", "tgt", "output", "a", "answer", "reply", "response", "korean", "ko", "kor", "translation")
MAX_LINE_CHARS = 5_000  # a longer line is not a sentence pair
MAX_SENTENCE_CHARS = 1_000
MIN_DISTINCT_TARGETS = 0.8  # fewer distinct targets than this share of the pairs: stock replies (a chatbot;
# Tatoeba kor_eng has 98% distinct Korean sentences, chatbot_ko 68% distinct answers)


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    note: str = ""  # the row's other columns (say, the attribution), joined by " | "


def read_pairs(source: str | Path | bytes, name: str | None = None, source_column: str | int | None = None,
               target_column: str | int | None = None) -> list[Pair]:
    table = read_table(source, name)
    name = table.name
    for number, line in enumerate(table.text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise DataError(f"{name}, line {number} is {len(line):,} characters long: a pair file holds a pair "
                            f"of sentences a line (at most {MAX_LINE_CHARS:,} characters)")
    if len(table.rows[0]) < 2:
        raise DataError(f"{name} has one column: a pair file has a source and a target on each line, separated "
                        f"by a tab (TSV) or a comma (CSV with a header such as Q,A)")
    tsv = table.delimiter == "\t"
    rows = list(zip(table.lines, table.rows))
    width, header = len(table.rows[0]), table.header
    by_name = any(isinstance(c, str) and not c.isdigit() for c in (source_column, target_column))
    has_header = not tsv or by_name or bool(set(header) & set(SOURCE_NAMES) and set(header) & set(TARGET_NAMES))
    src = _column(source_column, header if has_header else None, SOURCE_NAMES, 0, width, name, "source")
    tgt = _column(target_column, header if has_header else None, TARGET_NAMES, 1, width, name, "target")
    if src == tgt:
        raise DataError(f"{name}: the source and the target are the same column ({src + 1})")
    pairs = []
    for number, row in rows[1:] if has_header else rows:
        if len(row) <= max(src, tgt):
            raise DataError(f"{name}, line {number}: {len(row)} column{'s' * (len(row) != 1)} where the "
                            f"{'first row has' if len(row) < width else 'pair needs'} {max(width, src + 1, tgt + 1)}")
        s, t = normalise(row[src]), normalise(row[tgt])
        for side, value in (("source", s), ("target", t)):
            if not value:
                raise DataError(f"{name}, line {number}: the {side} is empty")
            if len(value) > MAX_SENTENCE_CHARS:
                raise DataError(f"{name}, line {number}: the {side} is {len(value):,} characters long (a sentence "
                                f"here has at most {MAX_SENTENCE_CHARS:,})")
        note = " | ".join(c.strip() for i, c in enumerate(row) if i not in (src, tgt) and c.strip())
        pairs.append(Pair(s, t, note))
    if not pairs:
        raise DataError(f"{name} has a header but no pairs")
    return pairs


def _column(chosen: str | int | None, header: list[str] | None, names: tuple[str, ...], default: int, width: int,
            name: str, side: str) -> int:
    """The 0-based index of a column given by name or 1-based position (None: by the header, else default)."""
    if width < 2:
        raise DataError(f"{name} has one column: a pair file needs a source and a target column")
    if chosen is None:
        found = next((header.index(n) for n in names if header and n in header), None)
        return default if found is None else found
    if isinstance(chosen, int) or chosen.isdigit():
        position = int(chosen)
        if not 1 <= position <= width:
            raise DataError(f"{name} has {width} columns: there is no column {position} for the {side} "
                            f"(columns count from 1)")
        return position - 1
    if header is None or chosen.strip().lower() not in header:
        raise DataError(f"{name} has no column named {shown(chosen, 40)!r} for the {side} (its first row: "
                        f"{shown(', '.join(header or []), 60)})")
    return header.index(chosen.strip().lower())


def grouped_split(pairs: list, fraction: float, seed: int) -> tuple[list, list]:
    """A seeded `fraction` of the pairs for validation, whole groups at a time, so that no validation pair's
    source (or, for translations, target) sentence occurs in training. Groups are the connected components of
    the graph whose nodes are sentences and whose edges are pairs (a sentence with two translations ties them
    together). Where the targets repeat a lot (a chatbot's stock replies: fewer than 80% distinct) only the
    sources group, as the withheld chatbot test was made. Items need `.source` and `.target`."""
    import random

    if len(pairs) < 2:
        raise DataError(f"need at least 2 pairs to hold some out for validation, got {len(pairs)}")
    by_target = len({p.target for p in pairs}) >= MIN_DISTINCT_TARGETS * len(pairs)
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = x = parent[parent[x]]
        return x

    for p in pairs:
        if by_target:
            parent[find(("s", p.source))] = find(("t", p.target))
        else:
            find(("s", p.source))
    groups: dict = {}
    for i, p in enumerate(pairs):
        groups.setdefault(find(("s", p.source)), []).append(i)
    members = list(groups.values())
    if len(members) < 2:
        raise DataError("every pair shares a sentence with another: there is no way to hold some out for "
                        "validation without leaking (give a validation file)")
    random.Random(seed).shuffle(members)
    want, valid = max(1, round(fraction * len(pairs))), []
    for group in members[:-1]:  # at least one group trains
        if len(valid) >= want:
            break
        valid += group
    held = set(valid)
    return [p for i, p in enumerate(pairs) if i not in held], [pairs[i] for i in sorted(held)]
