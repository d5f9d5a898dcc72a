"""`python -m core`: train, evaluate and use models from the command line."""
import argparse
import json
import signal
import sys
import time

import torch

from core.checkpoint import load_checkpoint, save_checkpoint
from core.cli import calibrate, ensemble
from core.config import CELLS, ModelConfig, TrainConfig
from core.decoding.generate import sample
from core.errors import RNNLabError
from core.fit import prepare, retrain, run
from core.tasks.registry import TASKS
from core.training import distributed
from core.training.trainer import Progress


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m core", description="Train, evaluate and use recurrent networks.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    train = commands.add_parser("train", help="train a model on a data file",
                                description="Train a model and save the best one (by validation score) to --out.")
    train.add_argument("task", choices=TASKS, nargs="?", help="; ".join(
        f"{name}: {task.help}" for name, task in TASKS.items()) + " (with --resume: the model's own)")
    train.add_argument("--data", help="training data file (with --resume: the one the model was trained on)")
    train.add_argument("--valid", help="validation data file (default: hold out the last 10%% of a text, "
                       "or a seeded 10%% of examples)")
    train.add_argument("--out", help="where to write the model (.safetensors; with --resume: that file)")
    train.add_argument("--resume", metavar="MODEL", help="go on training a saved model, with its optimizer "
                       "state if the file kept it (the model settings below are then the file's own)")
    m, t = ModelConfig(), TrainConfig()
    model = train.add_argument_group("model")
    model.add_argument("--cell", choices=CELLS, default=m.cell)
    model.add_argument("--hidden", type=int, default=m.hidden_size, help="hidden units per layer and direction")
    model.add_argument("--layers", type=int, default=m.num_layers)
    model.add_argument("--embed", type=int, default=m.embed_size, help="embedding size (0: one-hot inputs)")
    model.add_argument("--dropout", type=float, default=m.dropout)
    model.add_argument("--bidirectional", action="store_true", help="classify/tag: read both ways")
    model.add_argument("--tokenizer", choices=("char", "word"), help="default: the task's own (lm: char)")
    model.add_argument("--pooling", choices=("last", "mean", "max"), default=m.pooling, help="classify")
    model.add_argument("--word-dropout", type=float, default=m.word_dropout,
                       help="chance a training word becomes <unk>")
    model.add_argument("--char-hidden", type=int, default=m.char_hidden_size,
                       help="tag: character RNN size per direction (0: no character features)")
    opt = train.add_argument_group("training")
    opt.add_argument("--lr", type=float, default=t.lr, help="peak learning rate (AdamW, cosine decay)")
    opt.add_argument("--weight-decay", type=float, default=t.weight_decay)
    opt.add_argument("--batch-size", type=int, default=t.batch_size)
    opt.add_argument("--seq-len", type=int, default=t.seq_len, help="lm: characters per training window")
    opt.add_argument("--epochs", type=float, help="passes over the data (default 1 unless --minutes/--max-steps)")
    opt.add_argument("--minutes", type=float, help="time budget")
    opt.add_argument("--max-steps", type=int, help="step budget")
    opt.add_argument("--ema", type=float, metavar="DECAY", help="validate, keep and save an exponential moving "
                     "average of the weights with this decay (say 0.999) instead of the weights themselves")
    opt.add_argument("--seed", type=int, default=t.seed)
    opt.add_argument("--device", help="cpu, cuda or mps (default: the best there is)")
    opt.add_argument("--half", action="store_true", help="for shipping: store the weights as float16 and "
                     "leave out the optimizer state, a sixth of the file (the model still runs in float32)")
    opt.add_argument("--threads", type=int, help="CPU threads (default: torch's choice; on a CPU shared with "
                     "other jobs, 1 can be many times faster)")

    evaluate = commands.add_parser("evaluate", help="score a model on a data file",
                                   description="lm: loss and bits per character; classify: accuracy and F1; "
                                   "tag: entity-level precision, recall and F1 (IOB tags), or token accuracy, macro F1 and "
                                   "per-tag F1 (parts of speech).")
    evaluate.add_argument("model")
    evaluate.add_argument("data")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")

    sample_ = commands.add_parser("sample", help="generate text from a language model")
    sample_.add_argument("model")
    sample_.add_argument("--prime", default="", help="text to start from")
    sample_.add_argument("--length", type=int, default=500, help="tokens to generate")
    sample_.add_argument("--temperature", type=float, default=0.8, help="below 1: safer; above 1: wilder")
    sample_.add_argument("--top-k", type=int, help="sample only among the k most likely tokens")
    sample_.add_argument("--seed", type=int, default=0)

    predict = commands.add_parser("predict", help="apply a model to texts",
                                  description="lm: most likely next characters; classify: the label and its "
                                  "probability; tag: each token with its tag.")
    predict.add_argument("model")
    predict.add_argument("text", nargs="*", help="the inputs, each a text (or what the model's task reads)")
    predict.add_argument("--input", metavar="FILE", help="read one input a line from FILE (- for standard "
                         "input) and print one output line for each, in order; an empty line gives an empty line")
    ensemble.add_parser(commands)
    calibrate.add_parser(commands)
    for task in TASKS.values():  # each task's own options
        task.add_arguments("train", model)
        task.add_arguments("evaluate", evaluate)
        task.add_arguments("predict", predict)
    return parser


