"""The network parts every task shares: the cells' step equations, the recurrent engine, attention, the
attentional decoder and the small layers around them."""
