"""Export the bundled all-MiniLM-L6-v2 to ONNX at install time: `python -m rag.export_onnx`.

Writes model.onnx (fp32), model.int8.onnx (dynamic int8 weights) and manifest.json into the
ONNX folder (rag.onnx_backend.default_dir(): inside the virtualenv unless EMBEDDING_ONNX_DIR
says otherwise). Idempotent: a folder whose manifest matches the installed weights is left
alone. Reads only the bundled weights; never downloads. The service runs the result through
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


def _export_fp32(model_dir: str, target: Path) -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(model_dir, local_files_only=True)
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


def _quantise(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Dynamic quantisation: int8 weights of every MatMul, activations quantised per call.
    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True)


def export(out_dir: Path, force: bool = False) -> bool:
    """Export the bundled model into out_dir unless it is already current; return True if built."""
    from rag.embeddings import _bundled_path

    model_dir = _bundled_path()
    identity = source_identity(model_dir)
    manifest_path = out_dir / MANIFEST_FILE
    if not force and manifest_path.exists():
        try:
            current = json.loads(manifest_path.read_text()).get("source") == identity
        except ValueError:
            current = False
        if current and (out_dir / FP32_FILE).exists() and (out_dir / INT8_FILE).exists():
            return False
    out_dir.mkdir(parents=True, exist_ok=True)
    # Build in a temp folder beside the target and move files in, manifest last: a reader
    # never sees a manifest that names files not yet complete.
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".build-") as tmp:
        work = Path(tmp)
        _export_fp32(model_dir, work / FP32_FILE)
        _quantise(work / FP32_FILE, work / INT8_FILE)
        manifest = {"source": identity, "opset": OPSET, "files": [FP32_FILE, INT8_FILE]}
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
