// storyline's web UI: one page over the REST API (/api/...), routed by the URL hash. No build step.
"use strict";

const STATUSES = ["occurred", "ongoing", "planned", "requested", "considered", "conditional", "failed", "denied"];
const view = document.getElementById("view");

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function badge(status) {
  return el("span", { class: `status ${status}`, "data-status": status }, status);
}

function plural(n, one, many = one + "s") {
  return `${n} ${n === 1 ? one : many}`;
}

function link(href, text) {
  return el("a", { href }, text);
}

function actors(item) {
  const source = item.source_name || item.source_code || "?";
  const target = item.target_name || item.target_code;
  return target ? `${source} → ${target}` : source;
}

function table(headers, rows, attrs = {}) {
  return el("table", attrs,
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function show(...nodes) {
  view.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== ""));
}

// ---------------------------------------------------------------- views

async function storiesView() {
  const { stories } = await api("/api/stories");
  if (!stories.length) return show(el("p", { class: "muted" }, "No stories yet: ingest some articles first."));
  show(el("h2", {}, "Developing stories"), stories.map((s) => el("div", { class: "card", "data-testid": "story" },
    el("h3", {}, link(`#/story/${s.id}`, s.title || s.id)),
    el("div", {}, s.summary || ""),
    el("div", { class: "muted" },
      `${plural(s.size, "article")}, ${plural(s.copies, "copy", "copies")}, ${plural(s.sources, "source")}` +
      ` · ${s.first_seen || "?"} – ${s.last_seen || "?"}`))));
}

async function storyView(id) {
  const story = await api(`/api/stories/${encodeURIComponent(id)}`);
  const titles = Object.fromEntries(story.articles.map((a) => [a.id, a.title || a.id]));
  const articles = story.articles.map((a) => el("tr", {},
    el("td", {}, link(`#/article/${a.id}`, a.title || a.id)),
    el("td", {}, a.site || ""), el("td", {}, a.published || ""),
    el("td", {}, a.copy_of ? `${a.kind || "copy"} of “${titles[a.copy_of] || a.copy_of}”` : "")));
  const timeline = story.timeline.map((t) => el("tr", { "data-testid": "timeline-event" },
    el("td", {}, t.event.plover || t.event.type, el("div", { class: "muted" }, actors(t.event))),
    el("td", {}, badge(t.status), el("ul", { class: "history" }, (t.status_history || []).map((h) =>
      el("li", {}, badge(h.status), ` reported ${h.reported || "?"} in `,
        link(`#/article/${h.article_id}`, titles[h.article_id] || h.article_id))))),
    el("td", {}, t.event.date || ""),
    el("td", {}, `${t.mentions} mentions, ${t.sources} sources, ${t.articles} articles`),
    el("td", {}, (t.evidence && t.evidence[0]) ? `“${t.evidence[0].text}”` : "")));
  show(el("h2", {}, story.title || story.id), el("p", {}, story.summary || ""),
    el("p", {}, link(`/api/stories/${story.id}/feed`, "Atom feed of updates")),
    el("h3", {}, "Articles"), table(["Title", "Site", "Published", "Copy"], articles),
    el("h3", {}, "Timeline"),
    table(["Event", "Status over time", "Date", "Counts", "Evidence"], timeline, { "data-testid": "timeline" }));
}

function markedText(doc) {
  // Paragraphs of the text with every event's evidence and every quote marked, each mark pointing at its fact.
  const spans = [
    ...doc.events.map((e) => ({ start: e.evidence.start, end: e.evidence.end, cls: "ev", id: e.id })),
    ...doc.quotes.map((q) => ({ start: q.start, end: q.end, cls: "q", id: q.id })),
  ];
  const cuts = new Set([0, doc.text.length]);
  spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  for (let i = doc.text.indexOf("\n"); i >= 0; i = doc.text.indexOf("\n", i + 1)) { cuts.add(i); cuts.add(i + 1); }
  const points = [...cuts].sort((a, b) => a - b);
  const paragraphs = [el("p")];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = doc.text.slice(start, end);
    if (piece === "\n") { paragraphs.push(el("p")); continue; }
    const active = spans.filter((s) => s.start <= start && end <= s.end);
    const current = paragraphs[paragraphs.length - 1];
    if (!active.length) { current.append(piece); continue; }
    const classes = [...new Set(active.map((s) => s.cls))].join(" ");
    current.append(el("mark", { class: classes, "data-facts": active.map((s) => s.id).join(" ") }, piece));
  }
  return el("div", { class: "text card", "data-testid": "article-text" }, paragraphs);
}

function focusFact(id) {
  document.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
  const marks = [...document.querySelectorAll("mark")].filter((m) => m.dataset.facts.split(" ").includes(id));
  marks.forEach((m) => m.classList.add("focus"));
  if (marks.length) marks[0].scrollIntoView({ block: "center" });
}

