"""The corpus-wide models: what a build weighs every article by, fitted once and
then kept (`CorpusModels`).

Three results depend on the whole corpus: relating weighs words by how many
articles use them (`WordStats`), discovery finds the corpus's themes (NMF,
`ThemeModel`), and tagging finds how the corpus spells the taxonomy's phrases
(`TagModel`); the fit of the written taxonomy decides which themes the site
uses. Worked out again on every save, they would make a save cost a full
build. So they are fitted once (`fit_models`, then `decide`) and kept by the
build; each article is then enriched by them on its own (`enrich_seed`: its
relating vector, its weights over the themes, its hits of the taxonomy's
phrases), and only the thresholds that compare articles with each other are
applied over the whole corpus (`apply_models`). A save enriches only the
articles it changed; a full build with the same models enriches every
article the same way, so the two give the same site.

The models are fitted again when asked (`build_docs.py --refit`), when the
taxonomy or the corpus's languages change, or when the corpus has drifted
from the one they were fitted to (`drift`, `past_threshold`): a share of its
articles the fit did not see, or of the fit's articles gone, or of its words
new to the fit.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix

from corpus_browser.enrich.discover import (
    UNCOVERED_SHOWN,
    _discovered_tagging,
    discovery_of,
    measure_fit,
    theme_model,
    theme_weights,
)
from corpus_browser.enrich.relate import term_vectors, word_stats
from corpus_browser.enrich.tag import choose_tags, tag_evidence, tag_model
from corpus_browser.enrich.words import CorpusWords
from corpus_browser.model import (
    Article,
    CorpusModels,
    Derivations,
    Drift,
    SeedEnrichment,
    Taxonomy,
    ThemeChoice,
)

log = logging.getLogger(__name__)

#: The models are fitted again once this share of the articles is new or edited since the fit, ...
REFIT_CHANGED_SHARE = 0.2
#: ... or this share of the articles the fit saw is gone, ...
REFIT_GONE_SHARE = 0.2
#: ... or this share of the articles' term occurrences is of words the fit never counted.
REFIT_NEW_WORDS_SHARE = 0.02


def fit_models(articles: Sequence[Article], taxonomy: Taxonomy, words: CorpusWords,
               digests: Sequence[bytes]) -> tuple[CorpusModels, csr_matrix | None]:
    """The models fitted to `articles` (their `words` and content `digests` given),
    yet to `decide` which themes the site uses; and the articles' TF-IDF matrix,
    which deciding measures the taxonomy's fit with."""
    themes, matrix = theme_model(articles, taxonomy, words, digests)
    return CorpusModels(word_stats(words), themes, tag_model(taxonomy, words), None, taxonomy.auto), matrix


def decide(models: CorpusModels, matrix: csr_matrix | None, articles: Sequence[Article],
           enriched: Sequence[SeedEnrichment], taxonomy: Taxonomy) -> CorpusModels:
    """The models with the decision made: the written taxonomy where it fits the
    corpus (as enriched by the fitted models), else (and with `themes: auto`) the
    discovered themes; and the report's uncovered phrases, less addresses,
    markup and people."""
    if taxonomy.auto:
        return replace(models, fit=None, discovered=True)
    discovery = replace(discovery_of(models.themes, _theme_weights(models, enriched), taxonomy), vectors=matrix)
    written = choose_tags(models.tagging, articles, _evidence(enriched))
    fit = measure_fit(written, taxonomy, discovery)
    if fit.poor:
        log.info("taxonomy fits poorly: %s", "; ".join(fit.problems))
    uncovered = tuple((phrase, n) for phrase, n in models.tagging.uncovered
                      if not any(word in discovery.noise for word in phrase.split()))[:UNCOVERED_SHOWN]
    use_discovered = fit.poor and taxonomy.poor_fit == "discover" and bool(discovery.themes)
    return replace(models, tagging=replace(models.tagging, uncovered=uncovered), fit=fit, discovered=use_discovered)


def enrich_seed(models: CorpusModels, words: CorpusWords, digests: Sequence[bytes]) -> SeedEnrichment:
    """What the models make of each article of `words` (one seed's, whose content
    `digests` are given), each on its own."""
    return SeedEnrichment(tuple(digests), term_vectors(words, models.words),
                          theme_weights(models.themes, words, digests), tag_evidence(models.tagging, words))


def apply_models(models: CorpusModels, articles: Sequence[Article], enriched: Sequence[SeedEnrichment],
                 taxonomy: Taxonomy, derived: Derivations | None = None) -> ThemeChoice:
    """The themes in use, with the thresholds that compare articles with each other
    (no theme too broad) applied over the whole corpus: the `articles` (in corpus
    order) tagged, the discovered themes, and the fit as the models decided;
    `derived` remembers the tagged articles from one build to the next."""
    discovery = discovery_of(models.themes, _theme_weights(models, enriched), taxonomy)
    if models.discovered:
        tagging = _discovered_tagging(articles, discovery, derived)
        if models.fit is not None:
            tagging = replace(tagging, uncovered=models.tagging.uncovered)
        return ThemeChoice(tagging, discovery, models.fit, True)
    tagging = choose_tags(models.tagging, articles, _evidence(enriched), derived)
    return ThemeChoice(tagging, discovery, models.fit, False)


def _theme_weights(models: CorpusModels, enriched: Sequence[SeedEnrichment]) -> np.ndarray:
    themes = len(models.themes.components) if models.themes is not None else 0
    parts = [seed.theme_weights for seed in enriched if len(seed.digests)]
    return np.concatenate(parts) if parts else np.zeros((0, themes), dtype=np.float32)


def _evidence(enriched: Sequence[SeedEnrichment]) -> list:
    return [found for seed in enriched for found in seed.evidence]


def drift(models: CorpusModels, enriched: Sequence[SeedEnrichment]) -> Drift:
    """How far the corpus (as `enriched` by the models) has moved from the one they were fitted to."""
    fitted = set(models.themes.fitted) if models.themes is not None else None
    digests = [digest for seed in enriched for digest in seed.digests]
    terms = sum(seed.vectors.terms for seed in enriched)
    new_words = sum(seed.vectors.unknown for seed in enriched) / terms if terms else 0.0
    if fitted is None:  # no themes to weigh articles by: the statistics alone tell what changed
        return Drift(0.0, abs(len(digests) - models.words.articles) / max(models.words.articles, 1), new_words)
    unseen = sum(digest not in fitted for digest in digests)
    gone = len(fitted - set(digests))
    return Drift(unseen / max(len(digests), 1), gone / max(len(fitted), 1), new_words)


def past_threshold(found: Drift) -> bool:
    """Whether the corpus has drifted far enough for the models to be fitted again."""
    return found.changed >= REFIT_CHANGED_SHARE or found.gone >= REFIT_GONE_SHARE or \
        found.new_words >= REFIT_NEW_WORDS_SHARE


def drift_figures(found: Drift) -> str:
    """The drift measures as a reader takes them in, each with its threshold."""
    return (f"{found.changed:.1%} of the articles new or edited since the last fit (refit at "
            f"{REFIT_CHANGED_SHARE:.0%}), {found.gone:.1%} of its articles gone (at {REFIT_GONE_SHARE:.0%}), "
            f"{found.new_words:.1%} of the words new to it (at {REFIT_NEW_WORDS_SHARE:.0%})")
