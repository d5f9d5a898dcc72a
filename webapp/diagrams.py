"""Diagrams drawn as Graphviz DOT text: no plotting library, so the home page opens without one."""
import json
from collections.abc import Sequence


def usage_diagram(kind: str, inputs: Sequence[str], outputs: Sequence[str]) -> str:
    """Graphviz DOT of an unrolled RNN: 'one-to-many', 'many-to-one' or 'many-to-many'. `inputs` and
    `outputs` label the boxes (empty strings leave a step without one)."""
    if kind not in ("one-to-many", "many-to-one", "many-to-many"):
        raise ValueError(f"unknown usage {kind!r}")
    T = max(len(inputs), len(outputs))
    lines = ['digraph {', 'rankdir=BT; nodesep=0.25; ranksep=0.3; bgcolor="transparent";',
             'node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, height=0.3, width=0.4];',
             'edge [arrowsize=0.6];']
    for t in range(T):
        lines.append(f'h{t} [label="h{t + 1}", fillcolor="#a6cee3"];')
        if t < len(inputs) and inputs[t]:
            lines.append(f'x{t} [label={json.dumps(inputs[t], ensure_ascii=False)}, fillcolor="#fdbf6f"];')
            lines.append(f'x{t} -> h{t};')
        if t < len(outputs) and outputs[t]:
            lines.append(f'y{t} [label={json.dumps(outputs[t], ensure_ascii=False)}, fillcolor="#b2df8a"];')
            lines.append(f'h{t} -> y{t};')
        if t:
            lines.append(f'h{t - 1} -> h{t} [constraint=false, color="#1f78b4", penwidth=1.5];')
    lines.append("{rank=same; " + " ".join(f"h{t};" for t in range(T)) + "}")
    lines.append("}")
    return "\n".join(lines)
