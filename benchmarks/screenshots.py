"""The screenshots in docs/: the app on a library, captured by headless Chromium.

    python -m benchmarks.screenshots --index DIR [--authority Medway] [--out docs]
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.common import ROOT


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--authority", default="Medway")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--index", str(args.index), "--port", str(port)],
                            cwd=ROOT, env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url, timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_role("tab", name="Timeline").click()
            page.get_by_label("Local authority").first.fill(args.authority)
            page.keyboard.press("Enter")
            page.wait_for_function("a => document.body.innerText.includes(a + ':')", arg=args.authority,
                                   timeout=30000)
            page.wait_for_timeout(2500)
            page.screenshot(path=str(args.out / "timeline.png"), full_page=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"wrote {args.out / 'timeline.png'}")


if __name__ == "__main__":
    main()
