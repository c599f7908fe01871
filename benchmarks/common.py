"""What every benchmark prints: the machine and the date, and percentiles."""
from __future__ import annotations

import datetime
import json
import os
import platform
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def machine() -> str:
    import torch

    return (f"{platform.node()}: {os.cpu_count()} cores, {platform.python_version()}, torch {torch.__version__} "
            f"({torch.get_num_threads()} threads), {datetime.date.today().isoformat()}")


def percentiles(values_ms: list[float]) -> dict[str, float]:
    return {"p50": round(float(np.percentile(values_ms, 50)), 1), "p95": round(float(np.percentile(values_ms, 95)), 1),
            "n": len(values_ms)}


def save(path: str | None, figures: dict) -> None:
    print(json.dumps(figures, indent=2))
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
