"""Store: the only code that writes (pages, the manifest, the per-seed cache), and the up-to-date check that reads what it wrote."""
