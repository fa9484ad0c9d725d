"""Adapters: the only code that knows argparse, MkDocs and Pagefind; each turns the pipeline's results into what its tool expects."""
