// report.html of `cpnlp compare`, `trend` and `topics`: the run, then the command's own sections.
// The data are the CSV reports' own rows (DATA.tables, by file name).
"use strict";

const tables = DATA.tables;
const themes = DATA.themes;
const palette = ["#b3261e", "#1b4f9c", "#2e7d32", "#8e24aa", "#ef6c00", "#00838f", "#6d4c41", "#c2185b", "#546e7a", "#9e9d24"];

document.getElementById("title").textContent = "cpnlp " + DATA.command + ": " + counted(DATA.run.documents, "document");
document.title = "cpnlp " + DATA.command + " report";

drawRun(DATA.run, themes, DATA.tool + " " + DATA.version);
if (DATA.command === "compare") drawCompare();
if (DATA.command === "trend") tables["term_trend.csv"] ? drawTermTrend() : drawTrend();
if (DATA.command === "topics") drawTopics();

/** Every column of a report as a sortable, filterable table (text columns filterable). */
function fullTable(table, pageSize) {
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every(r => typeof r[i] === "number"));
  return dataTable(table.columns.map((name, i) => ({
    label: name, num: numeric[i], filter: !numeric[i],
    value: r => r[i],
    cell: r => h("td", { className: numeric[i] ? "num" : "" }, numeric[i] ? shown(r[i], table.formats[i]) : r[i]),
  })), table.rows, { pageSize: pageSize || 50 });
}

/** A number as its CSV writes it, by its column's kind: rates and shares with four decimals, statistics and p-values with six significant digits, counts as they are. */
function shown(value, format) {
  return format === "rate" ? rate(value) : format === "precise" ? precise(value) : String(value);
}

function drawCompare() {
  const byGroup = tables["theme_by_group.csv"];
  const keyness = tables["keyness.csv"];
  const group = column(byGroup, "group"), theme = column(byGroup, "theme"), perWords = column(byGroup, "per_1000_words"), p = column(byGroup, "p");
  const groups = [...new Set(byGroup.rows.map(r => r[group]))];

  const box = section("themes-by-group", "Themes by " + byGroup.rows[0][column(byGroup, "group_by")]);
  box.append(h("p", { className: "note" }, "Hits per 1,000 words (per_1000_words in theme_by_group.csv), one bar per group; p is the chi-squared test across the groups."));
  box.append(legend(groups));
  const grid = h("div", { className: "bars" });
  for (const t of themes) {
    const rows = byGroup.rows.filter(r => r[theme] === t.id);
    const max = Math.max(1e-9, ...byGroup.rows.map(r => r[perWords]));
    const stack = h("div", {}, rows.map(r => {
      const bar = h("div", { className: "bar", title: r[group] + ": " + rate(r[perWords]) });
      bar.style.width = (100 * r[perWords] / max) + "%";
      bar.style.background = palette[groups.indexOf(r[group]) % palette.length];
      return bar;
    }));
    grid.append(h("div", { title: t.name }, t.id), stack, h("div", { className: "num" }, rows.map(r => rate(r[perWords])).join(" · ") + "  p " + precise(rows[0][p])));
  }
  box.append(grid);
  box.append(h("details", {}, h("summary", {}, "theme_by_group.csv"), fullTable(byGroup)));

  const keys = section("keyness", "Key words");
  keys.append(h("p", { className: "note" },
    "Words used more (over) or less (under) in a group than in the reference, by log-likelihood (G², keyness.csv); the bars show the log ratio of the two rates."));
  const kGroup = column(keyness, "group"), reference = column(keyness, "reference"), direction = column(keyness, "direction");
  const term = column(keyness, "term"), ratio = column(keyness, "log_ratio"), count = column(keyness, "count"), refCount = column(keyness, "reference_count");
  for (const g of [...new Set(keyness.rows.map(r => r[kGroup]))]) {
    const rows = keyness.rows.filter(r => r[kGroup] === g);
    const pair = h("div", { className: "terms" });
    for (const d of ["over", "under"]) {
      const top = rows.filter(r => r[direction] === d).slice(0, 15);
      pair.append(h("div", {}, h("h3", {}, (d === "over" ? "more in " : "less in ") + g + " than in " + (rows[0] ? rows[0][reference] : "the rest")),
        top.length === 0 ? h("p", { className: "note" }, "No word passes the thresholds.") :
          bars(top.map(r => ({ label: r[term], value: Math.abs(r[ratio]), text: rate(r[ratio]) + " (" + r[count] + " vs " + r[refCount] + ")" })), d)));
    }
    keys.append(h("h3", {}, g), pair);
  }
  keys.append(h("details", {}, h("summary", {}, "keyness.csv"), fullTable(keyness)));
}

