// The search page of a site indexed by Pagefind: start its UI, with the query
// and the author and theme filters taken from the address
// (search.html?q=trust&author=Jane%20Doe&theme=Leadership).
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
    const values = params.getAll(name);
    if (values.length) filters[name] = values;
  }
  if (Object.keys(filters).length) ui.triggerFilters(filters);
  const query = params.get("q");
  if (query) ui.triggerSearch(query);
});
