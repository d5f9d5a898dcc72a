"""`python -m core ensemble`: models of one task trained apart (other seeds) saved as one model.
Classifiers are packed into one network (`core.tasks.classify.ensemble`); translators and chatbots are
combined step by step (`core.tasks.translate.ensemble`), optionally with networks of the other direction
that rescore the beam (decoding channel)."""
import torch

from core.checkpoint import load_checkpoint, save_checkpoint
from core.errors import RNNLabError
from core.tasks.base import Bundle
from core.tasks.classify.ensemble import pack, shift, threshold
from core.tasks.registry import TASKS
from core.tasks.translate import ensemble as seq2seq_ensemble


def add_parser(commands):
    parser = commands.add_parser("ensemble", help="save models of one task, trained apart, as one model",
                                 description=__doc__.split("\n", 1)[1].replace("\n", " "))
    parser.add_argument("members", nargs="+", help="the classifiers or the translators to pack (.safetensors)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--valid", help="labelled texts to score the ensemble on (kept in its info as 'valid')")
    parser.add_argument("--half", action="store_true", help="store the weights as float16")
    parser.add_argument("--threshold", action="store_true", help="two classes: move the decision to the log-odds "
                        "cut that is right most often on --valid")
    parser.add_argument("--reverse", nargs="+", default=[], metavar="MODEL", help="translators: models of the "
                        "other direction (the columns swapped), kept to rescore the beam: decoding channel")
    parser.add_argument("--beam-size", type=int, help="translators: the file's beam size")
    parser.add_argument("--length-alpha", type=float, help="translators: the file's length normalisation")
    parser.add_argument("--channel-weight", type=float, help="translators with --reverse: weight of log p(source | "
                        "output) per token (default 1)")


def run(args) -> int:
    if args.threshold and not args.valid:
        raise RNNLabError("--threshold is chosen on --valid: give it too")
    members = [load_checkpoint(path) for path in args.members]
    if members[0].cfg.task == "translate":
        return _translators(members, args)
    if args.reverse or args.beam_size or args.length_alpha is not None or args.channel_weight is not None:
        raise RNNLabError("--reverse, --beam-size, --length-alpha and --channel-weight are for translators")
    bundle = pack(members)
    if args.valid:
        task = TASKS["classify"]
        examples = task.read(args.valid)
        if args.threshold:
            ids, gold = task.encode(bundle, examples)
            log_p = task.probabilities(bundle, ids).clamp_min(1e-12).log()  # (N, 2)
            shift(bundle, threshold(log_p[:, 1] - log_p[:, 0], gold))
            print(f"decision at log-odds {bundle.info['threshold']:+.3f}")
        bundle.info["valid"] = task.evaluate(bundle, examples)
        print(f"valid accuracy {bundle.info['valid']['accuracy']:.4f}")
    save_checkpoint(bundle, args.out, dtype=torch.float16 if args.half else None)
    print(f"saved {len(args.members)} members as one model, {args.out}")
    return 0


def _translators(members: list[Bundle], args) -> int:
    """Translators (or chatbots) as one `Seq2SeqEnsemble`, scored on --valid."""
    if args.threshold:
        raise RNNLabError("--threshold is for two-class classifiers")
    bundle = seq2seq_ensemble.pack(members, [load_checkpoint(path, task="translate") for path in args.reverse])
    cfg = bundle.cfg
    if args.reverse:
        cfg.decoding = "channel"
    for field in ("beam_size", "length_alpha", "channel_weight"):
        if getattr(args, field) is not None:
            setattr(cfg, field, getattr(args, field))
    try:
        cfg.__post_init__()
    except ValueError as e:
        raise RNNLabError(str(e)) from None
    if args.valid:
        task = TASKS["translate"]
        pairs = task.read(args.valid, source_column=cfg.source_column or None, target_column=cfg.target_column or None)
        bundle.info["valid"] = scores = task.evaluate(bundle, pairs)
        print(f"valid BLEU {scores['bleu']:.2f}, chrF {scores['chrf']:.2f}, loss {scores['loss']:.4f}")
    save_checkpoint(bundle, args.out, dtype=torch.float16 if args.half else None)
    print(f"saved {len(members)} members as one model, {args.out}")
    return 0
