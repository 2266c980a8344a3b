#!/usr/bin/env python3
"""Generates the partial results of a large sharded run, for timing `cpnlp merge` (bench/merge.sh).

Running `analyze --shard I/N` on a 10 GB corpus a thousand times is not what the merge benchmark is
about, so the shards are made from one real shard: a template folder written by
`cpnlp analyze SMALL_CORPUS --shard 0/1` (its lexicon, options, document records and evidence rows).
The synthetic corpus has as many files as it takes to reach --gb gigabytes of input (the template's
documents, each file a copy of one of them, with its own path and a made-up SHA-256); each file goes
to the shard its path hashes to, exactly as `analyze --shard` assigns it; every shard gets the
template's header with its own inputs and totals, its documents' records (file index and id
changed), their evidence rows (the template document's rows, as bytes) and the checksums. The result
passes every check of `merge` (checksums, fingerprints, numbers that add up), so the merge does all
of its work. The evidence rows keep the template's document ids (nothing in a merge reads them).

The run's list of input files is the same in every shard; in format 4 (partial_files.jsonl) it is
written once and hard-linked into each shard (same bytes, no disk space per shard). --format 3 writes
the layout before it (the list inside partial.json) for timing the older merge; --format 5 (the
default) is format 4 with a document's numbers (tokens, words, sentences) in one object, as the
template written by the current build has them.

Usage: gen_shards.py --template DIR --out DIR [--shards 1000] [--gb 10] [--format 5|4|3]
"""

import argparse
import hashlib
import json
import os
import shutil
import struct
import sys
import time


def stable_shard(path, count):
    """ShardSpec.StableHash: the first 8 bytes of the SHA-256 of the UTF-8 path, little-endian, modulo the count."""
    return struct.unpack("<Q", hashlib.sha256(path.encode("utf-8")).digest()[:8])[0] % count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--template", required=True, help="a folder written by cpnlp analyze ... --shard 0/1")
    parser.add_argument("--out", required=True)
    parser.add_argument("--shards", type=int, default=1000)
    parser.add_argument("--gb", type=float, default=10.0, help="input bytes of the simulated corpus, in 10^9")
    parser.add_argument("--format", type=int, default=5, choices=[3, 4, 5])
    args = parser.parse_args()

    started = time.time()
    header = json.load(open(os.path.join(args.template, "partial.json"), encoding="utf-8"))
    lines = open(os.path.join(args.template, "partial_documents.jsonl"), encoding="utf-8").read().splitlines()
    evidence = open(os.path.join(args.template, "partial_evidence.csv"), "rb").read()
    records = [json.loads(line) for line in lines]
    inputs = {i["file"]: i for i in header["inputs"]}
    if any(inputs[r["file"]]["documents"] != 1 for r in records):
        sys.exit("the template must have one document per file (a folder of .txt files)")

    # Each template document: its record, its input record and the bytes of its evidence rows.
    preamble_end = len(evidence) - sum(r["evidence_bytes"] for r in records)
    preamble = evidence[:preamble_end]
    templates = []
    at = preamble_end
    for r in records:
        templates.append((r, inputs[r["file"]], evidence[at:at + r["evidence_bytes"]]))
        at += r["evidence_bytes"]

    target = int(args.gb * 1e9)
    files = []  # (path, sha256, template index)
    total = 0
    while total < target:
        t = len(files) % len(templates)
        path = f"docs/{len(files) // 1000:05d}/doc_{len(files):08d}.txt"
        files.append((path, hashlib.sha256(path.encode("utf-8")).hexdigest(), t))
        total += templates[t][1]["bytes"]

    fingerprint = hashlib.sha256()
    listing = bytearray()
    for path, sha, _ in files:
        fingerprint.update(f"{path}\t{sha}\n".encode("utf-8"))
        listing += json.dumps([path, sha], ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"

    by_shard = [[] for _ in range(args.shards)]
    for index, (path, _, _) in enumerate(files):
        by_shard[stable_shard(path, args.shards)].append(index)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    shared_listing = os.path.join(args.out, "partial_files.jsonl")
    if args.format >= 4:
        with open(shared_listing, "wb") as handle:
            handle.write(listing)

    evidence_total = 0
    for shard in range(args.shards):
        folder = os.path.join(args.out, f"shard-{shard:04d}")
        os.makedirs(folder)
        shard_inputs, tokens, characters = [], 0, 0
        with open(os.path.join(folder, "partial_documents.jsonl"), "wb") as docs, open(os.path.join(folder, "partial_evidence.csv"), "wb") as ev:
            ev.write(preamble)
            for index in by_shard[shard]:
                path, sha, t = files[index]
                record, input_record, rows = templates[t]
                record = dict(record, file=index, id=path)
                docs.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
                ev.write(rows)
                evidence_total += len(rows)
                shard_inputs.append(dict(input_record, file=index, path=path, sha256=sha))
                tokens += record["numbers"]["tokens"] if "numbers" in record else record["tokens"]
                characters += record["characters"]

        h = dict(header)
        h["format"] = f"cpnlp-partial/{args.format}"
        h["shard"] = {"index": shard, "count": args.shards}
        h["options"] = dict(header["options"], out=folder, shard=f"{shard}/{args.shards}")
        h["files"] = {"count": len(files), "sha256": fingerprint.hexdigest()}
        if args.format == 3:
            h["files"]["list"] = [[path, sha] for path, sha, _ in files]
        h["skipped"], h["warnings"], h["listing_skipped"] = [], [], []
        h["inputs"] = shard_inputs
        h["documents"], h["tokens"], h["characters"] = len(shard_inputs), tokens, characters
        with open(os.path.join(folder, "partial.json"), "w", encoding="utf-8") as handle:
            json.dump(h, handle, ensure_ascii=False, indent=2)
        if args.format >= 4:
            os.link(shared_listing, os.path.join(folder, "partial_files.jsonl"))

        with open(os.path.join(folder, "partial.sha256"), "w", encoding="utf-8") as handle:
            for name in ("partial.json", "partial_documents.jsonl", "partial_evidence.csv"):
                digest = hashlib.sha256()
                with open(os.path.join(folder, name), "rb") as f:
                    while chunk := f.read(1 << 20):
                        digest.update(chunk)
                handle.write(f"{digest.hexdigest()}  {name}\n")

    print(f"{args.shards} shards of {len(files):,} files, {total / 1e9:.2f} GB of input, "
          f"{evidence_total / 1e9:.2f} GB of evidence rows, in {args.out} ({time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
