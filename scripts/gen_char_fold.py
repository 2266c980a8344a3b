#!/usr/bin/env python3
"""Generates the character folding table of the counting rules (docs/counting-rules.md, rule 0).

    cd /tmp && npm pack opencc-js@1.4.2
    python3 scripts/gen_char_fold.py /tmp/opencc-js-1.4.2.tgz

writes src/CommonProsperity.Nlp/Resources/char-fold.tsv, embedded in the library.

Each line maps one character to one character, so that folding never changes a text's length and
offsets into the folded text are offsets into the original. Sources, applied in this order and
repeated until nothing changes (a chain such as 薴 -> 苧 -> 苎 ends at its last character):
  1. NFKC (Python's unicodedata) where a character's NFKC form is one character: full-width and
     half-width forms (ＧＤＰ -> GDP, ２０２１ -> 2021), Kangxi radicals (U+2F00-2FD5) and CJK
     compatibility ideographs to unified ideographs, and the like. NFKC forms of more than one
     character (ligatures such as ﬁ, ㈱) are left out: they would change the length.
  2. Unicode's EquivalentUnifiedIdeograph.txt (Debian package unicode-data): CJK radicals supplement
     characters (U+2E80-2EF3, such as ⺠) and CJK strokes that NFKC leaves alone, to the unified
     ideograph they look like.
  3. OpenCC's HKVariantsRev and TWVariantsRev (Hong Kong and Taiwan variant forms to OpenCC's
     standard traditional form), then OpenCC's TSCharacters (traditional to simplified, one
     character each; opencc-js keeps the first candidate), from the npm package opencc-js.
A mapping between a character of the Basic Multilingual Plane and one beyond it (UTF-16 length 1
vs 2) is left out for the same reason; the count is written in the header.
"""
import io
import json
import os
import sys
import tarfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "CommonProsperity.Nlp", "Resources", "char-fold.tsv")
RADICALS = "/usr/share/unicode/EquivalentUnifiedIdeograph.txt"
OPENCC_DICTS = ["HKVariantsRev", "TWVariantsRev", "TSCharacters"]


def read_package(path):
    """The opencc-js package's version and its dictionaries (name -> {source: target})."""
    files = {}
    if os.path.isdir(path):
        for name in ["package.json"] + [f"dist/esm-lib/dict/{d}.js" for d in OPENCC_DICTS]:
            with open(os.path.join(path, name), encoding="utf-8") as f:
                files[name] = f.read()
    else:
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if name == "package.json" or any(name == f"dist/esm-lib/dict/{d}.js" for d in OPENCC_DICTS):
                    files[name] = tar.extractfile(member).read().decode("utf-8")
    version = json.loads(files["package.json"])["version"]
    dicts = {}
    for d in OPENCC_DICTS:
        text = files[f"dist/esm-lib/dict/{d}.js"]
        body = text[text.index('"') + 1:text.rindex('"')]
        table = {}
        for entry in body.split("|"):
            source, target = entry.split(" ")[:2]
            if len(source) == 1 and len(target) == 1:
                table[source] = target
        dicts[d] = table
    return version, dicts


def read_radicals():
    """Radicals and strokes -> unified ideograph, from EquivalentUnifiedIdeograph.txt, and its version line."""
    table, version = {}, "?"
    with open(RADICALS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# EquivalentUnifiedIdeograph-"):
                version = line[2:].strip()
            line = line.split("#")[0].strip()
            if not line:
                continue
            source, target = [x.strip() for x in line.split(";")]
            first, _, last = source.partition("..")
            for code in range(int(first, 16), int(last or first, 16) + 1):
                table[chr(code)] = chr(int(target, 16))
    return version, table


def utf16_length(c):
    return 2 if ord(c) > 0xFFFF else 1


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_char_fold.py OPENCC_JS_TGZ_OR_DIR (get it with: npm pack opencc-js@1.4.2)")
    opencc_version, dicts = read_package(sys.argv[1])
    radicals_version, radicals = read_radicals()

    def step(c):
        """One round of the sources; returns (character, source names used)."""
        used = []
        n = unicodedata.normalize("NFKC", c)
        if len(n) == 1 and n != c:
            c, used = n, used + ["nfkc"]
        elif c in radicals and radicals[c] != c:
            c, used = radicals[c], used + ["radical"]
        for d, tag in (("HKVariantsRev", "hk-variant"), ("TWVariantsRev", "tw-variant"), ("TSCharacters", "t2s")):
            t = dicts[d].get(c)
            if t is not None and t != c:
                c, used = t, used + [tag]
        return c, used

    rows, skipped = [], 0
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        target, sources = c, []
        for _ in range(8):
            nxt, used = step(target)
            if nxt == target:
                break
            target, sources = nxt, sources + [u for u in used if u not in sources]
        else:
            sys.exit(f"no fixed point for U+{code:04X}")
        if target == c:
            continue
        if utf16_length(c) != utf16_length(target):
            skipped += 1
            continue
        rows.append((c, target, "+".join(sources)))

    # The table must be idempotent: folding a folded character changes nothing.
    folded = {a: b for a, b, _ in rows}
    for a, b, _ in rows:
        assert folded.get(b, b) == b, f"not idempotent at U+{ord(a):04X}"

    out = io.StringIO()
    out.write("# Character folding of the counting rules (docs/counting-rules.md). Generated by scripts/gen_char_fold.py: do not edit.\n")
    out.write(f"# NFKC: Python {sys.version.split()[0]} unicodedata, Unicode {unicodedata.unidata_version}\n")
    out.write(f"# Radicals and strokes: {radicals_version} (Debian unicode-data, {RADICALS})\n")
    out.write(f"# OpenCC: npm opencc-js {opencc_version}, dictionaries {', '.join(OPENCC_DICTS)} (Apache-2.0)\n")
    out.write(f"# {len(rows)} mappings; {skipped} left out because they would change the UTF-16 length.\n")
    out.write("# from\tto\tsources\tcharacters\n")
    for a, b, why in rows:
        shown = f"{a}→{b}" if unicodedata.category(a)[0] not in "CZM" and unicodedata.category(b)[0] not in "CZM" else ""
        out.write(f"{ord(a):04X}\t{ord(b):04X}\t{why}\t{shown}\n")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(out.getvalue())
    print(f"wrote {OUT}: {len(rows)} mappings, {skipped} left out")


if __name__ == "__main__":
    main()
