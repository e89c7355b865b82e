#!/usr/bin/env python3
"""figmine under Apache Spark: the map step and the reduce step of figmine as one PySpark job.

    map     input lines --RDD.pipe(figmine extract --stdin)--> tagged records
    load    spark.read.json(tagged records)                   --> a DataFrame of every record
    reduce  figure records, partitioned by (entity, measure, period),
            each partition through `figmine reconcile`        --> dataset rows, corpus findings
    write   OUT/dataset.parquet, OUT/dataset.csv, OUT/dataset.json, OUT/findings.json, OUT/errors.json

Usage (see README.md next to this file):

    python3 job.py --figmine /abs/path/to/figmine --out OUT [--partitions N] INPUT...
    python3 job.py --figmine /abs/path/to/figmine --out OUT --warc FILE.warc.gz...

INPUT is any path Spark's textFile reads (files, folders, globs, .gz) of map input lines
({"id", "url", "html"} or {"id", "url", "text"}, optional "title" and "published"). With --warc
the inputs are WARC files on a file system every executor sees; each becomes one partition that
`figmine warc2jsonl` turns into map input lines.

The figmine binary must exist at the same absolute path on every executor: RDD.pipe starts it
with an empty environment (no PATH), so a bare "figmine" would not be found.
"""

import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

# Binds the driver to loopback when nothing else is said, which local mode needs on machines whose
# host name does not resolve; a cluster sets its own.
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