function drawTrend() {
  const trend = tables["theme_trend.csv"];
  const period = column(trend, "period"), theme = column(trend, "theme"), perWords = column(trend, "per_1000_words"), docs = column(trend, "documents");
  const periods = [...new Set(trend.rows.map(r => r[period]))];
  const box = section("trend", "Themes over time");
  box.append(h("p", { className: "note" }, "Hits per 1,000 words (per_1000_words in theme_trend.csv) per " + trend.rows[0][column(trend, "period_by")] +
    "; documents per period: " + periods.map(p => p + " " + trend.rows.find(r => r[period] === p)[docs]).join(", ") + "."));
  box.append(legend(themes.map(t => t.id)));
  box.append(lineChart(periods, themes.map(t => periods.map(p => trend.rows.find(r => r[period] === p && r[theme] === t.id)[perWords]))));
  box.append(h("details", {}, h("summary", {}, "theme_trend.csv"), fullTable(trend)));
}

function drawTermTrend() {
  const trend = tables["term_trend.csv"];
  const period = column(trend, "period"), term = column(trend, "term"), perWords = column(trend, "per_1000_words"), docs = column(trend, "documents");
  const periods = [...new Set(trend.rows.map(r => r[period]))];
  const terms = [...new Set(trend.rows.map(r => r[term]))];
  const box = section("trend", "Terms over time");
  box.append(h("p", { className: "note" }, "Hits per 1,000 words (per_1000_words in term_trend.csv) per " + trend.rows[0][column(trend, "period_by")] +
    "; documents per period: " + periods.map(p => p + " " + trend.rows.find(r => r[period] === p)[docs]).join(", ") + "."));
  box.append(legend(terms));
  box.append(lineChart(periods, terms.map(t => periods.map(p => trend.rows.find(r => r[period] === p && r[term] === t)[perWords])), terms));
  box.append(h("details", {}, h("summary", {}, "term_trend.csv"), fullTable(trend)));
}

function drawTopics() {
  const topics = tables["topics.csv"];
  const shares = tables["document_topics.csv"];
  const number = column(topics, "topic"), term = column(topics, "term"), weight = column(topics, "weight"), label = column(topics, "topic_label");
  const topicShare = column(topics, "topic_share"), topicTheme = column(topics, "topic_theme");
  const docId = column(shares, "document"), title = column(shares, "title");
  const box = section("topics", "Topics");
  box.append(h("p", { className: "note" }, "Each topic's top words with their weights (topics.csv), and the documents where it has the largest share (document_topics.csv)."));
  const grid = h("div", { className: "terms", id: "topic-cards" });
  for (const n of [...new Set(topics.rows.map(r => r[number]))]) {
    const rows = topics.rows.filter(r => r[number] === n);
    const at = column(shares, "topic_" + n);
    const top = shares.rows.slice().sort((a, b) => b[at] - a[at]).slice(0, 5);
    grid.append(h("div", {},
      h("h3", {}, "Topic " + n + ": " + rows[0][label]),
      h("p", { className: "note" }, "share of the corpus " + rate(rows[0][topicShare]) + (rows[0][topicTheme] ? "; theme " + rows[0][topicTheme] : "")),
      bars(rows.slice(0, 10).map(r => ({ label: r[term], value: r[weight], text: String(r[weight]) }))),
      h("table", { className: "topdocs" }, h("tbody", {}, top.filter(d => d[at] > 0).map(d =>
        h("tr", {}, h("td", { className: "num" }, rate(d[at])), h("td", { className: "doc", title: d[docId] + (d[title] ? " — " + d[title] : "") }, d[title] || d[docId])))))));
  }
  box.append(grid);
  const docs = section("document-topics", "Documents and their topics");
  docs.append(fullTable(shares, 100));
}

