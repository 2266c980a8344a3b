// report.html of `cpnlp analyze`: the run, the theme profile, the documents × themes heatmap, the
// evidence behind a cell, and the terms that drive each theme. The data are the CSV reports' own rows.
"use strict";

const themes = DATA.themes;
const documents = DATA.documents;
const docId = column(documents, "document");
const meta = ["title", "date", "publisher", "language"].map(name => ({ name, index: column(documents, name) }));
const lengthAt = column(documents, DATA.length_column);
const rateAt = themes.map(t => column(documents, t.id + DATA.rate_column));
const hitsAt = themes.map(t => column(documents, t.id + DATA.hits_column));
const evidenceCells = new Map(DATA.evidence.cells.map(([d, t, rows]) => [d + "/" + t, rows]));

document.getElementById("title").textContent = "cpnlp analyze: " + counted(DATA.run.documents, "document");
document.title = "cpnlp report: " + counted(DATA.run.documents, "document");

drawRun(DATA.run, themes, DATA.tool + " " + DATA.version);
drawProfile();
drawHeatmap();
drawTerms();

function drawProfile() {
  const box = section("profile", "Theme profile");
  box.append(h("p", { className: "note" },
    "Hits per 1,000 words over the whole corpus: every document's hits and words pooled (" + DATA.group_rate_column + " in corpus_summary.csv, group all). " +
    "Words count a Chinese word as one, as an English word, so the rate compares across languages."));
  const profile = DATA.profile;
  const by = column(profile, "group_by"), group = column(profile, "group"), theme = column(profile, "theme");
  const pooled = column(profile, DATA.group_rate_column), hits = column(profile, "hits"), withTheme = column(profile, "documents_with_theme");
  const all = profile.rows.filter(r => r[by] === "all");
  box.append(bars(themes.map(t => {
    const row = all.find(r => r[theme] === t.id);
    return {
      label: h("span", { title: t.name }, t.id),
      value: row[pooled],
      text: rate(row[pooled]) + " (" + counted(row[hits], "hit") + " in " + counted(row[withTheme], "document") + ")",
    };
  })));

  const languages = [...new Set(profile.rows.filter(r => r[by] === "language").map(r => r[group]))];
  if (languages.length > 1) {
    box.append(h("h3", {}, "By language (" + DATA.group_rate_column + ")"), h("table", {},
      h("thead", {}, h("tr", {}, h("th", {}, "language"), themes.map(t => h("th", { className: "num", title: t.name }, t.id)))),
      h("tbody", {}, languages.map(language => h("tr", {}, h("td", {}, language), themes.map(t => {
        const row = profile.rows.find(r => r[by] === "language" && r[group] === language && r[theme] === t.id);
        return h("td", { className: "num" }, rate(row[pooled]));
      }))))));
  }
}

function drawHeatmap() {
  const box = section("heatmap", "Documents × themes");
  box.append(h("p", { className: "note" },
    "Hits per 1,000 words (per_1000_words in theme_frequency.csv), so that documents of different lengths and languages compare; the darker, the higher. " +
    "Click a column heading to sort, type in a box to filter, click a cell to see its evidence below the table."));
  const max = Math.max(1e-9, ...documents.rows.flatMap(r => rateAt.map(i => r[i])));
  const rows = documents.rows.map((cells, index) => ({ index, cells }));
  const columns = [
    { label: "document", value: r => r.cells[docId], filter: true, cell: r => h("td", { className: "doc mono", title: r.cells[docId] }, r.cells[docId]) },
    ...meta.map(m => ({
      label: m.name, value: r => r.cells[m.index], filter: true,
      cell: r => h("td", { className: "doc", title: r.cells[m.index] }, r.cells[m.index]),
    })),
    { label: DATA.length_column, value: r => r.cells[lengthAt], num: true },
    ...themes.map((t, ti) => ({
      label: breakable(t.id), title: t.name + ": sort by hits per 1,000 words", num: true, className: "theme",
      value: r => r.cells[rateAt[ti]],
      cell: r => heatCell(r, ti, max),
    })),
  ];
  box.append(dataTable(columns, rows, { pageSize: 200, className: "heatmap" }));
  box.append(h("div", { id: "evidence-panel", "aria-live": "polite" },
    h("p", { className: "note" }, "Click a cell of the table to see the matches behind it.",
      DATA.evidence.assemble ? [" Every match will be in ", DATA.evidence.file, notAssembled(DATA.evidence), "."] : null)));
}

/** After the evidence file's name, when a merge left the rows in the shards' folders: it is not here until assembled. */
function notAssembled(evidence) {
  return evidence.assemble
    ? h("span", { className: "not-assembled" }, " (not in this folder yet: a merge left the rows in the shards' folders; ",
      h("code", {}, evidence.assemble), " run in this folder, the one holding this page, writes it while the shards' folders are still in place)")
    : null;
}

/** A theme id that may wrap after its underscores (common_prosperity). */
function breakable(id) {
  return id.replaceAll("_", "_\u200b");
}

function heatCell(row, theme, max) {
  const value = row.cells[rateAt[theme]];
  const hits = row.cells[hitsAt[theme]];
  const td = h("td", {
    className: "cell" + (hits === 0 ? " zero" : ""), tabindex: "0",
    title: themes[theme].id + ": " + counted(hits, "hit") + ", " + rate(value) + " per 1,000 words",
    dataset: { document: String(row.index), theme: themes[theme].id, hits: String(hits) },
  }, rate(value));
  if (hits > 0) {
    const strength = 0.08 + 0.8 * Math.sqrt(value / max);
    td.style.background = "rgba(179, 38, 30, " + strength.toFixed(3) + ")";
    if (strength > 0.5) td.style.color = "#fff";
  }
  const open = () => showEvidence(row.index, theme, td);
  td.addEventListener("click", open);
  td.addEventListener("keydown", e => { if (e.key === "Enter") open(); });
  return td;
}

