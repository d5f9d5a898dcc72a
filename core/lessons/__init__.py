"""The lecture's own networks: the four-letter `hello` RNN with every number visible, and the race of
RNN, LSTM and GRU on a long-range memory task."""
