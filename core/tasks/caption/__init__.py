"""Captioning (one-to-many from a photo): the task, the frozen image encoder and the attentional captioner."""
