"""Split: pure functions from a seed's lines to its articles.

A seed's format is told by its content (`formats.py`); the reader of that
format turns its lines into units (`readers/`); `segment.py` gives each unit
its role, `layout.py` finds where articles start and what is front or back
matter, `header.py` reads the template under the titles, and `extract.py`
makes each article. Boilerplate is the one judgement that needs every seed
(`boilerplate.py`), so a seed is split in two halves around it:

1. `prepare_seed`: the seed's format and units, and `seed_keys`, what
   boilerplate detection needs from it;
2. `find_boilerplate` over every seed's keys;
3. `split_seed`: the seed cut into articles, knowing the corpus's boilerplate.

The build runs these steps seed by seed, in worker processes and with a cache
(`pipeline/seedwork.py`); `split_corpus` runs them in one go, for tests and
tools. Either way the result is the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from corpus_browser.config import SplitRules
from corpus_browser.lang.recognise import date_in_name
from corpus_browser.lang.rules import DRAFT_FOLDERS
from corpus_browser.model import (
    Format,
    Reading,
    SeedInput,
    Segment,
    SegmentedSeed,
    SetAside,
    SetAsideKind,
    SplitSeed,
)
from corpus_browser.split.boilerplate import SeedKeys, find_boilerplate
from corpus_browser.split.extract import extract, is_draft, is_stub, with_years_carried
from corpus_browser.split.imports.articles import imported_seed
from corpus_browser.split.plausibility import FEW_PIECES, SWITCH_MIN_SCORE_SHARE, judge, unmarked
from corpus_browser.split.segment import PreparedSeed, blocked_keys, opens_block, prepare_seed, segment_seed

#: Formats whose headings carry ranks, so that the article level can be looked for a rank deeper.
RANKED_FORMATS = frozenset({Format.MARKDOWN, Format.RST, Format.WIKI, Format.ASCIIDOC, Format.ORG, Format.COMMANDS})
#: Why a document that only points elsewhere (`extract.is_stub`) is set aside.
STUB = "a stub pointing elsewhere (no title, date or author; one line with an address), no post"

__all__ = ["PreparedSeed", "SeedKeys", "find_boilerplate", "prepare_seed", "seed_keys", "segment_corpus",
           "split_corpus", "split_seed"]


def seed_keys(prepared: PreparedSeed) -> SeedKeys:
    """What boilerplate detection needs from a prepared seed."""
    openers = tuple(key for unit, key in zip(prepared.units, prepared.keys) if opens_block(unit))
    return SeedKeys(tuple(blocked_keys(prepared)), openers)


def split_seed(item: SeedInput, prepared: PreparedSeed, boilerplate: Iterable[str], rules: SplitRules) -> SplitSeed:
    """The seed cut into articles, given the keys of the corpus's boilerplate
    paragraphs (those among the seed's own are enough): the reading of the format
    its content shows most, unless that split looks wrong and another reading
    (another format it shows traces of, plain text, the article level a rank
    deeper) looks better (`plausibility`), or, when none looks right and the
    first hardly split the seed, scores better and splits it; or the sidecar's
    hints say where its articles start. The readings weighed go with it."""
    if prepared.imported is not None:
        return imported_seed(item, prepared.imported)
    boilerplate = frozenset(boilerplate)
    segmented = segment_seed(item, prepared, boilerplate, rules)
    verdict = judge(segmented)
    readings = [Reading(prepared.format, 0, True, verdict.pieces, verdict.score, verdict.reasons)]
    floor = SWITCH_MIN_SCORE_SHARE * verdict.score
    hinted = item.overrides.article_titles or item.overrides.article_level
    if (not verdict.plausible or unmarked(segmented)) and item.seed.format is None and not hinted:
        looks_right = set()
        doubtful = None  # (the best of the other readings that look wrong too: its split, verdict and reading)
        for format, deeper, records in _other_readings(prepared):
            if not records and any((format, shallower, False) in looks_right for shallower in range(deeper)):
                continue  # (the shallowest level that looks right: a handbook's chapters, not their subsections)
            other = segment_seed(item, prepare_seed(item, rules, format), boilerplate, rules, deeper, records)
            found = judge(other)
            readings.append(Reading(format, deeper, records, found.pieces, found.score, found.reasons))
            if found.plausible:
                looks_right.add((format, deeper, records))
            if found.plausible and found.score >= floor and (not verdict.plausible or found.score > verdict.score) \
                    and (found.pieces > 1 or (verdict.pieces == 1 and not verdict.plausible)):
                segmented, verdict = other, found
                readings.insert(0, readings.pop())
            elif not found.plausible and found.pieces > 1 \
                    and found.score > (doubtful[1] if doubtful else verdict).score:
                doubtful = (other, found, readings[-1])
        if not verdict.plausible and verdict.pieces <= FEW_PIECES and doubtful is not None:
            # (no reading looks right, and the first did not split the seed: the best scored of those that do)
            segmented, verdict, reading = doubtful
            readings.remove(reading)
            readings.insert(0, reading)
    if readings[0].format is not prepared.format or readings[0].deeper or not readings[0].records:
        segmented = replace(segmented, format_evidence=f"read again: {_doubt(prepared.format, readings)}")
    return _extracted(segmented, tuple(readings))


def _doubt(first: Format, readings: Sequence[Reading]) -> str:
    """Why a seed was read otherwise than its content first suggested."""
    doubted = next(reading for reading in readings if reading.format is first and reading.deeper == 0
                   and reading.records)
    if not doubted.reasons:
        return f"read as {first.value}, no heading was marked up in it"
    return f"read as {first.value}, its split looked wrong ({'; '.join(doubted.reasons)})"


def _other_readings(prepared: PreparedSeed) -> list[tuple[Format, int, bool]]:
    """The readings to weigh against the first: in a format with ranked headings,
    its headings with no block of fields opening a document, and its article level
    a rank deeper, or one or two ranks deeper with no such block (a page of
    questions under its sections, under its title, under its front matter);
    then each other format shown, all ways."""
    found = []
    for format in (prepared.format, *prepared.alternatives):
        ranked = [(format, 0, False), (format, 1, True), (format, 1, False), (format, 2, False)] \
            if format in RANKED_FORMATS else []
        found += [(format, 0, True), *ranked]
    return found[1:]


def segment_corpus(inputs: Sequence[SeedInput], rules: SplitRules) -> tuple[SegmentedSeed, ...]:
    """Every seed cut into segments, its units with their roles: steps 1 to 3,
    stopping before extraction (for a look at the units)."""
    prepared = [prepare_seed(item, rules) for item in inputs]
    boilerplate = find_boilerplate((seed_keys(seed).blocked for seed in prepared), rules)
    return tuple(segment_seed(item, seed, boilerplate, rules) for item, seed in zip(inputs, prepared))


def split_corpus(inputs: Sequence[SeedInput], rules: SplitRules) -> tuple[SplitSeed, ...]:
    """Every seed cut into articles, in one go."""
    prepared = [prepare_seed(item, rules) for item in inputs]
    boilerplate = find_boilerplate((seed_keys(seed).blocked for seed in prepared), rules)
    return tuple(split_seed(item, seed, boilerplate, rules) for item, seed in zip(inputs, prepared))


def _unpublished(segment: Segment, in_drafts: bool) -> str | None:
    """Why the segment is not published (a draft, a stub that only points elsewhere), or None."""
    if in_drafts or is_draft(segment):
        return "a draft, not published"
    return STUB if is_stub(segment) else None


def _extracted(segmented: SegmentedSeed, readings: tuple[Reading, ...] = ()) -> SplitSeed:
    """The seed's articles; a draft (its own metadata says so, or it lies in a
    drafts folder) and a stub that only points elsewhere are set aside with the
    front and back matter, listed in the report, and not published."""
    lines, format, overrides = segmented.seed.lines, segmented.format, segmented.overrides
    in_drafts = not DRAFT_FOLDERS.isdisjoint(segmented.seed.name.split("/")[:-1])
    unpublished = {n: reason for n, segment in enumerate(segmented.segments)
                   if (reason := _unpublished(segment, in_drafts)) is not None}
    published = [segment for n, segment in enumerate(segmented.segments) if n not in unpublished]
    articles = tuple(extract(segment, overrides, lines, format) for segment in published)
    if len(articles) == 1 and articles[0].date is None:  # one post per file, its date in the file's name
        articles = (replace(articles[0], date=date_in_name(segmented.seed.name)),)
    articles = with_years_carried(articles, lines)
    matter = segmented.matter + tuple(SetAside(unit.first, unit.last, SetAsideKind.BOILERPLATE, unit.text)
                                      for n in unpublished for unit in segmented.segments[n].units)
    matter_lines = segmented.matter_lines + tuple((segmented.segments[n].first, segmented.segments[n].last, reason)
                                                  for n, reason in unpublished.items())
    return SplitSeed(segmented.seed.name, format, segmented.format_evidence, overrides, articles,
                     tuple(sorted(matter, key=lambda aside: aside.first)), tuple(sorted(matter_lines)),
                     segmented.layout, tuple(segment.reason for segment in published), len(lines), readings)
