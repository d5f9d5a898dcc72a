"""From a trained network to outputs: greedy, beam and sampled decoding of a decoder, text sampled from a
language model, and Viterbi over tag transitions."""
