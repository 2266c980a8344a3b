// cpnlp report pages: helpers shared by every command's page.
// Every element is built with createElement and textContent, never from markup, so no text from a
// document or its metadata can become HTML or script.
"use strict";

const DATA = JSON.parse(document.getElementById("report-data").textContent);

/** An element: h("td", { className: "num", title: "..." }, "text", childElement, ...). */
function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "className") element.className = value;
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A whole number with thousands separators, for prose (tables show numbers as the CSV writes them). */
function thousands(n) {
  return Number(n).toLocaleString("en-US");
}

/** A count with its noun, singular for one: "1 document", "2,938 documents". */
function counted(n, noun) {
  return thousands(n) + " " + noun + (Number(n) === 1 ? "" : "s");
}

/** A rate as the CSV writes it: four decimals. */
function rate(x) {
  return Number(x).toFixed(4);
}

/**
 * A statistic or p-value as the CSV writes it (.NET's "G6"): six significant digits, trailing zeros
 * dropped, and scientific notation with a capital E and a two-digit exponent (1.23457E-05) when the
 * exponent is below -4 or above 5.
 */
function precise(x) {
  const v = Number(x);
  if (!Number.isFinite(v) || v === 0) return String(v);
  const [mantissa, exponentText] = v.toExponential(5).split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const digits = mantissa.replace(/\.?0+$/, "");
    return digits + "E" + (exponent < 0 ? "-" : "+") + String(Math.abs(exponent)).padStart(2, "0");
  }
  return String(Number(v.toPrecision(6)));
}

/** A table of the data as { columns, rows } with the named column's index. */
function column(table, name) {
  const index = table.columns.indexOf(name);
  if (index < 0) throw new Error("the report has no column " + name);
  return index;
}

/** Adds a section with a heading to the page and a link to it in the navigation. */
function section(id, title) {
  const heading = h("h2", { id }, title);
  const body = h("section", { "aria-labelledby": id }, heading);
  document.getElementById("main").append(body);
  document.getElementById("nav").append(h("a", { href: "#" + id }, title));
  return body;
}

/** "first to last of total" with previous/next buttons; calls show(page) when the page changes. */
function pager(count, size, show) {
  const box = h("div", { className: "pager" });
  let page = 0;
  const pages = () => Math.max(1, Math.ceil(count() / size));
  const draw = () => {
    const total = count();
    page = Math.min(page, pages() - 1);
    const first = total === 0 ? 0 : page * size + 1;
    const last = Math.min(total, (page + 1) * size);
    box.replaceChildren(
      h("button", { type: "button", onclick: () => { page--; draw(); } }, "previous"),
      first + "–" + last + " of " + thousands(total),
      h("button", { type: "button", onclick: () => { page++; draw(); } }, "next"));
    box.firstChild.disabled = page === 0;
    box.lastChild.disabled = page >= pages() - 1;
    show(page * size, Math.min(total, (page + 1) * size));
  };
  return { element: box, draw, reset: () => { page = 0; draw(); } };
}

/**
 * A table with sortable columns, a filter box per text column, and pages.
 * columns: [{ label, value(row) -> string|number, num, filter, cell(row) -> td, className }]
 */
