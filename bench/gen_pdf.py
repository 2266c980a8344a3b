#!/usr/bin/env python3
"""Writes a PDF of text pages (Helvetica, FlateDecode content streams, 60 lines of 90 characters a page)
from the ASCII characters of a text file (repeated if it is too short), until the file reaches about MB megabytes (10^6 bytes):
a text-dense PDF for bench/large_docs.sh. No library needed.

Usage: gen_pdf.py TEXT_FILE OUT.pdf MB
"""
import sys, zlib, textwrap
src, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
text = open(src, encoding="utf-8").read()
# ASCII only (standard font), lines of 90 characters, 60 lines a page
text = text.encode("ascii", "ignore").decode()
need = int(mb * 1e6 * 3)
if len(text) < need:
    # A PDF larger than the text allows (about 1.9 characters of text a byte of PDF): the text again, as often as needed.
    text = (text + " ") * (need // (len(text) + 1) + 1)
lines = textwrap.wrap(text[:need], 90)
page_objs = []
limit = mb * 1e6
size = 0
i = 0
while i < len(lines) and size < limit:
    chunk = lines[i:i+60]; i += 60
    ops = ["BT /F1 9 Tf 40 800 Td 11 TL"]
    for l in chunk:
        l = l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({l}) '")
    ops.append("ET")
    raw = zlib.compress("\n".join(ops).encode("latin-1"))
    size += len(raw) + 200
    page_objs.append(raw)
n_pages = len(page_objs)
# layout: 1 font, 2 pages, 3 catalog, then per page: content, page
objects = {1: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}
kid_ids = []
next_id = 4
for raw in page_objs:
    cid, pid = next_id, next_id + 1; next_id += 2
    objects[cid] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"
    objects[pid] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % cid
    kid_ids.append(pid)
objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kid_ids) + b"] /Count %d >>" % n_pages
objects[3] = b"<< /Type /Catalog /Pages 2 0 R >>"
with open(out, "wb") as f:
    f.write(b"%PDF-1.4\n")
    offsets = {}
    for k in sorted(objects):
        offsets[k] = f.tell()
        f.write(b"%d 0 obj\n" % k + objects[k] + b"\nendobj\n")
    xref = f.tell()
    f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (next_id))
    for k in range(1, next_id):
        f.write(b"%010d 00000 n \n" % offsets[k])
    f.write(b"trailer\n<< /Size %d /Root 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (next_id, xref))
print(n_pages, "pages")
