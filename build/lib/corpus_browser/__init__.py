"""Corpus Browser: split raw text dumps of articles into a searchable MkDocs site.

The build is a pipeline of stages over frozen dataclasses (see `model.py`):
read -> segment -> extract -> authors -> tag -> relate -> render -> write,
run by `build.build()`; `cli.py` and `mkdocs_hook.py` are thin adapters.
"""
