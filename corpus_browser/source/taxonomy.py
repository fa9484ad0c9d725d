"""The theme taxonomy (`themes.yml`): the editor's themes and the thresholds
that decide when an article carries one, checked where they enter. A bad
value is reported in one line naming the file and the line of the value.
"""

from __future__ import annotations

import logging
from pathlib import Path

from corpus_browser.errors import TaxonomyError, excerpt
from corpus_browser.lang.text import clean, tokens
from corpus_browser.model import Taxonomy, Theme
from corpus_browser.source.yaml_input import line_of, load_yaml

log = logging.getLogger(__name__)

#: Longest phrase, in words, that the taxonomy may use.
MAX_PHRASE_WORDS = 3


#: What the build does when a written taxonomy fits the corpus poorly (`settings: poor_fit:`).
POOR_FIT_CHOICES = ("discover", "keep")


SETTINGS = {
    "title_weight": (int, 1, 100),
    "min_hits": (int, 1, 1_000_000),
    "max_themes": (int, 1, 1_000),
    "max_share": (float, 0.01, 1.0),
}
#: Longest theme name, in characters.
THEME_NAME_MAX_CHARS = 60


def parse_taxonomy(data: object, path: str) -> Taxonomy:
    """Check a taxonomy file's parsed YAML: `themes: {Name: [phrase, ...]}` (or `themes: auto`)
    and optional `settings`. A theme named `Name > Other` is merged into the theme
    `Other`: its phrases are added to that theme's, so one edited line merges two."""
    auto = isinstance(data, dict) and data.get("themes") == "auto"
    if not isinstance(data, dict) or not (auto or isinstance(data.get("themes"), dict)):
        raise TaxonomyError(path, "expected `themes:` mapping each theme name to a list of phrases, or `themes: auto`",
                            line_of(data))
    themes = []
    written = {} if auto else data["themes"]
    merges = _merges(written)
    for name, phrases in written.items():
        if name in merges:
            continue
        if isinstance(phrases, list):
            phrases = [*phrases, *(phrase for other, target in merges.items() if target == name
                                   for phrase in written[other])]
        line = line_of(data["themes"], name)
        if not isinstance(name, str) or not name.strip() or len(name) > THEME_NAME_MAX_CHARS:
            raise TaxonomyError(path, f"theme name {excerpt(name)} must be text of 1 to {THEME_NAME_MAX_CHARS} "
                                      "characters (quote it if YAML reads it as something else)", line)
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise TaxonomyError(path, f"theme {excerpt(name)}: expected a list of phrases", line)
        normalized = tuple(" ".join(tokens(phrase)) for phrase in phrases)
        too_long = [p for p, n in zip(phrases, normalized) if not n or len(n.split()) > MAX_PHRASE_WORDS]
        if too_long:
            raise TaxonomyError(path, f"theme {excerpt(name)}: phrase {excerpt(too_long[0])} must have 1 to "
                                      f"{MAX_PHRASE_WORDS} words", line)
        if any(theme.name == clean(name) for theme in themes):
            raise TaxonomyError(path, f"theme {excerpt(clean(name))} is named twice", line)
        themes.append(Theme(clean(name), normalized))
    settings = data.get("settings") or {}
    if not isinstance(settings, dict) or set(settings) - set(SETTINGS) - {"poor_fit"}:
        raise TaxonomyError(path, f"settings may only hold {', '.join(sorted([*SETTINGS, 'poor_fit']))}",
                            line_of(data, "settings"))
    if settings.get("poor_fit", "discover") not in POOR_FIT_CHOICES:
        raise TaxonomyError(path, f"settings: poor_fit must be one of {', '.join(POOR_FIT_CHOICES)}",
                            line_of(settings, "poor_fit"))
    numbers = {key: value for key, value in settings.items() if key != "poor_fit"}
    for key, value in numbers.items():
        kind, least, most = SETTINGS[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not least <= value <= most \
                or (kind is int and value != int(value)):
            raise TaxonomyError(path, f"settings: {key} must be {'a whole number' if kind is int else 'a number'} "
                                      f"from {least} to {most}, "
                                      f"not {excerpt(value)}", line_of(settings, key))
    return Taxonomy(tuple(themes), auto, poor_fit=settings.get("poor_fit", "discover"),
                    **{key: SETTINGS[key][0](value) for key, value in numbers.items()})


#: Between a theme's name and the name of the theme it is merged into: `Peasant > Old Woman`.
MERGE_MARK = " > "


def _merges(written: dict) -> dict[str, str]:
    """The themes merged into another (`Peasant > Old Woman: [...]`, where `Old Woman` is a
    theme of the file with its phrases), each with the theme it goes into. A name holding
    ` > ` before anything else is an ordinary name."""
    merges = {}
    for name, phrases in written.items():
        if not isinstance(name, str) or MERGE_MARK not in name or not isinstance(phrases, list):
            continue
        target = name.rsplit(MERGE_MARK, 1)[1].strip()
        if target != name and isinstance(written.get(target), list):
            merges[name] = target
    return merges


def read_taxonomy(path: Path) -> Taxonomy:
    """The theme taxonomy; without the file, themes are discovered (`Taxonomy(auto=True)`)."""
    if not path.is_file():
        log.info("%s: not found; themes are discovered in the corpus", path)
        return Taxonomy(auto=True)
    return parse_taxonomy(load_yaml(path, str(path), TaxonomyError), str(path))
