"""Translation and chat (many-to-many, unaligned): the task, the encoder-decoder, ensembles, noisy-channel
rescoring, and the chatbot's retrieval and reranking."""