async function articleView(id) {
  const doc = await api(`/api/articles/${encodeURIComponent(id)}`);
  const names = Object.fromEntries(doc.entities.map((e) => [e.id, e.name]));
  const events = doc.events.map((e) => el("tr", { "data-testid": "event", onclick: () => focusFact(e.id) },
    el("td", {}, badge(e.status)), el("td", {}, `${e.plover || ""} ${e.cameo ? `(${e.cameo})` : ""}`),
    el("td", {}, actors(e)), el("td", {}, e.date || ""), el("td", {}, e.trigger ? e.trigger.text : "")));
  const quotes = doc.quotes.map((q) => el("tr", { "data-testid": "quote", onclick: () => focusFact(q.id) },
    el("td", {}, q.speaker_name || names[q.speaker] || "?"), el("td", {}, q.cue || ""), el("td", {}, q.date || ""),
    el("td", {}, q.kind), el("td", {}, q.text)));
  const actorsList = doc.entities.map((e) => el("li", {}, e.name, el("span", { class: "muted" },
    ` ${e.type}${e.code ? " · " + e.code : ""}${e.roles.length ? " · " + e.roles.join(", ") : ""}`)));
  show(el("h2", {}, doc.title || doc.id),
    el("p", { class: "muted" }, [doc.site, doc.published, doc.url].filter(Boolean).join(" · ")),
    markedText(doc),
    el("h3", {}, "Events"), table(["Status", "Type", "Who → whom", "Date", "Trigger"], events),
    el("h3", {}, "Quotes"), table(["Speaker", "Cue", "Date", "Kind", "Text"], quotes),
    el("h3", {}, "Actors"), el("ul", {}, actorsList));
}

function filterForm(fields, params, onsubmit) {
  const form = el("form", { class: "filters", onsubmit: (ev) => { ev.preventDefault(); onsubmit(new FormData(form)); } },
    fields.map(([name, label, options]) => options
      ? el("select", { name, "aria-label": label }, el("option", { value: "" }, `any ${label}`),
        options.map((o) => el("option", o === params.get(name) ? { value: o, selected: "" } : { value: o }, o)))
      : el("input", { name, placeholder: label, "aria-label": label, value: params.get(name) || "" })),
    el("button", { type: "submit" }, "Filter"));
  return form;
}

function go(page, data) {
  const query = new URLSearchParams([...data].filter(([, v]) => v)).toString();
  location.hash = `#/${page}${query ? "?" + query : ""}`;
}

async function eventsView(params) {
  const { events } = await api(`/api/events?${params}`);
  const rows = events.map((e) => el("tr", { "data-testid": "event" },
    el("td", {}, badge(e.status)), el("td", {}, e.plover || ""), el("td", {}, actors(e)),
    el("td", {}, e.date || e.reported || ""), el("td", {}, link(`#/article/${e.article_id}`, `“${e.evidence}”`))));
  show(el("h2", {}, "Events"),
    filterForm([["actor", "actor (code or name)"], ["plover", "PLOVER type"], ["status", "status", STATUSES],
      ["since", "since YYYY-MM-DD"], ["until", "until YYYY-MM-DD"]], params, (data) => go("events", data)),
    rows.length ? table(["Status", "Type", "Who → whom", "Date", "Evidence"], rows)
      : el("p", { class: "muted" }, "No events match."));
}

async function quotesView(params) {
  const { quotes } = await api(`/api/quotes?${params}`);
  const rows = quotes.map((q) => el("tr", { "data-testid": "quote" },
    el("td", {}, q.speaker_name || "?"), el("td", {}, q.cue || ""), el("td", {}, q.date || ""),
    el("td", {}, link(`#/article/${q.article_id}`, q.text))));
  show(el("h2", {}, "Quotes"),
    filterForm([["speaker", "speaker"], ["since", "since YYYY-MM-DD"], ["until", "until YYYY-MM-DD"]], params,
      (data) => go("quotes", data)),
    rows.length ? table(["Speaker", "Cue", "Date", "Quote"], rows) : el("p", { class: "muted" }, "No quotes match."));
}

async function trendingView() {
  const data = await api("/api/trending");
  const row = (item, label) => el("tr", { "data-testid": "trend" }, el("td", {}, label),
    el("td", {}, item.score), el("td", { class: "muted" }, item.why));
  show(el("h2", {}, `Trending at ${data.now || "?"}`),
    el("h3", {}, "Stories"), table(["Story", "Score", "Why"],
      data.stories.map((s) => row(s, link(`#/story/${s.id}`, s.title || s.id)))),
    el("h3", {}, "Actors"), table(["Actor", "Score", "Why"], data.actors.map((a) => row(a, a.name || a.key))));
}

async function articlesView(params) {
  const offset = Number(params.get("offset") || 0);
  const { total, articles } = await api(`/api/articles?limit=50&offset=${offset}`);
  const rows = articles.map((a) => el("tr", {}, el("td", {}, link(`#/article/${a.id}`, a.title || a.id)),
    el("td", {}, a.site || ""), el("td", {}, a.published || "")));
  show(el("h2", {}, `Articles (${total})`), table(["Title", "Site", "Published"], rows),
    offset + 50 < total ? link(`#/articles?offset=${offset + 50}`, "more") : "");
}

// ---------------------------------------------------------------- routing

const ROUTES = { stories: storiesView, story: storyView, article: articleView, events: eventsView,
  quotes: quotesView, trending: trendingView, articles: articlesView };

async function route() {
  const [path, query] = (location.hash.replace(/^#\/?/, "") || "stories").split("?");
  const [page, id] = path.split("/");
  const params = new URLSearchParams(query || "");
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.nav === page));
  const render = ROUTES[page] || storiesView;
  show(el("p", { class: "muted" }, "Loading…"));
  try {
    await render(id ? decodeURIComponent(id) : params, params);
  } catch (err) {
    show(el("p", { class: "error", "data-testid": "error" }, `Could not load this page: ${err.message}`));
  }
}

async function stats() {
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent =
      [plural(s.articles, "article"), plural(s.events, "event"), plural(s.stories, "story", "stories")].join(" · ");
  } catch (err) { /* the page still works without the counts */ }
}

window.addEventListener("hashchange", route);
route();
stats();
