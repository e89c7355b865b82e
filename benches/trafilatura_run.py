#!/usr/bin/env python3
"""Runs Python trafilatura over the article benchmark, one thread, and times extraction alone.

Usage: trafilatura_run.py HTML_DIR OUT_DIR [--fast]

Every page (<id>.html.gz) is read and gunzipped first; then only `trafilatura.extract` is timed.
Writes OUT_DIR/<id>.txt and prints `trafilatura <version>: N pages in S s: P pages/s` on stdout.
"""

import gzip
import sys
import time
from pathlib import Path

import trafilatura


def main():
    html_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    fast = "--fast" in sys.argv[3:]
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = []
    for path in sorted(html_dir.glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        pages.append((page_id, gzip.decompress(path.read_bytes()).decode("utf-8")))
    texts = {}
    started = time.perf_counter()
    for page_id, html in pages:
        texts[page_id] = trafilatura.extract(html, fast=fast) or ""
    seconds = time.perf_counter() - started
    for page_id, text in texts.items():
        (out_dir / f"{page_id}.txt").write_text(text + "\n", encoding="utf-8")
    label = "trafilatura --fast" if fast else "trafilatura"
    print(
        f"{label} {trafilatura.__version__}: {len(pages)} pages in {seconds:.3f} s: "
        f"{len(pages) / seconds:.0f} pages/s"
    )


if __name__ == "__main__":
    main()