class ProgressLine:
    """One status line, rewritten in place on a terminal; a line every 10 s otherwise."""

    def __init__(self, key: str, stream=sys.stderr):
        self.key, self.stream, self.tty, self.last = key, stream, stream.isatty(), 0.0

    def __call__(self, p: Progress):
        now = time.monotonic()
        if not self.tty and now - self.last < 10 and p.metrics is None:
            return
        self.last = now
        width = 24
        bar = "█" * int(p.fraction * width) + "·" * (width - int(p.fraction * width))
        line = (f"{bar} {p.fraction:4.0%} step {p.step} epoch {p.epoch:.2f} loss {p.loss:.4f} "
                f"{p.tokens_per_s / 1000:.1f}k tok/s {p.elapsed:.0f}s")
        if p.best:
            line += f" | best valid {self.key} {p.best[self.key]:.4f}"
        self.stream.write(("\r" + line + "\033[K") if self.tty else line + "\n")
        self.stream.flush()


def resolve_resume(args):
    """With --resume: the saved model, and its task, data and output file unless given."""
    if args.resume is None:
        if args.task is None or args.data is None or args.out is None:
            raise RNNLabError("train needs a task, --data and --out (or --resume MODEL)")
        return None
    start = load_checkpoint(args.resume)
    if args.task not in (None, start.cfg.task):
        raise RNNLabError(f"{args.resume} holds a {start.cfg.task} model, not {args.task}")
    args.task = start.cfg.task
    args.data = args.data or start.info.get("data")
    if args.data is None:
        raise RNNLabError(f"{args.resume} does not say what it was trained on: give --data")
    args.out = args.out or args.resume
    return start


