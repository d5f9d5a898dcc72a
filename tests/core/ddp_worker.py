"""Run by torchrun in test_distributed.py: `python -m core train ...` as is, then each rank writes a
checksum of its final parameters. With BREAK_RANK set, that rank is given a broken data file."""
import hashlib
import os
import sys

import core.cli
import core.fit

rank = int(os.environ["RANK"])
argv = sys.argv[1:]
if os.environ.get("BREAK_RANK") == str(rank):
    argv[argv.index("--data") + 1] = os.environ["BROKEN_FILE"]

bundles = []
run = core.fit.run
core.cli.run = lambda bundle, trainer, **facts: (bundles.append(bundle), run(bundle, trainer, **facts))[1]
code = core.cli.main(argv)
if bundles:
    digest = hashlib.sha256()
    for name, tensor in sorted(bundles[0].model.state_dict().items()):
        digest.update(name.encode() + tensor.detach().cpu().numpy().tobytes())
    with open(os.path.join(os.environ["REPORT_DIR"], f"rank{rank}.txt"), "w") as f:
        f.write(digest.hexdigest())
sys.exit(code)