function showEvidence(documentIndex, theme, td) {
  document.querySelectorAll("td.cell.selected").forEach(c => c.classList.remove("selected"));
  td.classList.add("selected");
  const cells = documents.rows[documentIndex];
  const id = cells[docId];
  const title = cells[meta[0].index];
  const hits = cells[hitsAt[theme]];
  const t = themes[theme];
  const evidence = DATA.evidence;
  const rows = evidenceCells.get(documentIndex + "/" + theme) || [];
  const panel = document.getElementById("evidence-panel");
  panel.dataset.document = id;
  panel.dataset.theme = t.id;
  panel.dataset.hits = String(hits);
  panel.replaceChildren(
    h("h3", {}, id, title ? " — " + title : "", ": ", t.id, " (", t.name, ")"),
    h("p", {}, counted(hits, "hit") + ", " + rate(cells[rateAt[theme]]) + " per 1,000 words (theme_frequency.csv)."));
  if (hits === 0) {
    panel.append(h("p", { className: "note" }, "No term of this theme matched in this document."));
    return;
  }
  if (evidence.kind === "none") {
    panel.append(h("p", { className: "note" }, "This run kept no evidence rows (analyze --evidence none): the counts are in the reports, and the matches can be found again with cpnlp kwic."));
    return;
  }
  if (evidence.kind === "offsets") {
    panel.append(h("p", { className: "note" }, "This run kept the offsets of each match without its context (analyze --evidence offsets): every row is in ",
      h("a", { href: evidence.file }, evidence.file), notAssembled(evidence), " (document = ", h("span", { className: "mono" }, id), ", theme = ", h("span", { className: "mono" }, t.id),
      "), with start and end in the document's text."));
    return;
  }
  if (rows.length < hits) {
    panel.append(h("p", { className: "note" },
      evidence.per_cell === 0
        ? "This run has too many cells with hits for the page to hold their evidence (it holds at most " + thousands(evidence.row_budget) + " rows). "
        : "The page holds the first " + rows.length + " of these " + thousands(hits) + " rows (" + evidence.per_cell + " per cell in this run). ",
      "Every row is in ", h("a", { href: evidence.file }, evidence.file), notAssembled(evidence), ": filter document = ", h("span", { className: "mono" }, id), " and theme = ", h("span", { className: "mono" }, t.id), "."));
  }
  if (rows.length === 0) return;

  const at = name => evidence.columns.indexOf(name);
  const left = at("left"), match = at("match"), right = at("right"), term = at("term"), sentence = at("sentence"), start = at("start"), end = at("end");
  const tbody = h("tbody");
  const pages = pager(() => rows.length, 25, (from, to) => {
    tbody.replaceChildren(...rows.slice(from, to).map(r => h("tr", {},
      h("td", { title: r[left] }, h("div", { className: "clip-left" }, h("span", {}, r[left]))),
      h("td", { className: "hit" }, h("mark", {}, r[match])),
      h("td", { title: r[right] }, h("div", { className: "clip-right" }, r[right])),
      h("td", {}, r[term]),
      h("td", { className: "num" }, r[sentence]),
      h("td", { className: "num mono" }, r[start] + "–" + r[end]))));
  });
  panel.append(h("div", { className: "scroll" }, h("table", { className: "kwic" },
    h("thead", {}, h("tr", {}, h("th", { className: "num" }, "left"), h("th", {}, "match"), h("th", {}, "right"), h("th", {}, "term"), h("th", { className: "num" }, "sentence"), h("th", { className: "num" }, "offsets"))),
    tbody)), pages.element);
  pages.draw();
  panel.scrollIntoView({ block: "nearest" });
}

function drawTerms() {
  const box = section("terms", "Terms that drive each theme");
  const terms = DATA.terms;
  const theme = column(terms, "theme"), rank = column(terms, "rank"), term = column(terms, "term"), hits = column(terms, "hits");
  const docs = column(terms, "documents"), share = column(terms, "share_of_theme_hits");
  box.append(h("p", { className: "note" },
    "From term_frequency.csv: per theme its " + DATA.terms_per_theme + " terms with the most hits (every term, with those that never matched, is in the CSV)."));
  const grid = h("div", { className: "terms" });
  for (const t of themes) {
    const rows = terms.rows.filter(r => r[theme] === t.id);
    grid.append(h("div", {}, h("h3", { title: t.name }, t.id, " ", h("span", { className: "note" }, t.name)),
      rows.length === 0 ? h("p", { className: "note" }, "No term of this theme matched.") :
        h("table", {}, h("thead", {}, h("tr", {}, h("th", { className: "num" }, "#"), h("th", {}, "term"), h("th", { className: "num" }, "hits"), h("th", { className: "num" }, "docs"), h("th", { className: "num" }, "share"))),
          h("tbody", {}, rows.map(r => h("tr", {}, h("td", { className: "num" }, r[rank]), h("td", {}, r[term]), h("td", { className: "num" }, r[hits]), h("td", { className: "num" }, r[docs]), h("td", { className: "num" }, rate(r[share]))))))));
  }
  box.append(grid);
}
