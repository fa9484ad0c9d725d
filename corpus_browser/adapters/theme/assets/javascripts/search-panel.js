// The search panel of a site searched with Pagefind (partials/cb-search.html).
//
// Pagefind's own script is loaded ahead of the first key press: when the page
// is idle, when the pointer comes over the search field, when the field gets
// focus (or at once, when the address already holds a search); each letter
// typed asks Pagefind to fetch that word's index at once, before the search
// itself waits out its debounce. The first results' excerpts are fetched with
// the results, the rest's when they scroll into view; the filters' lists of
// every author, theme and year are loaded after the first results are shown,
// so the first search waits only for what it needs. Results appear in the panel
// under the header as the reader types, the page behind it dimmed: title,
// authors, date, themes and an excerpt of the article's own text (never its
// title or byline). Beside them, each filter is a group of choices with the
// number of results each keeps (choices that would keep none are not shown),
// and the order. The query, the filters and the order live in the address
// (?q=trust&author=…&theme=…&year=…&sort=date): a search can be shared, and the
// back button steps back through it. Opened from disk, the panel says that
// search needs a web server, and shows no filters.
//
// Everything shown is set as text (textContent), never as HTML: titles, names
// and themes come from the articles. Excerpts are made here from Pagefind's
// plain text and the positions of the words found, as text nodes and <mark>
// elements.
(() => {
  const script = document.currentScript;
  const form = document.querySelector("[data-cb-search]");
  const panel = document.getElementById("cb-search-panel");
  const backdrop = document.querySelector(".cb-search-backdrop");
  if (!script || !form || !panel) return;

  const FILTERS = ["author", "theme", "year"];
  const CHOICES = [...FILTERS, "sort"];
  const KEYS = ["q", ...CHOICES];
  const SHOWN = 20;
  const FETCHED_AT_ONCE = 10;
  const IDLE_PRELOAD_MS = 2000;
  const DEBOUNCE_MS = 60;
  const EXCERPT_WORDS = 26;
  const FROM_DISK = ["Search needs a web server: this copy of the site was opened from disk. Serve the site folder (for example with ",
    "python -m http.server --directory site", ") and open it at ", "http://localhost:8000", "."];
  const input = form.querySelector("input[name=q]");
  const clear = form.querySelector(".cb-search__clear");
  const status = panel.querySelector(".cb-search-panel__status");
  const list = panel.querySelector(".cb-search-panel__results");
  const groups = Object.fromEntries(CHOICES.map((name) => [name, panel.querySelector(`[data-filter=${name}] .cb-facet__options`)]));
  const bundle = new URL(script.dataset.bundle, document.baseURI);
  const root = new URL(script.dataset.root, document.baseURI);
  const fromDisk = window.location.protocol === "file:";

  let pagefind = null;
  let loading = null;
  let filtersLoading = null;
  let filtersReady = false;
  let searchId = 0;
  let timer = null;

  const chosen = (key) => (groups[key].querySelector("input:checked") || { value: "" }).value;
  const state = () => ({ q: input.value.trim(), ...Object.fromEntries(CHOICES.map((k) => [k, chosen(k)])) });
  const active = (s) => Boolean(s.q || FILTERS.some((k) => s[k]));

  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    for (const key of CHOICES) choose(key, params.get(key) || "");
    clear.hidden = !input.value;
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

  function option(key, value, label) {
    const choice = document.createElement("label");
    choice.className = "cb-facet__option";
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = key;
    radio.value = value;
    const name = element("span", "", label);
    const count = element("span", "cb-count", "");
    choice.append(radio, name, count);
    return choice;
  }

  function radios(key) {
    return [...groups[key].querySelectorAll("input[type=radio]")];
  }

  function choose(key, value) {
    let radio = radios(key).find((r) => r.value === value);
    if (!radio) {
      groups[key].append(option(key, value, value));
      radio = radios(key).find((r) => r.value === value);
    }
    radio.checked = true;
  }

  function load() {
    if (pagefind) return Promise.resolve(pagefind);
    if (fromDisk) return Promise.reject(new Error("file"));
    if (!loading) {
      const first = loadIndex(bundle);
      const others = fetch(new URL("shards.json", bundle))
        .then((response) => response.json()).then((listed) => listed.shards, () => [])
        .then((shards) => Promise.all(shards.map((shard) => loadIndex(new URL(shard, bundle)))));
      loading = Promise.all([first, others]).then(([index, more]) => {
        pagefind = more.length ? searchedTogether([index, ...more]) : index;
        return pagefind;
      });
    }
    return loading;
  }

  // Pagefind's module for the index in `folder` (each folder's script is a module of its own).
  async function loadIndex(folder) {
    const module = await import(new URL("pagefind.js", folder).href);
    await module.options({ baseUrl: root.pathname, excerptLength: EXCERPT_WORDS });
    await module.init();
    return module;
  }

  // A large corpus is indexed in several indexes (pagefind.py), searched here as
  // one: results in order of relevance across them, or by date index after index,
  // as the articles were shared out newest first; each filter's counts summed.
  function searchedTogether(indexes) {
    const summed = (all) => {
      const total = {};
      for (const filters of all) {
        for (const [key, counts] of Object.entries(filters || {})) {
          total[key] = total[key] || {};
          for (const [value, count] of Object.entries(counts)) total[key][value] = (total[key][value] || 0) + count;
        }
      }
      return total;
    };
    return {
      async search(term, options) {
        const found = await Promise.all(indexes.map((index) => index.search(term, options)));
        if (found.some((search) => !search)) return null;
        const results = found.flatMap((search) => search.results);
        if (!options.sort.date) results.sort((a, b) => b.score - a.score);
        return { results, filters: summed(found.map((f) => f.filters)), totalFilters: summed(found.map((f) => f.totalFilters)) };
      },
      async filters() {
        return summed(await Promise.all(indexes.map((index) => index.filters())));
      },
      preload(term) {
        for (const index of indexes) index.preload(term);
      },
    };
  }

  // Every author, theme and year, as the filters' choices: once.
  function loadFilters() {
    if (!filtersLoading) {
      filtersLoading = pagefind.filters().then((available) => {
        filtersReady = true;
        fillFilters({ filters: available, totalFilters: available }, true);
      }, () => {
        filtersLoading = null; // tried again after the next search
      });
    }
    return filtersLoading;
  }

  // The choices with the number of results each keeps; those that keep none are hidden, but the chosen one.
  // In a filter with a choice made, the others are counted as if it were not (Pagefind's totalFilters,
  // the query's counts), so the reader can switch to them.
  function fillFilters(search, initial) {
    for (const key of FILTERS) {
      const counts = ((chosen(key) ? search.totalFilters : search.filters) || {})[key] || {};
      if (initial) {
        const names = Object.keys(counts).sort((a, b) => (key === "year" ? b.localeCompare(a) : a.localeCompare(b)));
        const value = chosen(key);
        for (const radio of radios(key).slice(1)) radio.closest("label").remove();
        for (const name of names) groups[key].append(option(key, name, name));
        choose(key, value);
      }
      for (const radio of radios(key).slice(1)) {
        const count = counts[radio.value] ?? 0;
        const choice = radio.closest("label");
        choice.querySelector(".cb-count").textContent = String(count);
        choice.hidden = count === 0 && !radio.checked;
      }
    }
  }

  function open() {
    panel.hidden = false;
    if (backdrop) backdrop.hidden = false;
    input.setAttribute("aria-expanded", "true");
    form.classList.add("cb-search--open");
  }

  function close() {
    panel.hidden = true;
    if (backdrop) backdrop.hidden = true;
    input.setAttribute("aria-expanded", "false");
    form.classList.remove("cb-search--open");
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function showFromDisk() {
    open();
    panel.classList.add("cb-search-panel--offline");
    status.replaceChildren(...FROM_DISK.map((text, i) => (i % 2 ? element("code", "", text) : document.createTextNode(text))));
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
    if (fromDisk) {
      showFromDisk();
      return;
    }
    try {
      await load();
    } catch (error) {
      status.textContent = "Search could not be loaded.";
      return;
    }
    if (id !== searchId) return;
    const filters = Object.fromEntries(FILTERS.filter((k) => s[k]).map((k) => [k, s[k]]));
    const options = { filters, sort: s.sort === "date" ? { date: "desc" } : {} };
    const search = await pagefind.search(s.q || null, options);
    if (id !== searchId || !search) return;
    const total = search.results.length;
    status.textContent = total === 0 ? "No articles found." : `${total} ${total === 1 ? "article" : "articles"}`;
    list.replaceChildren();
    const fill = (result, item) => result.data().then((data) => {
      if (id === searchId) fillResult(item, data);
    });
    search.results.slice(0, SHOWN).forEach((result, n) => {
      const item = document.createElement("li");
      item.className = "cb-result";
      list.append(item);
      if (n < FETCHED_AT_ONCE) fill(result, item);
      else whenShown(item, () => fill(result, item));
    });
    // Pagefind counts the results each choice keeps once it has the filters' index:
    // a search made before that is made again (from its cache) for the counts.
    const ready = filtersReady;
    loadFilters().then(async () => {
      if (id !== searchId) return;
      const counted = ready ? search : await pagefind.search(s.q || null, options);
      if (id === searchId && counted) fillFilters(counted, false);
    });
  }

  // `then` once the item scrolls into view (at once where the browser cannot tell).
  function whenShown(item, then) {
    if (!("IntersectionObserver" in window)) {
      then();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      then();
    }, { rootMargin: "200px" });
    observer.observe(item);
  }

  function fillResult(item, data) {
    const meta = data.meta || {};
    const link = element("a", "cb-result__title", meta.title || data.url);
    link.href = data.url;
    item.append(link);
    if (meta.hint) item.append(element("span", "cb-result__hint", ` ${meta.hint}`));
    const details = [meta.authors, meta.date].filter(Boolean).join(" · ");
    if (details) item.append(element("p", "cb-result__meta", details));
    const themes = parseThemes(meta.themes);
    if (themes.length) {
      const chips = element("p", "cb-result__themes md-tags", "");
      for (const theme of themes) chips.append(element("span", "md-tag", theme));
      item.append(chips);
    }
    item.append(excerpt(data, meta));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
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

  // An excerpt of the article's text: Pagefind's text of the record is its
  // title, its authors, then the text (pagefind.py); the words of the first two
  // are skipped. The window of words holding the most words found is shown,
  // those words marked.
  function excerpt(data, meta) {
    const paragraph = element("p", "cb-result__excerpt", "");
    const words = (data.content || "").split(/\s+/).filter(Boolean);
    const lead = wordCount(meta.title) + wordCount(meta.authors);
    const found = new Set((data.locations || []).filter((at) => at >= lead));
    let start = lead;
    let best = -1;
    for (const at of found) {
      const from = Math.max(lead, at - 3);
      let hits = 0;
      for (const other of found) if (other >= from && other < from + EXCERPT_WORDS) hits += 1;
      if (hits > best) [best, start] = [hits, from];
    }
    const end = Math.min(words.length, start + EXCERPT_WORDS);
    if (start > lead) paragraph.append(document.createTextNode("… "));
    for (let at = start; at < end; at += 1) {
      if (at > start) paragraph.append(document.createTextNode(" "));
      paragraph.append(found.has(at) ? element("mark", "", words[at]) : document.createTextNode(words[at]));
    }
    if (end < words.length) paragraph.append(document.createTextNode(" …"));
    return paragraph;
  }

  function wordCount(text) {
    return (text || "").split(/\s+/).filter(Boolean).length;
  }

  input.addEventListener("focus", () => {
    if (fromDisk) {
      showFromDisk();
      return;
    }
    preload();
    if (active(state())) open();
  });
  form.addEventListener("pointerenter", preload);
  input.addEventListener("input", () => {
    if (pagefind && input.value.trim()) pagefind.preload(input.value.trim());
    clear.hidden = !input.value;
    toAddress(false);
    schedule();
  });
  panel.addEventListener("change", (event) => {
    if (!event.target.matches("input[type=radio]")) return;
    toAddress(true);
    run();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.querySelector(".cb-search__open").addEventListener("click", () => {
    form.classList.add("cb-search--open");
    input.focus();
  });
  form.querySelector(".cb-search__close").addEventListener("click", () => {
    close();
    input.blur();
  });
  clear.addEventListener("click", () => {
    input.value = "";
    clear.hidden = true;
    toAddress(false);
    run();
    input.focus();
  });
  if (backdrop) backdrop.addEventListener("click", close);
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

  // Pagefind's script and its index's entry, fetched before they are asked for.
  function preload() {
    if (!fromDisk) load().catch(() => {});
  }

  fromAddress();
  if (active(state())) run();
  else if ("requestIdleCallback" in window) window.requestIdleCallback(preload, { timeout: IDLE_PRELOAD_MS });
  else setTimeout(preload, IDLE_PRELOAD_MS);
})();
