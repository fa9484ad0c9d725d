"""Stopwords: words that never describe an article, nor start or end a phrase worth naming a theme by."""

from __future__ import annotations

#: English words that never start or end a phrase worth suggesting, nor weigh in relating articles.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers him his how i if in into is it its itself just let like
    made make many may me might more most much must my no nor not now of off on once one only or other our
    ours out over own really same says see she should so some such than that the their them then there
    these they this those through to too under until up upon us very was way we well were what when where
    which while who whom why will with would yet you your yours also get got go going know new take want
    don t s re ve ll d m isn aren wasn doesn didn won can’t don’t it’s that’s you’re i’m we’re""".split()
)
