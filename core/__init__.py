"""RNN Lab's PyTorch package: one recurrent engine (`core.rnn.Recurrent`) and the task models,
data, training, sampling and checkpoints around it. It never imports streamlit."""
from .checkpoint import load_checkpoint, save_checkpoint, to_bytes
from .config import ModelConfig, TrainConfig
from .errors import CheckpointError, DataError, RNNLabError, TrainingError
from .fit import prepare, run
from .generate import sample
from .rnn import Recurrent, Trace
from .tasks import TASKS, Bundle
from .train import Progress, Trainer

__all__ = ["Bundle", "CheckpointError", "DataError", "ModelConfig", "Progress", "RNNLabError", "Recurrent",
           "TASKS", "Trace", "TrainConfig", "Trainer", "TrainingError", "load_checkpoint", "prepare", "run",
           "sample", "save_checkpoint", "to_bytes"]
