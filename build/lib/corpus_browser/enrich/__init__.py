"""Enrich: pure functions over the extracted articles: authors normalised and merged, the corpus's words, themes (tagging with a taxonomy, and discovery), related articles. Never sees a page."""
