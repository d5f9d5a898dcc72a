"""Files in: plain text, tables (CSV/TSV), CoNLL and CoNLL-U, sentence pairs, time series, photos."""
