"""The screenshots in docs/: the app on a library, captured by headless Chromium.

    python -m benchmarks.screenshots --index DIR [--authority Medway] [--theme supervision] [--years 2019 2023]
        [--question TEXT] [--dataset FILE] [--out docs]

Writes app-answer.png, timeline.png, compare.png, scrutiny.png and evaluate.png.
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
    parser.add_argument("--theme", default="supervision")
    parser.add_argument("--years", nargs=2, default=["2019", "2023"])
    parser.add_argument("--question", default="What did Ofsted say about supervision in 2019, and has it improved?")
    parser.add_argument("--dataset", type=Path, help="a small Q&A file for the Evaluate tab")
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
            page.locator("#question textarea").fill(args.question)
            page.locator("#ask").click()
            page.locator("#sources details").first.wait_for(timeout=60000)
            page.wait_for_timeout(2000)
            page.evaluate("document.querySelectorAll('.bubble-wrap').forEach(e => e.scrollTop = 0)")  # the question too
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / "app-answer.png"), full_page=True)

            page.get_by_role("tab", name="Timeline").click()
            page.get_by_label("Local authority").first.fill(args.authority)
            page.keyboard.press("Enter")
            page.wait_for_function("a => document.body.innerText.includes(a + ':')", arg=args.authority,
                                   timeout=30000)
            page.wait_for_timeout(2500)
            page.screenshot(path=str(args.out / "timeline.png"), full_page=True)

            page.get_by_role("tab", name="Prepare").click()
            page.locator("#p-theme textarea").fill(args.theme)
            page.locator("#p-left textarea").fill(args.years[0])
            page.locator("#p-right textarea").fill(args.years[1])
            page.locator("#compare").click()
            page.wait_for_function("() => document.querySelector('#prepare-right').innerText.includes('Sources') || "
                                   "document.querySelector('#prepare-right').innerText.includes('Closest')",
                                   timeout=120000)
            page.wait_for_timeout(2000)
            page.screenshot(path=str(args.out / "compare.png"), full_page=True)
            page.locator("#scrutiny").click()
            page.wait_for_function("() => document.querySelector('#prepare-left').innerText.includes('Questions for')",
                                   timeout=120000)
            page.wait_for_timeout(2000)
            page.screenshot(path=str(args.out / "scrutiny.png"), full_page=True)

            if args.dataset:
                page.get_by_role("tab", name="Evaluate").click()
                page.locator("#e-file input[type=file]").set_input_files(str(args.dataset))
                page.wait_for_timeout(2000)
                page.locator("#e-run").click()
                page.wait_for_function("() => document.querySelector('#e-summary').innerText.includes('Per kind')",
                                       timeout=600000)
                page.wait_for_timeout(2500)
                page.screenshot(path=str(args.out / "evaluate.png"), full_page=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"wrote app-answer.png, timeline.png, compare.png, scrutiny.png{', evaluate.png' if args.dataset else ''} in {args.out}")


if __name__ == "__main__":
    main()
