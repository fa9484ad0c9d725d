"""The build's corpus-wide models (`enrich/models.py`): kept in the cache folder
(and in memory, for a caller that builds again and again), fitted when there
are none or they no longer serve, and each seed enriched by them, remembered
per seed under the models' digest and the seed's key.

A build uses the stored models as they are, unless it is asked to fit them
again (`refit`), the taxonomy or the corpus's languages changed since they
were fitted, or the corpus has drifted past a threshold (`models.drift`):
then it fits them to the corpus as it is, and says so in one line with the
drift figures (`Enriched.notice`). A build with no stored models (a fresh
clone) fits them once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corpus_browser.enrich.discover import content_digest
from corpus_browser.enrich.models import decide, drift, drift_figures, enrich_seed, fit_models, past_threshold
from corpus_browser.enrich.words import CorpusWords, WordList
from corpus_browser.model import Article, CorpusModels, SeedEnrichment, SplitSeed, Taxonomy
from corpus_browser.store import cache
from corpus_browser.store.cache import SeedCache
from corpus_browser.store.freshness import code_digest

#: Cache entry kinds: the models, and a seed enriched by them.
MODELS_KIND, ENRICHED_KIND = "models", "enrich"


@dataclass
class ModelMemory:
    """The models of the last build in this process, and the seeds they enriched, by key."""

    models: CorpusModels | None = None
    digest: str = ""
    """The digest of the models (of their cache entry's bytes)."""
    enriched: dict[str, SeedEnrichment] = field(default_factory=dict)
    folder: Path | None = None
    """The cache folder they belong to."""


@dataclass(frozen=True)
class Enriched:
    """The models a build uses, what they make of each seed (in seed order), and why
    they were fitted in this build (None when the stored ones served)."""

    models: CorpusModels
    seeds: tuple[SeedEnrichment, ...]
    notice: str | None


def enriched_corpus(seeds: Sequence[SplitSeed], words: Sequence[WordList], keys: Sequence[str],
                    articles: Sequence[Article], taxonomy: Taxonomy, languages: tuple[str, ...],
                    store: SeedCache | None, memory: ModelMemory | None, refit: bool = False) -> Enriched:
    """The corpus's seeds (`seeds`, their `words` and `keys`; `articles` all their
    articles, as indexed) enriched by the stored models, or by models fitted now
    (see the module docstring)."""
    memory = memory if memory is not None else ModelMemory()
    folder = store.folder if store is not None else None
    if memory.folder != folder or memory.models is None:
        memory.models, memory.digest = _stored(store)
        memory.enriched, memory.folder = {}, folder
    why = _why_fit(memory.models, taxonomy, languages, refit)
    if why is None:
        enriched = _enriched(memory, store, seeds, words, keys)
        found = drift(memory.models, enriched)
        if not past_threshold(found):
            return Enriched(memory.models, enriched, None)
        why = f"fitted again, the corpus having drifted: {drift_figures(found)}"
    elif refit and memory.models is not None:
        why += f" ({drift_figures(drift(memory.models, _enriched(memory, store, seeds, words, keys)))})"
    return _fitted(memory, store, seeds, words, keys, articles, taxonomy, languages, why)


def _why_fit(models: CorpusModels | None, taxonomy: Taxonomy, languages: tuple[str, ...], refit: bool) -> str | None:
    """Why the models must be fitted before this build can use them; None when they serve."""
    if models is None:
        return "fitted to the corpus (none were stored)"
    if refit:
        return "fitted again, as asked (--refit)"
    if models.tagging.taxonomy != taxonomy:
        return "fitted again: the taxonomy changed"
    if models.words.languages != languages:
        return "fitted again: the corpus's languages changed"
    return None


def _fitted(memory: ModelMemory, store: SeedCache | None, seeds: Sequence[SplitSeed], words: Sequence[WordList],
            keys: Sequence[str], articles: Sequence[Article], taxonomy: Taxonomy, languages: tuple[str, ...],
            why: str) -> Enriched:
    """Fit the models to the corpus, enrich every seed with them, decide the themes in
    use, and keep the models (and the seeds they enriched) for the next builds."""
    corpus = CorpusWords.join(words, languages)
    digests = [content_digest(article) for article in articles]
    models, matrix = fit_models(articles, taxonomy, corpus, digests)
    del corpus
    memory.models, memory.enriched = models, {}
    enriched = _enriched(memory, None, seeds, words, keys)
    models = decide(models, matrix, articles, enriched, taxonomy)
    payload = cache.dump(models)
    memory.models, memory.digest = models, hashlib.sha256(payload).hexdigest()
    memory.enriched = dict(zip(keys, enriched))
    if store is not None:
        store.put(_models_entry(), payload)
        for key, seed in zip(keys, enriched):
            store.put(_enriched_entry(memory.digest, key), cache.dump(seed))
    notice = f"corpus-wide models {why}: {len(articles):,} articles"
    return Enriched(models, enriched, notice)


def _enriched(memory: ModelMemory, store: SeedCache | None, seeds: Sequence[SplitSeed], words: Sequence[WordList],
              keys: Sequence[str]) -> tuple[SeedEnrichment, ...]:
    """Each seed enriched by the models in `memory`: as remembered (in memory, or in the
    cache folder), or now; only this corpus's seeds are remembered afterwards."""
    found = []
    for seed, listed, key in zip(seeds, words, keys):
        known = memory.enriched.get(key)
        if known is None and store is not None and memory.digest:
            known = store.value(_enriched_entry(memory.digest, key), SeedEnrichment)
        if known is None:
            known = enrich_seed(memory.models, CorpusWords.join([listed]),
                                [content_digest(article) for article in seed.articles])
            if store is not None and memory.digest:
                store.put(_enriched_entry(memory.digest, key), cache.dump(known))
        found.append(known)
    memory.enriched = dict(zip(keys, found))
    return tuple(found)


def _stored(store: SeedCache | None) -> tuple[CorpusModels | None, str]:
    """The models in the cache folder, with their digest; none when there are none (or they cannot be read)."""
    data = store.get(_models_entry()) if store is not None else None
    if data is None:
        return None, ""
    try:
        models = cache.load(data)
    except Exception:  # an entry that cannot be read is fitted again
        return None, ""
    return (models, hashlib.sha256(data).hexdigest()) if isinstance(models, CorpusModels) else (None, "")


def used_entries(memory: ModelMemory) -> set[str]:
    """The cache entries the last build used: the models, and the seeds they enriched."""
    return {_models_entry(), *(_enriched_entry(memory.digest, key) for key in memory.enriched)}


def _models_entry() -> str:
    """The models' cache entry: one per version of the code, which fits and reads them."""
    return hashlib.sha256(f"corpus models\n{code_digest()}".encode()).hexdigest() + f".{MODELS_KIND}"


def _enriched_entry(models: str, key: str) -> str:
    return hashlib.sha256(f"{models}\n{key}".encode()).hexdigest() + f".{ENRICHED_KIND}"
