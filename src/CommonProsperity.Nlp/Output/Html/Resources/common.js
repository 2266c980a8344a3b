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

/** A rate as the CSV writes it: four decimals. */
function rate(x) {
  return Number(x).toFixed(4);
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

/** Horizontal bars: [{ label, value, text, second?, secondText? }] scaled to the largest value. */
function bars(items) {
  const max = Math.max(1e-9, ...items.map(i => Math.max(i.value, i.second || 0)));
  const grid = h("div", { className: "bars", role: "list" });
  for (const item of items) {
    const bar = h("div", { className: "bar", title: item.text });
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
