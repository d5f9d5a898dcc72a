"""RNN Lab's PyTorch package: one recurrent engine (`core.nn.rnn.Recurrent`) and the tasks around it, in
layers that import only downward (docs/architecture.md). It never imports streamlit, and importing the
package imports nothing else: each module brings what it needs."""
