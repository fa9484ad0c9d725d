"""Site: pure functions from the site's data (placed, tagged, related articles) to page text: article pages, listings, the archive, feeds, search records, the editor's report; never sees a unit."""
