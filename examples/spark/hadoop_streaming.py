#!/usr/bin/env python3
"""figmine's map and reduce steps as a Hadoop Streaming mapper and reducer.

Hadoop Streaming sorts the mapper's output by the text before the first TAB and gives each
reducer whole groups of equal keys; figmine's tagged records are plain JSON lines, so this wraps
the two commands:

    map:     map input lines  -> figmine extract --stdin -> "KEY<TAB>tagged record"
    reduce:  "KEY<TAB>tagged record", grouped by KEY  -> figmine reconcile
             -> {"table": "dataset" | "findings", "row": {...}} lines

KEY is the JSON array [entity, quantity, period] for a figure record (what the reducer keys its
state on, so every figure of a dataset row meets in one reducer) and ["article", id] for the
other records. JSON escapes TABs inside strings, so the first TAB of a line is always the
separator. Usage (figmine at the same absolute path on every node, or shipped with -files):

    hadoop jar hadoop-streaming.jar -files hadoop_streaming.py,figmine \\
        -input IN -output OUT \\
        -mapper "python3 hadoop_streaming.py map --figmine ./figmine" \\
        -reducer "python3 hadoop_streaming.py reduce --figmine ./figmine"

Locally, the same pipeline is: map < in.jsonl | LC_ALL=C sort | reduce.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def key_of(record_line):
    """The shuffle key of one tagged record line."""
    row = json.loads(record_line)
    if row.get("type") == "figure":
        key = [row.get("entity"), row.get("quantity"), row.get("period")]
    else:
        key = ["article", row.get("id") or row.get("article")]
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


def run_map(figmine, stdin, stdout):
    """Runs `figmine extract --stdin` over standard input and keys its records."""
    child = subprocess.Popen([figmine, "extract", "--stdin"], stdin=stdin, stdout=subprocess.PIPE)
    for raw in child.stdout:
        line = raw.decode("utf-8").rstrip("\n")
        if line:
            stdout.write(f"{key_of(line)}\t{line}\n")
    if child.wait() != 0:
        sys.exit(f"hadoop_streaming.py map: figmine extract exited with {child.returncode}")


def run_reduce(figmine, stdin, stdout):
    """Drops the keys and reduces the records with `figmine reconcile`.

    Hadoop gives a reducer several whole groups; figmine reconcile's result does not depend on
    the order or split of its input, so it can take them all at once."""
    out = tempfile.mkdtemp(prefix="figmine-reduce-")
    try:
        child = subprocess.Popen([figmine, "reconcile", "--quiet", "--out", out, "-"], stdin=subprocess.PIPE)
        for line in stdin:
            record = line.rstrip("\n").split("\t", 1)[-1]
            if record:
                child.stdin.write(record.encode("utf-8") + b"\n")
        child.stdin.close()
        if child.wait() != 0:
            sys.exit(f"hadoop_streaming.py reduce: figmine reconcile exited with {child.returncode}")
        for table in ("dataset", "findings"):
            with open(os.path.join(out, f"{table}.jsonl"), encoding="utf-8") as f:
                for row in f:
                    stdout.write(json.dumps({"table": table, "row": json.loads(row)}, ensure_ascii=False) + "\n")
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("step", choices=["map", "reduce"])
    p.add_argument("--figmine", default="figmine", help="the figmine binary (default: figmine on PATH)")
    args = p.parse_args(argv)
    stdout = sys.stdout
    if args.step == "map":
        run_map(args.figmine, sys.stdin.buffer, stdout)
    else:
        run_reduce(args.figmine, sys.stdin, stdout)
    stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
