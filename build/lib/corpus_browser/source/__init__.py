"""Source: the only code that reads input files: the seeds folder scanned, seeds decoded, sidecars and the taxonomy parsed within limits."""
