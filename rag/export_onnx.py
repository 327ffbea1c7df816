"""Export the bundled all-MiniLM-L6-v2 to ONNX at install time: `python -m rag.export_onnx`.

Writes model.onnx (fp32, with BERT's attention, embedding and layer-norm subgraphs fused by
ONNX Runtime's transformer optimizer), model.int8.onnx (the same graph with dynamic int8 weights
everywhere but the feed-forward down-projections) and manifest.json into the ONNX folder
(rag.onnx_backend.default_dir(): inside the virtualenv unless EMBEDDING_ONNX_DIR says
otherwise). Idempotent: a folder whose manifest matches the installed weights is left alone.
Reads only the bundled weights; never downloads. The service runs the result through
rag.onnx_backend without importing torch.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from rag.onnx_backend import FP32_FILE, INT8_FILE, MANIFEST_FILE, default_dir, source_identity

# Opset 17 has LayerNormalization, which ONNX Runtime fuses; every runtime since 1.14 runs it.
OPSET = 17
# Bumped when the export itself changes, so `make` rebuilds an older folder. An older folder
# still loads (same weights; its int8 file is the older full quantisation).
RECIPE = 3
# all-MiniLM-L6-v2's shape, which the attention fusion must be told.
HEADS = 12
HIDDEN = 384
LAYERS = 6


def _export_fp32(model_dir: str, target: Path) -> None:
    import torch
    from transformers import AutoModel

    # Eager attention traces to the MatMul/Softmax pattern that the transformer optimizer fuses
    # into one Attention node per layer; the default (SDPA) traces to a form it does not know.
    model = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")
    model.eval()

    class Encoder(torch.nn.Module):
        """BERT's token vectors; pooling and normalising happen outside, as in
        sentence-transformers."""

        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    ids = torch.ones((2, 16), dtype=torch.int64)
    dynamic = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        # The TorchScript exporter needs no onnxscript and gives a graph ONNX Runtime fuses well.
        torch.onnx.export(
            Encoder(model),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(target),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["token_embeddings"],
            dynamic_axes={
                "input_ids": dynamic,
                "attention_mask": dynamic,
                "token_type_ids": dynamic,
                "token_embeddings": dynamic,
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def _fuse(source: Path, target: Path) -> None:
    from onnxruntime.transformers import optimizer

    # opt_level 0: only the BERT fusions (Attention, EmbedLayerNormalization,
    # SkipLayerNormalization, BiasGelu), which run on any CPU; ONNX Runtime applies its
    # hardware-specific rewrites itself when a session loads the file. Vectors stay within 1e-7
    # of the unfused graph; a short query costs about 0.7x, and peak RSS with weight
    # pre-packing is lower (README "Worker memory").
    fused = optimizer.optimize_model(
        str(source), model_type="bert", num_heads=HEADS, hidden_size=HIDDEN, opt_level=0
    )
    counts = fused.get_fused_operator_statistics()
    if counts.get("Attention", 0) == 0:
        raise RuntimeError(f"the attention fusion found nothing to fuse: {counts}")
    fused.save_model_to_file(str(target))


def _quantise(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Dynamic quantisation (int8 weights, activations scaled per call) of the fused graph's
    # attention and dense layers, except each feed-forward down-projection: the MatMul fed by
    # GELU, whose outputs span the widest range. Quantising those too moved vectors more than
    # twice as far (mean 1 - cos 0.0062 against 0.0026 on the dev chunks) and the fit AUC by
    # more than 0.01; without them `make eval` moves by at most 0.009, at 0.68x fp32's time
    # (README "Embedding in int8").
    graph = onnx.load(str(source), load_external_data=False).graph
    gelu_outputs = {out for node in graph.node if node.op_type == "BiasGelu" for out in node.output}
    chosen = [
        node.name
        for node in graph.node
        if node.op_type == "Attention"
        or (node.op_type == "MatMul" and not gelu_outputs.intersection(node.input))
    ]
    if len(chosen) != 3 * LAYERS:
        raise RuntimeError(f"expected 3 nodes a layer to quantise, found {len(chosen)}")
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        nodes_to_quantize=chosen,
        # The fused operators carry no type information for the quantiser's shape inference.
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )


def is_current(out_dir: Path, identity: dict) -> bool:
    """Tell whether out_dir holds both files, built by this recipe from these weights."""
    try:
        built = json.loads((out_dir / MANIFEST_FILE).read_text())
    except (OSError, ValueError):
        return False
    return (
        isinstance(built, dict)
        and built.get("source") == identity
        and built.get("recipe") == RECIPE
        and (out_dir / FP32_FILE).exists()
        and (out_dir / INT8_FILE).exists()
    )


def export(out_dir: Path, force: bool = False) -> bool:
    """Export the bundled model into out_dir unless it is already current; return True if built."""
    from rag.embeddings import _bundled_path

    model_dir = _bundled_path()
    identity = source_identity(model_dir)
    if not force and is_current(out_dir, identity):
        return False
    out_dir.mkdir(parents=True, exist_ok=True)
    # Build in a temp folder beside the target and move files in, manifest last: a reader
    # never sees a manifest that names files not yet complete.
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".build-") as tmp:
        work = Path(tmp)
        traced = work / "traced.onnx"
        _export_fp32(model_dir, traced)
        _fuse(traced, work / FP32_FILE)
        _quantise(work / FP32_FILE, work / INT8_FILE)
        manifest = {
            "source": identity,
            "recipe": RECIPE,
            "opset": OPSET,
            "files": [FP32_FILE, INT8_FILE],
        }
        (work / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
        for name in (FP32_FILE, INT8_FILE, MANIFEST_FILE):
            os.replace(work / name, out_dir / name)
        for stray in work.iterdir():
            shutil.rmtree(stray, ignore_errors=True) if stray.is_dir() else stray.unlink()
    return True


def main(argv: list[str] | None = None) -> int:
    """Build the ONNX files from the bundled weights; print what was done."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder (default: see above)")
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    args = parser.parse_args(argv)
    out = args.out or default_dir()
    built = export(out, force=args.force)
    print(f"{'built' if built else 'up to date'}: {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
