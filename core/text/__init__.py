"""Text as the models read it: vocabularies and tokenizers, sentences, segmentation into CoNLL tokens."""