from pyspark.sql import SparkSession  # noqa: E402  (after SPARK_LOCAL_IP on purpose)
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql.types import (  # noqa: E402
    ArrayType,
    BooleanType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The fields of a figure record the reducer keys its state on (with "kind"); partitioning on them
# sends every figure of a dataset row to the same reducer.
KEY_FIELDS = ("entity", "quantity", "period")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Run figmine's map and reduce steps under Spark.")
    p.add_argument("inputs", nargs="+", help="map input lines (files, folders, globs) or, with --warc, WARC files")
    p.add_argument("--figmine", required=True, help="absolute path of the figmine binary on every executor")
    p.add_argument("--out", required=True, help="output folder (its dataset.* folders are replaced)")
    p.add_argument("--warc", action="store_true", help="the inputs are WARC files")
    p.add_argument("--partitions", type=int, default=0, help="map partitions (default: Spark's parallelism)")
    p.add_argument("--reduce-partitions", type=int, default=0, help="reduce partitions (default: as --partitions)")
    p.add_argument("--master", default=None, help="Spark master when not run by spark-submit (default local[2])")
    args = p.parse_args(argv)
    if not os.path.isabs(args.figmine) or not os.access(args.figmine, os.X_OK):
        p.error(f"--figmine must be the absolute path of an executable, not {args.figmine!r}")
    return args


def session(master):
    builder = SparkSession.builder.appName("figmine")
    if master or "SPARK_MASTER" not in os.environ and not os.environ.get("PYSPARK_SUBMIT_ARGS"):
        builder = builder.master(master or "local[2]")
    # Few, small shuffles: the default 200 shuffle partitions would only add task overhead.
    spark = (
        builder.config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def input_lines(sc, args):
    """The map input as an RDD of JSON lines."""
    if not args.warc:
        return sc.textFile(",".join(args.inputs), minPartitions=args.partitions or None)
    paths = sorted({os.path.abspath(p) for pattern in args.inputs for p in glob.glob(pattern)})
    if not paths:
        sys.exit(f"job.py: no WARC file matches {args.inputs}")
    figmine = args.figmine

    def warc_to_lines(files):
        for path in files:
            yield from run_checked([figmine, "warc2jsonl", "--quiet", path], stdin_lines=None)

    return sc.parallelize(paths, len(paths)).mapPartitions(warc_to_lines)


def run_checked(command, stdin_lines):
    """Runs a command over some lines and returns its standard output's lines; raises (failing the
    task, which Spark retries) when it exits non-zero, as RDD.pipe(checkCode=True) does."""
    with tempfile.TemporaryFile() as stdin:
        for line in stdin_lines or ():
            stdin.write(line.encode("utf-8") + b"\n")
        stdin.seek(0)
        done = subprocess.run(command, stdin=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{shlex.join(command)} exited with {done.returncode}: {done.stderr.decode()[-2000:]}")
    return done.stdout.decode("utf-8").splitlines()


def figure_key(line):
    """The reduce key of a tagged record line (None parts for records that have none)."""
    row = json.loads(line)
    return tuple(row.get(k) for k in KEY_FIELDS)


def reduce_partitions(figures, figmine, partitions):
    """Figure record lines, grouped by key into partitions, each reduced by `figmine reconcile`.

    `figmine reconcile` writes files, so each partition gets a scratch folder; its output does
    not depend on the order or the split of its input, and a key never spans two partitions, so
    the union of the partitions' datasets is the corpus dataset."""

    def reconcile(lines):
        with tempfile.TemporaryDirectory(prefix="figmine-reduce-") as out:
            run_checked([figmine, "reconcile", "--quiet", "--out", out, "-"], stdin_lines=lines)
            for name in ("dataset", "findings"):
                with open(os.path.join(out, f"{name}.jsonl"), encoding="utf-8") as f:
                    for line in f:
                        yield json.dumps({"table": name, "row": json.loads(line)}, ensure_ascii=False)

    keyed = figures.map(lambda line: (figure_key(line), line))
    grouped = keyed.partitionBy(partitions).values()
    return grouped.mapPartitions(reconcile)


# The fields of the map step's tagged records the job reads as columns.
RECORD_SCHEMA = StructType([StructField("type", StringType()), StructField("id", StringType()), StructField("error", StringType())])

# The dataset row contract (README "Output"), given rather than inferred: one pass less, and the
# same column types whatever the rows hold.
DATASET_SCHEMA = StructType(
    [
        StructField("entity", StringType()),
        StructField("measure", StringType()),
        StructField("period", StringType()),
        StructField("kind", StringType()),
        StructField("value", DoubleType()),
        StructField("articles", LongType()),
        StructField("sources", ArrayType(StringType())),
        StructField("conflict", BooleanType()),
    ]
)


def rows_of(reduced, table):
    """The JSON rows of one table of the reducers' output."""
    return reduced.map(json.loads).filter(lambda r: r["table"] == table).map(lambda r: json.dumps(r["row"], ensure_ascii=False))


def write_dataset(spark, out, reduced):
    """Writes the dataset as Parquet, CSV and JSON lines (Spark output folders of one part file
    each, sorted by entity, measure, period and kind)."""
    dataset = spark.read.schema(DATASET_SCHEMA).json(rows_of(reduced, "dataset"))
    # One partition: the dataset has one row per (entity, measure, period), far fewer than figures.
    dataset = dataset.coalesce(1).sortWithinPartitions("entity", "measure", "period", "kind").persist()
    dataset.write.mode("overwrite").parquet(os.path.join(out, "dataset.parquet"))
    dataset.write.mode("overwrite").json(os.path.join(out, "dataset.json"))
    # CSV has no arrays: the sources become one ";"-separated field.
    flat = dataset.withColumn("sources", F.concat_ws(";", "sources"))
    flat.write.mode("overwrite").option("header", True).csv(os.path.join(out, "dataset.csv"))
    return dataset.count()


def write_lines(spark, lines, path):
    """Writes an RDD of lines as one text part file (replacing what was there, on any file system)."""
    frame = spark.createDataFrame(lines.map(lambda s: (s,)), "value string")
    frame.coalesce(1).write.mode("overwrite").text(path)


def write_findings_and_errors(spark, out, reduced, records, records_df):
    """Writes the findings (per article from the map step, corpus-level from the reducers) as the
    JSON lines figmine writes, and the inputs that failed as {"id", "error"} lines."""
    article_findings = records.filter(lambda s: s.startswith('{"type":"finding"'))
    findings = rows_of(reduced, "findings").union(article_findings)
    write_lines(spark, findings, os.path.join(out, "findings.json"))
    errors = records_df.where(F.col("type") == "error").select("id", "error")
    errors.coalesce(1).write.mode("overwrite").json(os.path.join(out, "errors.json"))


class Laps:
    """Wall time per phase, for the summary line."""

    def __init__(self):
        self.last = time.monotonic()
        self.laps = []

    def lap(self, name):
        now = time.monotonic()
        self.laps.append((name, now - self.last))
        self.last = now

    def __str__(self):
        total = sum(t for _, t in self.laps)
        return f"{total:.1f} s (" + ", ".join(f"{name} {t:.1f} s" for name, t in self.laps) + ")"


def main(argv):
    args = parse_args(argv)
    laps = Laps()
    spark = session(args.master)
    sc = spark.sparkContext
    laps.lap("session")
    lines = input_lines(sc, args)
    # checkCode: without it a crashed figmine would look like a partition with fewer records.
    records = lines.pipe(shlex.join([args.figmine, "extract", "--stdin"]), checkCode=True)
    # Read several times (counts, reduce, findings), so kept rather than extracted again.
    records = records.persist()
    # Only the columns the job uses: no schema inference pass over every article's text.
    records_df = spark.read.json(records, schema=RECORD_SCHEMA).persist()
    counts = {r["type"]: r["count"] for r in records_df.groupBy("type").count().collect()}
    laps.lap("map")
    figures = records.filter(lambda s: s.startswith('{"type":"figure"'))
    reduce_n = args.reduce_partitions or lines.getNumPartitions()
    reduced = reduce_partitions(figures, args.figmine, reduce_n).persist()
    rows = reduced.filter(lambda s: s.startswith('{"table": "dataset"')).count()
    laps.lap("reduce")
    write_dataset(spark, args.out, reduced)
    write_findings_and_errors(spark, args.out, reduced, records, records_df)
    laps.lap("write")
    print(
        f"figmine under Spark: {counts.get('article', 0)} articles, {counts.get('error', 0)} failed inputs, "
        f"{counts.get('figure', 0)} figures, {rows} dataset rows; {lines.getNumPartitions()} map and "
        f"{reduce_n} reduce partitions; {laps}; written to {args.out}"
    )
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