def cmd_train(args) -> int:
    start = resolve_resume(args)
    spec = TASKS[args.task]
    tokenizer = args.tokenizer or spec.default_tokenizer
    model_cfg = ModelConfig(task=args.task, cell=args.cell, tokenizer=tokenizer, embed_size=args.embed,
                            hidden_size=args.hidden, num_layers=args.layers, bidirectional=args.bidirectional,
                            dropout=args.dropout, pooling=args.pooling, word_dropout=args.word_dropout,
                            char_hidden_size=args.char_hidden)
    train_cfg = TrainConfig(lr=args.lr, weight_decay=args.weight_decay, batch_size=args.batch_size,
                            seq_len=args.seq_len, epochs=args.epochs, minutes=args.minutes,
                            max_steps=args.max_steps, seed=args.seed, device=args.device, ema=args.ema)
    spec.configure(model_cfg, args)
    if args.threads:
        torch.set_num_threads(args.threads)
    options = spec.read_options(args, start.cfg if start is not None else model_cfg)
    train = spec.read(args.data, **options)
    valid = spec.read(args.valid, **options) if args.valid else None
    spec.configure_training(train_cfg, args, train)
    group = distributed.from_environment(args.device)  # under torchrun: one process per device
    main_rank = group is None or group.is_main
    try:
        bundle, trainer = prepare(args.task, train, valid, model_cfg, train_cfg,
                                  callbacks=[ProgressLine(spec.key)] if main_rank else [], group=group, start=start)
        n_params = sum(p.numel() for p in bundle.model.parameters())
        if main_rank:
            ranks = f" × {group.world_size} processes" if group else ""
            cfg = bundle.cfg
            going_on = "" if start is None else f" (going on from {args.resume}, " + (
                "with its optimizer state)" if start.optimizer else "which kept no optimizer state: AdamW starts afresh)")
            print(f"{args.task}: {cfg.num_layers}×{cfg.hidden_size} {cfg.cell.upper()}, {n_params:,} parameters, "
                  f"vocabulary {len(bundle.vocab):,}, on {trainer.device}{ranks}{going_on}", file=sys.stderr)
        signal.signal(signal.SIGINT, lambda *_: trainer.stop())  # Ctrl-C: stop, keep and save the best model
        best = run(bundle, trainer, data=args.data, valid_data=args.valid,
                   command="python -m core " + " ".join(sys.argv[1:]),
                   processes=group.world_size if group else 1)
    finally:
        distributed.close()
    if main_rank:  # one writer
        bundle, trainer = spec.finish(bundle, trainer, train, args, retrain)
        dtype, optimizer = (torch.float16, None) if args.half else (None, trainer.optimizer)
        save_checkpoint(bundle, args.out, dtype, optimizer)
        print(file=sys.stderr)
        print(f"saved {args.out} (step {trainer.step}, {bundle.info['minutes']} min); validation: {summary(best)}")
    return 0


def summary(metrics: dict) -> str:
    return ", ".join(f"{k} {v:.4f}" for k, v in metrics.items() if isinstance(v, float))


def cmd_evaluate(args) -> int:
    bundle = load_checkpoint(args.model)
    spec = TASKS[bundle.cfg.task]
    metrics = spec.evaluate(bundle, spec.read(args.data, **spec.read_options(args, bundle.cfg)), **spec.evaluate_options(args))
    if args.json:
        print(json.dumps(metrics))
    else:
        print(summary(metrics))
        for name, value in metrics.items():
            if isinstance(value, dict):
                print(f"{name}: " + ", ".join(f"{k} {v if not isinstance(v, float) else round(v, 4)}"
                                              for k, v in value.items()))
    return 0


def cmd_sample(args) -> int:
    bundle = load_checkpoint(args.model, task="lm")
    if args.length < 0:
        raise RNNLabError("--length must be 0 or more")
    generator = torch.Generator().manual_seed(args.seed)
    sys.stdout.write(args.prime)
    for token in sample(bundle.model, bundle.vocab, args.prime, args.length, args.temperature, args.top_k, generator):
        sys.stdout.write(token)
        sys.stdout.flush()
    sys.stdout.write("\n")
    return 0


def cmd_predict(args) -> int:
    bundle = load_checkpoint(args.model)
    spec = TASKS[bundle.cfg.task]
    if args.input is not None and args.text:
        raise RNNLabError("give the inputs either on the command line or with --input, not both")
    inputs = read_lines(args.input) if args.input is not None else args.text
    if not inputs and args.input is None:
        raise RNNLabError("predict needs at least one input (or --input FILE)")
    options = spec.predict_options(args)
    for text in inputs:
        print(spec.show(text, spec.predict(bundle, text, **options)) if text.strip() else "",
              flush=args.input is not None)
    return 0


def read_lines(path: str) -> list[str]:
    """--input: one input a line, in order (standard input for -)."""
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    except FileNotFoundError:
        raise RNNLabError(f"{path} does not exist") from None
    except UnicodeDecodeError:
        raise RNNLabError(f"{path} is not UTF-8 text") from None
    except OSError as e:
        raise RNNLabError(f"{path} cannot be read ({e.strerror})") from None
    return text.splitlines()


COMMANDS = {"train": cmd_train, "evaluate": cmd_evaluate, "sample": cmd_sample, "predict": cmd_predict,
            "ensemble": ensemble.run, "calibrate": calibrate.run}


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (RNNLabError, ValueError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
