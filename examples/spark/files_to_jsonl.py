#!/usr/bin/env python3
"""Turns folders of .txt and .html articles into the map input of `figmine extract --stdin`.

One JSON object a line, with the same ids `figmine run` gives: the path relative to the folder.
An `.html` file becomes {"id", "html"}; a `.txt` file becomes {"id", "title", "text"}, its first
non-blank line as the title and the rest as the text, which figmine reads exactly like the file
(header lines such as `Published:` may follow the headline after blank lines). Gzipped files
(`.txt.gz`, `.html.gz`) are read too. Files that are not UTF-8 are skipped with a message on
standard error, since a JSON line holds text, not bytes.

    python3 files_to_jsonl.py corpus/ > corpus.jsonl
"""

import gzip
import json
import os
import sys

SUFFIXES = (".txt", ".html", ".htm")


def article_files(root):
    """(relative id, path) of every article under `root`, sorted like figmine's walk."""
    if os.path.isfile(root):
        yield os.path.basename(root), root
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            plain = name[:-3] if name.endswith(".gz") else name
            if plain.lower().endswith(SUFFIXES):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, root), path


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8")


def map_line(article_id, path):
    """The map input object for one file."""
    content = read_text(path)
    plain = path[:-3] if path.endswith(".gz") else path
    if not plain.lower().endswith(".txt"):
        return {"id": article_id, "html": content}
    lines = content.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return {"id": article_id, "text": ""}
    return {"id": article_id, "title": lines[0], "text": "\n".join(lines[1:])}


def main(roots):
    out = sys.stdout
    for root in roots:
        for article_id, path in article_files(root):
            try:
                line = map_line(article_id, path)
            except (OSError, UnicodeDecodeError) as e:
                print(f"files_to_jsonl: skipping {path}: {e}", file=sys.stderr)
                continue
            out.write(json.dumps(line, ensure_ascii=False))
            out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: files_to_jsonl.py FOLDER_OR_FILE... > input.jsonl")
    main(sys.argv[1:])
