"""The pipeline: runs the stages in order (source, split, enrich, site, store), and alone owns concurrency, worker processes and the cache keys of the per-seed work."""