/** Coloured keys for series names, in palette order. */
function legend(names) {
  return h("div", { className: "legend" }, names.map((name, i) => {
    const key = h("span", { className: "key" });
    key.style.background = palette[i % palette.length];
    return h("span", {}, key, name);
  }));
}

/** A period's place in time, in years: "2023" is 2023, "2023-07" is 2023.5. */
function periodPosition(label) {
  return Number(label.slice(0, 4)) + (label.length >= 7 ? (Number(label.slice(5, 7)) - 1) / 12 : 0);
}

/** A period's index in its sequence (years, or months since year 0), so that a missing one shows as a step of more than 1. */
function periodIndex(label) {
  return label.length >= 7 ? Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1 : Number(label.slice(0, 4));
}

/**
 * An SVG line chart over periods (labels, yyyy or yyyy-MM in time order), placed at their dates; one line per
 * series (values in label order), broken where a period is missing, as the PNG chart is; its points titled by
 * names (default: the themes). Each piece of line carries its series' index in data-series.
 */
function lineChart(labels, series, names) {
  const ns = "http://www.w3.org/2000/svg";
  const width = 900, height = 320, left = 56, bottom = 40, top = 12, right = 12;
  const max = Math.max(1e-9, ...series.flat());
  const positions = labels.map(periodPosition);
  const first = positions[0], span = positions[positions.length - 1] - first;
  const x = i => left + (span === 0 ? (width - left - right) / 2 : (positions[i] - first) * (width - left - right) / span);
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("class", "chart");
  const add = (tag, attrs, text) => {
    const element = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
    if (text !== undefined) element.textContent = text;
    svg.append(element);
    return element;
  };
  for (let k = 0; k <= 4; k++) {
    const v = max * k / 4;
    add("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#d8dde4" });
    add("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11 }, v.toFixed(1));
  }
  // A label where it does not run into the last one drawn (periods far apart leave room, months bunch).
  const room = 7 * Math.max(...labels.map(l => l.length)) + 10;
  let last = -Infinity;
  labels.forEach((label, i) => {
    if (x(i) - last < room) return;
    last = x(i);
    add("text", { x: x(i), y: height - bottom + 16, "text-anchor": "middle", "font-size": 11 }, label);
  });
  // Runs of consecutive periods: a missing year (or month) leaves a gap, never a straight line across it.
  const runs = [];
  labels.forEach((label, i) => {
    if (i === 0 || periodIndex(label) !== periodIndex(labels[i - 1]) + 1) runs.push([]);
    runs[runs.length - 1].push(i);
  });
  series.forEach((values, s) => {
    for (const run of runs) {
      add("polyline", { points: run.map(i => x(i) + "," + y(values[i])).join(" "), fill: "none", stroke: palette[s % palette.length], "stroke-width": 2, "data-series": s });
    }
    values.forEach((v, i) => add("circle", { cx: x(i), cy: y(v), r: 3, fill: palette[s % palette.length] }, undefined).append(title(ns, (names ? names[s] : themes[s].id) + " " + labels[i] + ": " + rate(v))));
  });
  return svg;
}

function title(ns, text) {
  const element = document.createElementNS(ns, "title");
  element.textContent = text;
  return element;
}
