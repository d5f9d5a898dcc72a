"""Training any model: the Trainer, data-parallel groups, the device, and the metrics."""
