// The search panel of a site searched with Pagefind (overrides/partials/cb-search.html).
//
// Pagefind's own script is loaded when the header's field gets focus (or at
// once, when the address already holds a search); the filters' lists of every
// author, theme and year are loaded after the first results are shown, so the
// first search waits only for what it needs. Results appear in the panel
// under the header as the reader types: title, authors, date, themes and an
// excerpt of the article's text, with filters by author, theme and year and a
// choice of order. The query, the filters and the order live in the address
// (?q=trust&author=…&theme=…&year=…&sort=date): a search can be shared, and the
// back button steps back through it. Opened from disk, the panel says that
// search needs a web server.
//
// Everything shown is set as text (textContent), never as HTML: titles, names
// and themes come from the articles. The excerpts Pagefind marks up with
// <mark> are rebuilt from their text pieces, so nothing else in them is markup.
(() => {
  const script = document.currentScript;
  const form = document.querySelector("[data-cb-search]");
  const panel = document.getElementById("cb-search-panel");
  if (!script || !form || !panel) return;

  const FILTERS = ["author", "theme", "year"];
  const KEYS = ["q", ...FILTERS, "sort"];
  const SHOWN = 20;
  const DEBOUNCE_MS = 60;
  const FROM_DISK = "Search needs a web server: this copy of the site was opened from disk. Serve the site " +
    "folder (for example with python -m http.server --directory site) and open it at http://localhost:8000.";
  const input = form.querySelector("input[name=q]");
  const status = panel.querySelector(".cb-search-panel__status");
  const list = panel.querySelector(".cb-search-panel__results");
  const selects = Object.fromEntries([...FILTERS, "sort"].map((name) => [name, panel.querySelector(`select[name=${name}]`)]));
  const bundle = new URL(script.dataset.bundle, document.baseURI);
  const root = new URL(script.dataset.root, document.baseURI);

  let pagefind = null;
  let loading = null;
  let filtersLoading = null;
  let searchId = 0;
  let timer = null;

  const state = () => ({ q: input.value.trim(), ...Object.fromEntries([...FILTERS, "sort"].map((k) => [k, selects[k].value])) });
  const active = (s) => Boolean(s.q || FILTERS.some((k) => s[k]));

  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    for (const key of [...FILTERS, "sort"]) setSelect(selects[key], params.get(key) || "");
  }

  // A new search (the address held none) or a changed filter is a step the
  // back button returns from; typing more of a query replaces the step.
  function toAddress(push) {
    const params = new URLSearchParams(window.location.search);
    push = push || !KEYS.some((key) => params.get(key));
    const s = state();
    for (const key of KEYS) {
      if (s[key]) params.set(key, s[key]);
      else params.delete(key);
    }
    const query = params.toString();
    const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    window.history[push ? "pushState" : "replaceState"]({ cbSearch: true }, "", url);
  }

  function setSelect(select, value) {
    if (value && ![...select.options].some((option) => option.value === value)) {
      select.append(new Option(value, value));
    }
    select.value = value;
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    if (window.location.protocol === "file:") return Promise.reject(new Error("file"));
    if (!loading) {
      loading = import(new URL("pagefind.js", bundle).href).then(async (module) => {
        await module.options({ baseUrl: root.pathname, excerptLength: 24 });
        await module.init();
        pagefind = module;
        return module;
      });
    }
    return loading;
  }

  // Every author, theme and year with its number of articles, as the filters' options: once.
  function loadFilters() {
    if (!filtersLoading) {
      filtersLoading = pagefind.filters().then((available) => fillFilters(available, true), () => {
        filtersLoading = null; // tried again after the next search
      });
    }
    return filtersLoading;
  }

  function fillFilters(available, initial) {
    for (const key of FILTERS) {
      const select = selects[key];
      const counts = available[key] || {};
      if (initial) {
        const names = Object.keys(counts).sort((a, b) => (key === "year" ? b.localeCompare(a) : a.localeCompare(b)));
        const chosen = select.value;
        select.length = 1;
        for (const name of names) select.append(new Option(name, name));
        setSelect(select, chosen);
      }
      for (const option of [...select.options].slice(1)) {
        option.textContent = `${option.value} (${counts[option.value] ?? 0})`;
      }
    }
  }

  function open() {
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
    form.classList.add("cb-search--open");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    form.classList.remove("cb-search--open");
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  async function run() {
    const id = ++searchId;
    const s = state();
    if (!active(s)) {
      list.replaceChildren();
      status.textContent = "";
      close();
      return;
    }
    open();
    try {
      await load();
    } catch (error) {
      status.textContent = error.message === "file" ? FROM_DISK : "Search could not be loaded.";
      return;
    }
    if (id !== searchId) return;
    const filters = Object.fromEntries(FILTERS.filter((k) => s[k]).map((k) => [k, s[k]]));
    const search = await pagefind.search(s.q || null, { filters, sort: s.sort === "date" ? { date: "desc" } : {} });
    if (id !== searchId || !search) return;
    const total = search.results.length;
    status.textContent = total === 0 ? "No articles found." : `${total} ${total === 1 ? "article" : "articles"}`;
    list.replaceChildren();
    for (const result of search.results.slice(0, SHOWN)) {
      const item = document.createElement("li");
      item.className = "cb-result";
      list.append(item);
      result.data().then((data) => {
        if (id === searchId) fillResult(item, data);
      });
    }
    loadFilters().then(() => {
      if (id === searchId) fillFilters(search.filters || {}, false);
    });
  }

  function fillResult(item, data) {
    const meta = data.meta || {};
    const link = element("a", "cb-result__title", meta.title || data.url);
    link.href = data.url;
    const details = [meta.authors, meta.date].filter(Boolean).join(" · ");
    item.append(link);
    if (details) item.append(element("p", "cb-result__meta", details));
    const themes = parseThemes(meta.themes);
    if (themes.length) {
      const chips = element("p", "cb-result__themes md-tags", "");
      for (const theme of themes) chips.append(element("span", "md-tag", theme));
      item.append(chips);
    }
    item.append(excerpt(data.excerpt || ""));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    node.className = className;
    node.textContent = text;
    return node;
  }

  function parseThemes(text) {
    try {
      const themes = JSON.parse(text || "[]");
      return Array.isArray(themes) ? themes.map(String) : [];
    } catch {
      return [];
    }
  }

  // Pagefind's excerpt is text with the matched words in <mark>: rebuilt from
  // its pieces as text nodes and <mark> elements, nothing else.
  function excerpt(marked) {
    const paragraph = element("p", "cb-result__excerpt", "");
    marked.split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
      const match = piece.match(/^<mark>(.*)<\/mark>$/s);
      const text = decode(match ? match[1] : piece);
      paragraph.append(match ? element("mark", "", text) : document.createTextNode(text));
    });
    return paragraph;
  }

  function decode(text) {
    const doc = new DOMParser().parseFromString(`<body>${text}`, "text/html");
    return doc.body.textContent;
  }

  input.addEventListener("focus", () => {
    if (window.location.protocol === "file:") {
      open();
      status.textContent = FROM_DISK;
      return;
    }
    load().catch(() => {});
    if (active(state())) open();
  });
  input.addEventListener("input", () => {
    toAddress(false);
    schedule();
  });
  for (const select of Object.values(selects)) {
    select.addEventListener("change", () => {
      toAddress(true);
      run();
    });
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.querySelector(".cb-search__open").addEventListener("click", () => {
    form.classList.add("cb-search--open");
    input.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      close();
      input.blur();
    }
  });
  window.addEventListener("popstate", () => {
    fromAddress();
    run();
  });

  fromAddress();
  if (active(state())) run();
})();