function dataTable(columns, rows, options) {
  const size = (options && options.pageSize) || 200;
  let shown = rows.slice();
  let sortBy = -1;
  let descending = false;
  const filters = columns.map(() => "");
  const tbody = h("tbody");
  const header = h("tr", {}, columns.map((c, i) => {
    const th = h("th", { className: "sortable" + (c.num ? " num" : "") + (c.className ? " " + c.className : ""), scope: "col", tabindex: "0", title: c.title || "sort by " + c.label }, c.label);
    const sort = () => {
      descending = sortBy === i ? !descending : !!c.num;
      sortBy = i;
      header.querySelectorAll("th").forEach(x => x.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      apply();
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", e => { if (e.key === "Enter") sort(); });
    return th;
  }));
  const filterRow = h("tr", { className: "filters" }, columns.map((c, i) => h("th", {}, c.filter
    ? h("input", { type: "search", placeholder: "filter", "aria-label": "filter " + c.label, oninput: e => { filters[i] = e.target.value.toLowerCase(); apply(); } })
    : null)));
  const pages = pager(() => shown.length, size, (from, to) => {
    tbody.replaceChildren(...shown.slice(from, to).map(row => h("tr", {}, columns.map(c => c.cell ? c.cell(row) : h("td", { className: c.num ? "num" : "" }, c.value(row))))));
  });
  function apply() {
    shown = rows.filter(row => columns.every((c, i) => !filters[i] || String(c.value(row)).toLowerCase().includes(filters[i])));
    if (sortBy >= 0) {
      const c = columns[sortBy];
      const order = descending ? -1 : 1;
      shown.sort((a, b) => {
        const x = c.value(a), y = c.value(b);
        return order * (c.num ? x - y : String(x).localeCompare(String(y)));
      });
    }
    pages.reset();
  }
  const table = h("table", options && options.className ? { className: options.className } : {}, h("thead", {}, header, filterRow), tbody);
  apply();
  return h("div", {}, h("div", { className: "scroll" }, table), pages.element);
}

/** Horizontal bars: [{ label, value, text, second?, secondText? }] scaled to the largest value; kind "under" draws them in the second colour. */
function bars(items, kind) {
  const max = Math.max(1e-9, ...items.map(i => Math.max(i.value, i.second || 0)));
  const grid = h("div", { className: "bars", role: "list" });
  for (const item of items) {
    const bar = h("div", { className: kind === "under" ? "bar under" : "bar", title: item.text });
    bar.style.width = (100 * item.value / max) + "%";
    const track = h("div", {}, bar);
    if (item.second !== undefined) {
      const second = h("div", { className: "bar second", title: item.secondText });
      second.style.width = (100 * item.second / max) + "%";
      track.append(second);
    }
    grid.append(h("div", { role: "listitem" }, item.label), track, h("div", { className: "num" }, item.text));
  }
  return grid;
}

/** The run at a glance: totals, lexicon and fingerprint, skipped files and warnings, the input files. */
function drawRun(run, themes, tool) {
  const box = section("run", "The run");
  const lexicon = run.lexicon;
  box.append(h("dl", { className: "facts" },
    h("dt", {}, "documents"), h("dd", { id: "run-documents" }, thousands(run.documents)),
    h("dt", {}, "tokens"), h("dd", {}, thousands(run.tokens)),
    h("dt", {}, "characters"), h("dd", {}, thousands(run.characters)),
    h("dt", {}, "input files"), h("dd", {}, thousands(run.input_count)),
    h("dt", {}, "lexicon"), h("dd", {}, lexicon.source + " (" + thousands(lexicon.terms) + " terms, " + themes.length + " themes)"),
    h("dt", {}, "lexicon fingerprint"), h("dd", { className: "mono" }, "sha256 " + lexicon.sha256),
    h("dt", {}, "tool"), h("dd", {}, tool)));

  const skipped = run.skipped_count;
  const warnings = run.problem_count - skipped;
  box.append(h("h3", {}, "Skipped files and warnings"));
  if (run.problem_count === 0) {
    box.append(h("p", { className: "ok" }, "No file was skipped and there were no warnings."));
  } else {
    box.append(h("p", {}, thousands(skipped) + " skipped, " + thousands(warnings) + " warning(s)" +
      (run.problems.length < run.problem_count ? "; the first " + thousands(run.problems.length) + " are listed here, all in manifest.json." : "; manifest.json lists them too.")),
      h("ul", { className: "problems" }, run.problems.map(p =>
        h("li", { className: p.kind }, h("strong", {}, p.kind), " ", p.file ? h("span", { className: "mono" }, p.file) : null, p.file ? ": " : "", p.text))));
  }

  box.append(h("details", {}, h("summary", {}, "Input files" +
    (run.inputs.length < run.input_count ? " (the first " + thousands(run.inputs.length) + " of " + thousands(run.input_count) + "; all in manifest.json)" : "")),
    dataTable([
      { label: "path", value: i => i.path, filter: true },
      { label: "format", value: i => i.format, filter: true },
      { label: "encoding", value: i => i.encoding, filter: true },
      { label: "documents", value: i => i.documents, num: true },
      { label: "bytes", value: i => i.bytes, num: true },
    ], run.inputs, { pageSize: 100 })));
}
