"""The errors `core` raises for bad input: each carries a message meant for a person."""


class RNNLabError(Exception):
    """Base class: the message is one line that says what is wrong and what to do."""


class DataError(RNNLabError):
    """A data file or text that cannot be used."""


class CheckpointError(RNNLabError):
    """A file that is not an RNN Lab checkpoint, or not one for this task."""


class TrainingError(RNNLabError):
    """Training that cannot go on (for example, the loss became NaN)."""
