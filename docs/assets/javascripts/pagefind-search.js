// The search page of a site indexed by Pagefind: start its UI, with the query
// and the author and theme filters taken from the address
// (search.html?q=trust&author=Jane%20Doe&theme=Leadership).
//
// Pagefind's UI shows a filter's value as HTML, so Pagefind's index holds
// author and theme names HTML-escaped (overrides/main.html, `pagefind_value`);
// names taken from the address are escaped the same way to match them.
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };
const escapeHtml = (text) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

document.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("cb-search");
  if (!element || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element,
    showImages: false,
    showSubResults: false,
    pageSize: 10,
    debounceTimeoutMs: 100,
    autofocus: true,
    openFilters: ["theme"],
    translations: { placeholder: "Search articles by word, author or theme" },
  });
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of ["author", "theme"]) {
    const values = params.getAll(name).map(escapeHtml);
    if (values.length) filters[name] = values;
  }
  if (Object.keys(filters).length) ui.triggerFilters(filters);
  const query = params.get("q");
  if (query) ui.triggerSearch(query);
});
