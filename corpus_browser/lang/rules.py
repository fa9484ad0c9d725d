"""Rule tables for recognising lines: bylines, dates, list markers, widget debris.

These are data, not code paths: add a pattern here to teach the splitter a new
dump style. Nothing in this file names a particular seed, site or author.
"""

from __future__ import annotations

import re

#: Bylines at the start of a line. Each pattern captures the name list in
#: `names`; whether that really holds names is checked by the recogniser, which
#: also drops honorifics and degrees (`BY THE HON. JANE DOE, LL.D.`).
BYLINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:a )?guest post (?:from|by)\s*:?\s+(?P<names>.+?)\s*$",
        # a blog's date line naming the author after it: `Posted on March 1, 2021 by Jane Doe`,
        # `March 1, 2021 by Jane Doe`, `1 March 2021 by Jane Doe`, `2021-03-01 by Jane Doe`
        r"^(?:published|posted|written|updated)\s+(?:on\s+)?[^\n]*?\d{4}\s*,?\s+by\s+(?P<names>.+?)\s*$",
        r"^(?:on\s+)?(?:[a-z]+day,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}"
        r"|\d{4}-\d{2}-\d{2})\s*,?\s+by\s+(?P<names>.+?)\s*$",
        r"^(?:published|posted|written|authored|contributed)(?: by)?\s*:?\s+(?P<names>.+?)"
        r"(?:\s+(?:in|on|at|under)\s+.*)?$",
        r"^byline\s*:\s*(?P<names>.+?)(?:\s+(?:in|for|at)\s+[A-Z].*)?$",
        r"^(?:by|authors?|words by|story by)\s*:?\s+(?P<names>.+?)\s*$",
        # the author, then when: `By Jane Doe on March 1, 2021`
        r"^by\s+(?P<names>.+?)\s+on\s+[^\n]*?\d{4}\W*$",
    )
)

#: Bylines and date lines are short; longer lines are never checked for them.
METADATA_LINE_MAX_CHARS = 200

#: Lower-case words allowed inside a person's name ("Ludwig van Beethoven").
NAME_PARTICLES = frozenset("van von de da der den del della di du la le st bin ibn al y".split())
#: Words that join several names in one byline.
NAME_JOINERS = re.compile(r"(?:,|;|&|\band\b|\bwith\b)", re.IGNORECASE)  # (parts are stripped: no `\s*` before)
#: One word of a person's name: letters, with dots, hyphens and apostrophes.
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'’\-]*(?:[.'’\-][^\W\d_]*)*\.?$")
#: The most words one person's name may have.
NAME_MAX_WORDS = 5
#: Words that together say the author is no one in particular (`VARIOUS AUTHORS`, `Anonymous`): no person's name.
NO_ONE_WORDS = frozenset({"various", "authors", "anonymous", "anon", "unknown", "others", "several", "contributors"})
#: Last words of a publication's or an organisation's name, not a person's: `— Boston Globe` credits a source.
SOURCE_WORDS = frozenset(
    "times post globe tribune herald journal news press review magazine gazette daily weekly monthly "
    "quarterly chronicle observer guardian telegraph mail express standard reporter bulletin wire agency "
    "radio television tv network institute university college society association foundation company "
    "inc ltd llc corporation team staff editors agencies wires reporters".split())
#: Abbreviations written as initials (`P. S.`, `Q. E. D.`): no person's initials, though a line may hold only them.
INITIALISMS = frozenset("ps pps nb qed rsvp us usa uk ok".split())
#: Abbreviations written as initials run together (`A.M.`, `R.I.P.`, `M.D.`): no person's, where
#: `G.H.B.` signs a letter. (Spaced, `A. M.` and `E. G.` are people's initials as often.)
RUN_TOGETHER_INITIALISMS = INITIALISMS | frozenset(
    "am pm ad bc ie eg rip tbc amdg sdg md ba ma bd dd phd frs llb lld mp qc kc un eu dc ny ussr pto iou".split())
#: A role in brackets after a name in a list of authors, dropped from it: `Jane Doe (editor)`
#: (not a nickname, `J (a.k.a. Jay)`, which is part of how the person is named).
ROLE_ASIDE = re.compile(
    r"\s*\((?:editor|ed\.|eds\.|co-?editor|translator|trans\.|illustrator|guest(?: author)?|host|co-?host|"
    r"interviewer|contributor|author|maintainer|reviewer)\)\s*$", re.IGNORECASE)
#: Titles and ranks written before a name; dropped from bylines.
HONORIFICS = frozenset(
    """the hon honorable honourable rev reverend dr doctor prof professor mr mrs ms mx miss sir dame lady
    lord fr father col colonel gen general capt captain maj major lieut lieutenant sgt judge""".split()
)
#: Degrees and generational suffixes written after a name without dots (`PhD`, `Jr`, `III`).
NAME_SUFFIXES = frozenset("phd md mba esq jr sr frs lld dd cpa rn dds ii iii iv".split())
#: A part of a byline made of abbreviations only ("A.M.", "LL.D.", "U.S.A.",
#: "Ph.D."), or one of `NAME_SUFFIXES`: a degree or a rank after the name, not a person.
DEGREE = re.compile(r"^(?:[A-Z][A-Za-z]?\.\s?)+[A-Z]{1,2}\.?$|^[A-Z][A-Za-z]{0,2}\.$"
                    r"|^(?i:" + "|".join(sorted(NAME_SUFFIXES)) + r")\.?$")
#: An attribution closing a piece: a signature line such as `_Jane Doe, in The
#: Monthly._` or `— J. DOE.`, or the end of the last paragraph
#: (`…old walls.--_H. W. Brewer, in London Graphic_.`). `names` is checked by
#: the recogniser; `source` is where the piece first appeared.
SIGNOFF_LINE = re.compile(
    r"^(?:[—–]|--?)?\s*_?(?P<names>[^_,()]{3,60}?)(?:,\s+in\s+(?P<source>[^_]{2,80}?))?\s*[._]*$"
)
#: A line of names after a dash, perhaps with a handle (`—Jane Doe and John Roe`, `— Jane Doe (@jane)`).
DASHED_NAMES = re.compile(r"^\s*(?:[—–]|--)\s*(?P<names>[^_()@\d]{3,120}?)\s*(?:\(\s*@[\w.-]+\s*\))?\s*\.?$")
#: A line crediting a person, then a role or a handle after a dash, tilde or bar (`Jane Doe — W1AW — Editor`).
CREDIT_LINE = re.compile(r"^(?P<name>[^—–~|()\d]{5,60}?)\s+[—–~|]\s+(?P<rest>\S.{0,60})$")
#: ... the role or handle of at most this many words.
CREDIT_REST_MAX_WORDS = 6
SIGNOFF_TAIL = re.compile(
    r"[.!?\"”’)]\s*(?:[—–]|--)\s*_?(?P<names>[^_,()]{3,60}?),\s+in\s+(?P<source>[^_]{2,80}?)\s*[._]*$"
)
#: A place alone on the line under a letter's signature: `Winchester.`, `The Hague.`, `New Harmony, Ind.`
#: (not a closing line: `The Editors.`, `Kind regards.`).
PLACE_LINE = re.compile(r"^(?!(?:A|An|Our|Your|My|Thank|Thanks|Best|Kind|Yours|Regards)\b)"
                        r"(?!.*\b(?:Editors?|Committee|Staff|Team|Board|Publishers?|Management|Secretary)\.$)"
                        r"[A-Z][a-z'’-]+(?:,? [A-Z][a-z'’-]*\.?){0,3}\.$")
#: Markup that writes its headings as commands: LaTeX's `\\section*{Title}`, Texinfo's `@section Title`,
#: POD's `=head1 Title`, Yodl's `sect(Title)`. Each has the pattern of a heading line (alone on it,
#: capturing the command and the title) and of a line declaring a document of that markup, which
#: stands before its first heading (`\\documentclass`, `\\input texinfo`, `=pod`, Yodl's `article(…)`):
#: a file that only shows a few commands as examples is not written in it.
COMMAND_MARKUPS = (
    (re.compile(r"^\\(?P<command>[a-z]+)\*?(?:\[[^\]\n]{0,200}\])?\{(?P<title>[^\n]{1,300})\}\s*(?:%.*)?$"),
     re.compile(r"^\\(?:documentclass|begin\{document\})")),
    (re.compile(r"^@(?P<command>[a-z]+)[ \t]+(?P<title>\S[^\n]{0,300})$"),
     re.compile(r"^(?:\\input texinfo|@setfilename|@settitle|@node)\b")),
    (re.compile(r"^=(?P<command>head[1-4])[ \t]+(?P<title>\S[^\n]{0,300})$"),
     re.compile(r"^=(?:pod|head[1-4]|encoding)\b")),
    (re.compile(r"^(?P<command>[a-z]+)\((?P<title>[^\n]{1,300})\)\s*$"),
     re.compile(r"^(?:def|COMMENT|DEFINEMACRO|includefile|INCLUDEFILE|manpage|article|report|book|[a-z]+report)\(")),
)
#: The rank of each heading command (LaTeX, Texinfo, POD, Yodl): the lower, the higher the heading.
HEADING_COMMANDS = {
    "part": 1, "top": 1, "majorheading": 1, "head1": 1,
    "chapter": 2, "unnumbered": 2, "appendix": 2, "chapheading": 2, "nchapter": 2, "head2": 2,
    "section": 3, "unnumberedsec": 3, "appendixsec": 3, "heading": 3, "sect": 3, "nsect": 3, "head3": 3,
    "subsection": 4, "unnumberedsubsec": 4, "appendixsubsec": 4, "subheading": 4, "subsect": 4, "nsubsect": 4,
    "head4": 4,
    "subsubsection": 5, "unnumberedsubsubsec": 5, "subsubheading": 5, "subsubsect": 5,
}
#: Inline commands in a heading command's title, read as what they hold: LaTeX's `\\emph{x}`,
#: Texinfo's `@code{x}`, POD's `C<x>`, Yodl's `tt(x)` (a name of two letters or more: `f(x)` is a formula).
INLINE_COMMANDS = (
    re.compile(r"\\[a-zA-Z]+\{(?P<text>[^{}\n]*)\}"),
    re.compile(r"@[a-z]+\{(?P<text>[^{}\n]*)\}"),
    re.compile(r"\b[A-Z]<(?P<text>[^<>\n]*)>"),
    re.compile(r"\b[a-z]{2,}\((?P<text>[^()\n]*)\)"),
)
#: Who produced an e-text, as a library's wrapper says under its opening marker: `Produced by Jane Doe and
#: the Online Distributed Proofreading Team`, `Credits: …`, `E-text prepared by …`, `This eBook was produced
#: by …`, `Transcribed from the 1914 edition by …`.
PRODUCER_CREDIT = re.compile(
    r"^(?:credits?:|(?:this (?:e-?book|e-?text|etext|file|edition) (?:was|has been|is) |e-?text |html version )?"
    r"(?:produced|prepared|transcribed|digiti[sz]ed|scanned|proofread)\b"
    r"[^\n]{0,200}?\bby\b)", re.IGNORECASE)
#: A footnote's mark closing a short line, as transcriptions write it (`LETTER XLI. {399b}`, `CHAPTER I.[1]`):
#: the line is read without it (a title, not a line that goes on).
FOOTNOTE_ANCHOR = re.compile(r"\s*(?:\{\d{1,4}[a-z]?\}|\[\d{1,3}\])$")
#: A footnote at the foot of a piece, perhaps under its signature: `[1] …`, `{2} …`.
FOOTNOTE = re.compile(r"^(?:\[\d+\]|\{\d+\})\s")
#: A sentence crediting the piece it stands in to its authors, among the piece's first or last
#: paragraphs, perhaps before other sentences: `This week's issue was edited by Jane Doe.`, `This guide
#: was written by @jane with contributions from: …` (who contributed is thanked, not credited). The
#: piece names itself as one (a post, an issue, a guide, an essay): `This book was written by …`, `This
#: album was produced by …` credit another work, the one a review is about.
CREDIT_SENTENCE = re.compile(
    r"^this(?:\s+(?:week's|month's|year's|day's|weekly|monthly|blog|guest))?\s+(?:post|article|issue|edition"
    r"|newsletter|guide|digest|episode|entry|round-?up|summary|update|write-?up|piece|tutorial|column|essay|review"
    r"|report|faq|page|chapter|talk|paper|section|document|translation)(?:\s+of\s+[^.!?\n]{1,40}?)?"
    r"\s+(?:is|was|has been)\s+(?:written|edited|compiled|curated|prepared|assembled"
    r"|authored|produced|put together)\s+by:?\s+(?P<names>.{0,200}?(?:\)|[^\W\d_]{2}))"
    r"(?:,?\s+with\s+(?:contributions|help|input)\s+from\b.*|\s*[.!](?:\s+.*)?|\s*)$", re.IGNORECASE | re.DOTALL)
#: The characters of a person's handle on a site (`jane-doe`, `ada.l`), without its `@`.
HANDLE_CHARS = r"[A-Za-z0-9][\w.-]{0,38}"
#: A person's handle on a site, as a credit gives it: `@jane`, or a link's text alone (`jane-doe`).
HANDLE = re.compile(rf"@?(?P<handle>{HANDLE_CHARS})")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def _ordinal(endings: str) -> str:
    """What may follow a day's number: one of an ordinal's `endings`, on the
    line or raised as plain text writes a superscript (`1^{st}`, `26^sten`)."""
    alternatives = "|".join(endings.split())
    return rf"(?:\^?\{{(?:{alternatives})\}}|\^?(?:{alternatives}))?"


#: An English day's ordinal ending (`23rd`, `1^{st}`).
_ENGLISH_ORDINAL = _ordinal("st nd rd th")
#: A day's ordinal ending in any language read: English's, French `1er`, `1re`, `2e`,
#: Spanish, Italian and Portuguese `1º`, `1ª`, `1o`, Dutch `26sten`, `11den`, `3de`, German `3ten`, `3te`.
_ANY_ORDINAL = _ordinal("st nd rd th er re ème eme e º ª o a sten ste den de ten te")
_DAY = rf"(?P<day>\d{{1,2}}){_ENGLISH_ORDINAL}"
#: A year of four digits, 1500 to 2199.
YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)"

#: A day named by its month alone, no year, as a journal's entries are headed (`Sept. 17.`, `Monday, 3rd May`,
#: `May 6th, Sunday`).
MONTH_DAY = re.compile(
    rf"^(?:[A-Z][a-z]+day,?\s+)?(?:{_MONTH}\s+{_DAY}|(?P<day_first>\d{{1,2}}){_ENGLISH_ORDINAL}\s+(?:of\s+)?"
    rf"(?P<month_after>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?)(?:,?\s+[A-Z][a-z]+day)?\.?$",
    re.IGNORECASE)
#: A journal's day named by its number alone, its month the entry's before (`21st.`, `28th, Saturday`).
DAY_ALONE = re.compile(r"^(?:[A-Z][a-z]+day,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\.?(?:,?\s+[A-Z][a-z]+day)?\.?$",
                       re.IGNORECASE)
#: A journal's entry run in with its paragraph, its day in italics, perhaps after the place (`_21st._--Walked …`,
#: `_February 1st._--`, `Millbrook, _March 3rd 1801_.--`): the title, then what stands between it and the text.
RUN_IN_DAY = re.compile(
    r"^(?P<title>(?:[A-Z][\w'’ -]{0,30},\s+)?_(?P<day>[^_]{1,40})_)[.,]?\s*(?:--|—|–)?\s*(?=\S)")
#: The marker of a heading that is an entry's date line: its title keeps the date (`München, den 6. September`).
DATELINE_MARKER = "date line"
#: A month alone on a line, as a journal heads its month's entries (`APRIL.`).
MONTH_LINE = re.compile(rf"^[\s_*]*(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})[.:]?[\s_*]*$",
                        re.IGNORECASE)
#: A year alone on a line, as a journal heads its year's entries (`1782.`, `_1783_`).
YEAR_LINE = re.compile(rf"^[\s_*]*{YEAR}[.:]?[\s_*]*$")
#: A year written both ways after a date (`Jan. 4, 1710–11`), as the months up to March were before
#: the new year moved to January: the later year is ours.
DUAL_YEAR = re.compile(r"[–—-](\d\d)(?!\d)")
#: ... in the months up to this one, in years before this one (Britain took the new calendar in 1752).
DUAL_YEAR_LAST_MONTH, DUAL_YEAR_UNTIL = 3, 1753
#: A year written with two digits is of the century POSIX's `strptime` gives it: 69-99 the 1900s, 00-68 the 2000s.
SHORT_YEAR_PIVOT = 69
#: Dates in the forms dumps use, most precise first; each names `year` (or `short_year`), and
#: `month` and `day` where it states them. A date is read at the precision the
#: text states it: `YYYY-MM-DD`, or `YYYY-MM` for "November 2016".
DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b{YEAR}-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?![\d-])",
        rf"\b{YEAR}/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})\b",
        # with dots, only as two digits each (`5.3.6 [2026.01.10]`; a version `2021.3.0` is none)
        rf"\b{YEAR}\.(?P<month>\d\d)\.(?P<day>\d\d)(?!\d|\.\d)",
        # (a calendar's initials may stand before the year: "December 9, O. S. 1746")
        # (the comma before the year may have no space after it, as typesetters and OCR leave it: "October 22,1933",
        # or be a stop, as old letters date themselves: "Jan. 10. 1850")
        rf"\b{_MONTH},?\s+{_DAY}(?:,\s*|\.\s+|\s+)(?:[A-Z]\.\s?){{0,2}}{YEAR}\b",
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,\s*|\s+){YEAR}\b",
        # a year of two digits, only where it closes a bracket or the line: "Changes in 1.1.2 (19 March 98)"
        rf"\b{_DAY}\s+{_MONTH},?\s+'?(?P<short_year>\d\d)(?=\s*[)\]]|\s*$)",
        rf"\b{_DAY}-{_MONTH}-{YEAR}\b",
        # asctime, as in mail archives: "Tue Jul  5 12:07:30 2005"; as `date` prints it, with the
        # time of day's AM or PM and its zone: "Thu Apr 30 02:15:42 PM CEST 2026"
        rf"\b{_MONTH}\s+{_DAY}\s+\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[AP]M)?(?:\s+(?:[A-Z]{{2,5}}|[+-]\d{{4}}))?"
        rf"\s+{YEAR}\b",
        rf"\b{_MONTH},?\s+{YEAR}\b",
        rf"\b{YEAR}-(?P<month>\d{{1,2}})(?![\d-])",
    )
)

#: Month names (and their common short forms) of languages other than
#: English, by language: read only in seeds of that language (`recognise.reading_dates`),
#: so an English seed's "Mars" or "Mai" never becomes a month. Russian,
#: Ukrainian and Polish give each month as named and as dated ("июль", "23 июля").
MONTHS_BY_LANGUAGE: dict[str, dict[str, int]] = {
    language: {name: number for number, names in enumerate(table.split("|"), start=1) for name in names.split()}
    for language, table in {
        "fr": "janvier janv|février fevrier févr fevr|mars|avril avr|mai|juin|juillet juil|août aout|"
              "septembre sept|octobre oct|novembre nov|décembre decembre déc dec",
        "de": "januar jänner jan|februar feber feb|märz maerz mär|april apr|mai|juni jun|juli jul|august aug|"
              "september sept sep|oktober okt|november nov|dezember dez",
        "es": "enero ene|febrero feb|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|"
              "septiembre setiembre sept sep|octubre oct|noviembre nov|diciembre dic",
        "it": "gennaio genn|febbraio febbr|marzo|aprile apr|maggio magg|giugno giu|luglio lug|agosto ag|"
              "settembre sett|ottobre ott|novembre nov|dicembre dic",
        "pt": "janeiro jan|fevereiro fev|março marco mar|abril abr|maio mai|junho jun|julho jul|agosto ago|"
              "setembro set|outubro out|novembro nov|dezembro dez",
        "nl": "januari jan|februari feb|maart mrt|april apr|mei|juni jun|juli jul|augustus aug|"
              "september sep sept|oktober okt|november nov|december dec",
        "ru": "январь января янв|февраль февраля фев|март марта мар|апрель апреля апр|май мая|июнь июня|"
              "июль июля|август августа авг|сентябрь сентября сен сент|октябрь октября окт|"
              "ноябрь ноября ноя|декабрь декабря дек",
        "uk": "січень січня|лютий лютого|березень березня|квітень квітня|травень травня|червень червня|"
              "липень липня|серпень серпня|вересень вересня|жовтень жовтня|листопад листопада|грудень грудня",
        "pl": "styczeń stycznia|luty lutego|marzec marca|kwiecień kwietnia|maj maja|czerwiec czerwca|"
              "lipiec lipca|sierpień sierpnia|wrzesień września|październik października|"
              "listopad listopada|grudzień grudnia",
    }.items()
}
#: A year followed by nothing that continues a number or a word, or by the
#: abbreviation of "year" ("1847г.", "2016 г.").
_YEAR_END = r"(?:\s?(?:г\.|года|г(?!\w))|(?![\w]))"
#: Date forms of languages other than English, with `{month}` for the
#: language's month names, most precise first: "12. März 1787", "23 août
#: 2016", "1er mai 1873", "5 de mayo de 2016", "23 августа 2016 г.", "März
#: 1787", "июль, 1847г.".
NAMED_DATE_FORMS = (
    rf"\b(?P<day>\d{{1,2}})(?:\.|{_ANY_ORDINAL})\s+(?:de\s+)?{{month}}\.?,?\s+(?:de\s+)?{YEAR}{_YEAR_END}",
    rf"\b{{month}}\.?,?\s+(?:de\s+)?{YEAR}{_YEAR_END}",
)
#: Numeric dates read in every language but English (and in English when a
#: sidecar states the order): `15.01.2026` (day first, as dots always are), and
#: `23/08/2016` with day and month in the order of the seed's language or its
#: sidecar's `date_order` (`first` and `second`).
NUMERIC_DATE_FORMS = (
    rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{YEAR}(?!\d|\.\d)",
    rf"(?<![\d/])(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{YEAR}(?![\d/])",
)
#: Chinese, Japanese and Korean dates: `2016年8月23日`, `2022 年 12 月 29 日`, `2016년 8월`.
CJK_DATE_FORMS = (
    rf"(?<!\d){YEAR}\s*[年년]\s*(?P<month>\d{{1,2}})\s*[月월](?:\s*(?P<day>\d{{1,2}})\s*[日일])?",
)
#: Languages whose dates `CJK_DATE_FORMS` read.
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
#: A line this short (in words and characters) holding a year may be read by
#: dateparser when no pattern reads it: only header and date lines, in a
#: language other than English (see `recognise.find_date`).
PARSER_MAX_WORDS = 6
PARSER_MAX_CHARS = 60
#: A day and a month with no year, as a diary's or letters' datelines give them
#: ("München, den 6. September.", "le 3 mai", "June 4th"), with `{month}` for the
#: month names of the seed's language and English: a date line, which dates nothing.
DAY_MONTH_FORMS = (
    rf"\b(?P<day>\d{{1,2}})(?:\.|{_ANY_ORDINAL})\s+(?:de\s+|of\s+)?{{month}}(?!\w)",
    rf"\b{{month}}\.?\s+{_DAY}(?!\w)",
)

#: A date line may carry a few words beside the date ("Posted on", "No Comments!");
#: weekdays and times of day do not count ("November 24, 2023 Friday 6:01 AM GMT").
DATE_LINE_MAX_OTHER_WORDS = 4
WORD_IN_DATE_LINE = re.compile(r"\w+")
WEEKDAY_OR_TIME = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|\b\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|[+-]\d{4}))?\b",
    re.IGNORECASE,
)
#: Days and months by their full English names: when something happened, never what
#: it is about, so never a theme's name ("Tuesday"; other languages' months are
#: `MONTHS_BY_LANGUAGE`'s). "March" and "August" are left out: they are also words
#: of subjects (a march, august).
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february april june july "
    "september october november december".split())
#: English words of quantity, time and judgement that say how much, how long or how
#: good, never what about: a theme's name made of them alone ("Long Time", "Great
#: Deal", "Good Idea") names no subject.
VAGUE_WORDS = frozenset(
    "time times way ways thing things lot lots deal kind sort bit part point fact case idea ideas "
    "long short good great bad little big new old first last next many much few whole real "
    "able sure lot really pretty quite".split())
#: A line holding a date among other words is a dateline when articles of its
#: seed put such a line at the same place under their titles; at most this long.
DATELINE_MAX_WORDS = 20

#: Lines left by blog platforms' widgets and media captions: boilerplate
#: wherever they appear, even once.
WIDGET_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^leave a (?:reply|comment)\W*$",
        r"^(?:\d+|no|one) (?:comments?|responses?|replies)\W*$",
        r"^comments? (?:are )?closed\W*$",
        r"^(?:share|like) this\W*$",
        r"^like loading\W*$",
        r"^(?:\W\s*)?(?:image|photo|photograph|picture|illustration|header image)s?"
        r"(?: credits?| source| by)?\s*:.*$",
    )
)

#: A periodical's number in its masthead: `Vol. V.`, `Volume 39, Number 2`, `No. 10`, `Issue 12` (not `Nov 11`).
ISSUE_NUMBER = re.compile(r"\b(?:vol(?:ume)?|no|number|issue|nr)(?:\.\s*|\s+)(?:\d+|[IVXLC]+)\b", re.IGNORECASE)
#: A picture's place in a transcribed book or magazine, wholly in brackets: `[Illustration]`,
#: `[Illustration: AT THE GATE.]`.
CAPTION = re.compile(r"^\[\s*(?:illustration|image|picture|photo(?:graph)?|figure|fig\.|plate|engraving)\b[^\[\]]*\]$",
                     re.IGNORECASE)

#: Bullets that start an unordered list item when two or more items share one.
BULLETS = "-*+•·‣◦▪●○■□➢➤►"
BULLET_ITEM = re.compile(rf"^(?P<marker>[{re.escape(BULLETS)}])\s+(?P<text>\S.*)$")
#: A numbered list item: `3. text` or `3) text`.
NUMBERED_ITEM = re.compile(r"^(?P<number>\d{1,4})[.)]\s+(?P<text>\S.*)$")
#: What only a licence or copyright notice says: a file's own notice opening or closing a dump of
#: articles (`Copyright (C) 2012 …`, `… WITHOUT ANY WARRANTY …`) is no article.
LICENCE_NOTICE = re.compile(
    r"^(?:copyright\s+(?:\(c\)|©|\d{4})|©\s*\d{4})|\ball rights reserved\b|\bwithout any warranty\b"
    r"|\bis free software\b|\bpermission is hereby granted\b|\blicensed under the\b|\bredistribution and use in\b"
    r"|\byou (?:can|may) redistribute it\b|\bshould have received a copy of the\b|\bfor license conditions\b"
    r"|^this (?:file|program|library|document|manual) is part of\b",
    re.IGNORECASE)
#: The heading of a section that holds a file's notice (`== Copyright`, `## License`), ...
NOTICE_HEADING = re.compile(r"^(?:copyright|licen[cs]e|colophon|legal notices?)$", re.IGNORECASE)
#: ... where what a work's terms say counts as a notice too (`This work is in the public domain.`).
LICENCE_TERMS = re.compile(r"\bis in the public domain\b|\bcreative commons\b|\bmade available under\b"
                           r"|\(c\)\s*\d{4}\b|©\s*\d{4}", re.IGNORECASE)
#: An index's entry: words closed by a page's number (or pages) after a comma, dot leaders or a wide space
#: (`Abou Ben Adhem, 89`, `Tides, 12-14`, `Harbours ....... 31`).
INDEX_ENTRY = re.compile(r"\D(?:,|\.{3,}|\s\s)\s*\d{1,4}(?:[-–]\d{1,4})?(?:,\s*\d{1,4}(?:[-–]\d{1,4})?)*\.?\s*$")
#: The heading of a book's index.
INDEX_HEADING = re.compile(r"^(?:general\s+)?index\b", re.IGNORECASE)
#: A numbered question of a FAQ, its number perhaps after its part's letter (`A3) Where can I get it?`).
FAQ_NUMBER = re.compile(r"^(?P<part>[A-Z])?(?P<number>\d{1,4})[.)]\s+(?P<text>\S.*)$")
#: A line opening with a roman numeral set apart in a column, as a contents list's lines are (`XIV.    On Duty`).
ALIGNED_NUMERAL = re.compile(r"^[IVXLC]{1,7}\.\s{2,}\S")
#: A line numbered as a section of a section (`7.1. How do I …?`), the number closed by a dot or a bracket.
SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+[.)]\s+\S")

#: Lines that only separate articles: rules of dashes, stars, underscores, equals.
SEPARATOR_LINE = re.compile(r"^(?:([-*_=~#•·])\s*)\1(?:\s*\1)+$")
#: The marker of a ledger's lines (`readers.text`): entries over a column of amounts, kept as set.
LEDGER_MARKER = "ledger"

#: A subtitle (a title's dek) is one sentence of at most this many words.
SUBTITLE_MAX_WORDS = 25
#: A turn of a transcript: a speaker's name or office in capitals (no letter of Latin's lower case), a colon, what they said
#: (`DR. NELTE: Do you know …`, `THE PRESIDENT: Yes.`).
_CAPITAL = r"[^\W\d_a-zß-ÿ]"
SPEAKER_TURN = re.compile(rf"^(?:{_CAPITAL}(?:{_CAPITAL}|[.'’-])*\s){{0,3}}{_CAPITAL}(?:{_CAPITAL}|[.'’-])+:\s+\S")
#: A line that only joins a title to its alternative one below (`OR,` between
#: `THE HAUNTED AND THE HAUNTERS` and `THE HOUSE AND THE BRAIN`), by language.
ALTERNATIVE_TITLE = re.compile(r"^(?:or|ou|oder|o sea|ofwel)\s*[,:;.]?$", re.IGNORECASE)

#: Small words that stay lower case when a title in capitals is eased to Title Case.
TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or per so than the to up via vs with yet".split())
#: Small words that may stay lower case in a Title Case heading.
MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per so than the to "
    "up via vs with yet is are be was".split()
)

#: A line framed by runs of one symbol (`*** START OF THE BOOK ***`,
#: `-------- next part --------`): a marker that a program put around text.
#: Near the start or end of a seed it fences off a wrapper (front or back matter).
FRAMED_LINE = re.compile(r"^(?P<frame>[*=#~+<>_-])(?P=frame){2,}\s*[^\s*=#~+<>_-].*?(?P=frame){3,}$")
#: A framed marker run over two lines says where the text starts or ends with one of these words.
FRAMED_MARKER_WORDS = re.compile(r"\b(?:start|end|begin|beginning)\b", re.IGNORECASE)

#: Abbreviations in lower case a stop follows without ending a sentence (`vol. II`, `pp. 12`).
ABBREVIATIONS = frozenset({"vol", "vols", "chap", "ch", "pp", "no", "nos", "cf", "ed", "eds", "fig", "viz", "ibid",
                           "op", "cit", "sq", "st", "ca"})
LABEL_WORDS = (r"(?:chapter|part|book|essay|section|letter|lecture|sermon|article|canto|number|no|vol|volume|paper"
               r"|adventure|discourse|sketch|fable)")
#: A Roman numeral in capitals printed with a space between its tens and its units (`LX VII`).
_SPACED_NUMERAL = r"(?-i:C{0,3}(?:XC|XL|LX{0,3}|X{1,3}) (?:IX|IV|VI{0,3}|I{1,3}))"
#: Leading enumeration of a heading, dropped from titles: `XII.`, `3.`, `III.—`, `IV:`, `2)`, `No. 10.`,
#: `Chapter 4:`, `Sermon 1 | `, and a Roman numeral in capitals printed with a space between its tens and units
#: (`LX VII -- To Jane`; not `XL CLI`, no numeral).
ENUMERATION = re.compile(
    rf"^(?:{LABEL_WORDS}\.?\s+)?(?:(?:[IVXLC]+|{_SPACED_NUMERAL}|\d{{1,3}})"
    rf"(?:\s*[.):](?:\s+|\s*(?:[—–]|--?)\s*)|\s*(?:[—–]|--)\s*|\s+\|\s+)"
    rf"|[A-Za-z]\d{{0,3}}\)\s*)(?=\w)",  # (`b) …`, a FAQ's `A10) …`)
    re.IGNORECASE,
)
#: A heading that is only a label: `No. 10`, `ESSAY IV`, `III.`, `Chapter 3`.
LABEL_ONLY = re.compile(
    rf"^(?:[A-Z][A-Za-z]+\s+)?(?:{LABEL_WORDS}\.?\s+)?(?:[IVXLC]+|\d{{1,3}})\.?$|^{LABEL_WORDS}\.?\s+[A-Z]\.?$",
    re.IGNORECASE,
)
#: Roman numerals that stay in capitals when a CAPS title is eased ("George III").
ROMAN_NUMERAL = re.compile(r"^(?=[IVX]{2,})X{0,3}(?:IX|IV|V?I{0,3})$")

#: A Markdown link, read as its text: `[Jane Doe](https://…)`. Bounded, and no bracket inside the
#: text: linear on any run of `[` (a text that may hold one is read again from every `[`).
MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\n]{0,2000}\)")
#: A `key: value` header line, as in mail headers, front-matter and news
#: exports (`Section: Business`, `Load-Date: November 25, 2023`).
HEADER_LINE = re.compile(r"^:?(?P<key>[A-Z][A-Za-z]*(?:\(s\))?(?:[- ][A-Za-z]+){0,2}):[ \t]+(?P<value>\S.{0,200})$")
#: Header keys whose value names the author or the date.
TITLE_KEYS = ("title", "subject")
#: Header keys that are one field however they are spelt (counted together when a key recurs).
KEY_ALIASES = {"authors": "author", "author(s)": "author", "dates": "date", "tags": "tag"}
AUTHOR_KEYS = ("author", "authors", "author(s)", "author_name", "author_names", "by", "byline", "writer", "creator",
               "from", "speaker", "speakers", "hosts")
DATE_KEYS = ("date", "published", "pubdate", "publication date", "publishdate", "publish_date", "published_at",
             "date_published", "post_date", "posted", "created", "created_at", "date_created", "sent", "load-date",
             "authordate", "last updated", "updated")
#: A header line's key of two or three words whose last is one of these dates its article too
#: (`Meeting date: 2020-09-14`, `Release Date: May 3, 2021`).
DATE_KEY_LAST_WORDS = ("date",)
#: Keys whose value is the post's address, which often holds its date (`2016/01/21/rust-1-6`).
ADDRESS_KEYS = ("path", "url", "permalink", "slug", "export_file_name")
#: Metadata keys (front matter, Org keywords and properties, reST fields) whose values are the
#: article's own tags, ...
TAG_KEYS = ("tags", "categories", "category", "keywords", "topics", "filetags")
#: ... of which those whose tags hold no space, so that spaces separate them (Org's `#+filetags: a b`).
SPACED_TAG_KEYS = frozenset({"filetags"})
#: ... that mark it a draft, not to publish, each with the values that say so (`draft: true`,
#: `published: false`, `status: private`), ...
DRAFT_SIGNS = {"draft": frozenset({"true", "yes"}), "published": frozenset({"false", "no"}),
               "status": frozenset({"draft", "private", "unpublished"})}
#: Folders whose posts are drafts, as blog engines keep them (Jekyll's `_drafts/`, org-static-blog's `drafts/`).
DRAFT_FOLDERS = frozenset({"drafts", "_drafts"})
#: Headings over a periodical's or a book's advertisements (their `text.key`): what
#: follows them to the end is the publisher's, not an article.
ADVERTISEMENT_HEADINGS = frozenset({
    "advertisements", "publishers advertisements", "publisher's advertisements", "publishers' advertisements",
    "advertisements of books", "announcements of new books", "anzeigen", "annonces",
})
#: ... and that hold its summary, shown as its excerpt.
SUMMARY_KEYS = ("summary", "description", "excerpt", "abstract")
#: Tables in which site generators keep a post's own fields, beside their own
#: (Zola's `[extra]`, Hugo's `[params]`): `authors = [...]` there names the authors.
FRONT_MATTER_TABLES = ("extra", "params")

#: A name with an e-mail address, as in mail headers and changelog trailers:
#: `Jane Doe <jane@example.org>`, `Jane Doe jane@example.org`, `-- Jane Doe
#: <jane@example.org>  Sun, 29 Oct 2023 15:42:11 +0100`. `rest` may hold a date.
_ADDRESS = r"[<(]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)]?"
NAME_WITH_ADDRESS = re.compile(
    rf"^(?:--?|—)?\s*(?P<name>[^<>()@\d]{{3,120}}?)\s*{_ADDRESS}(?:\s*,\s*{_ADDRESS})*(?P<rest>.*)$"
)
#: A line that leads in to what follows: it ends in a comma, a semicolon or a colon,
#: perhaps with a dash after it, as old books write (`DEAR MRS. CONEY,--`, `sends us the following:--`).
LEADS_IN = re.compile(r"[,;:](?:--|[—–])?$")
#: A letter's heading, whom it is to, closed by a colon: `To Mrs. Ann Lee, in Springfield:`, `To the Editor:`.
ADDRESSED = re.compile(r"^To\s+(?:the\s+)?[A-Z][^:]{0,80}:$")
#: What follows a name and address that introduce a quotation, not a signature
#: (`Jane Doe <jane@example.org> wrote:`): the person quoted is not the author.
QUOTE_ATTRIBUTION = re.compile(r"^\s*(?:wrote|writes|said|a écrit|schrieb|escribió|ha scritto|skrev|schreef|написал)\s*:",
                               re.IGNORECASE)
#: A GNU ChangeLog entry's header: its date (ISO, or as `date` prints it), then who
#: wrote it and their address (two spaces apart as written; one once cleaned): `2009-01-01  Jane Doe  <jane@example.org>`,
#: `Wed Jun 22 18:04:29 2011  Pat Rankin  <rankin@example.com>`.
CHANGELOG_HEADER = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]?\d \d\d?:\d\d(?::\d\d)?(?: [A-Z]{3,4})? \d{4})"
    rf"\s+(?P<names>[^<>()@\d]{{3,120}}?)\s+{_ADDRESS}\s*$"
)
#: A number like a version or a release (`2.6.4`, `4.23-1`): entries of a log carry one.
VERSION = re.compile(r"\b\d+\.\d+")
#: A package's upload as a Debian changelog heads it (deb-changelog(5)): `name (version) distributions;
#: urgency=level`, named by a reader as its package and version (`mypackage 1.0.4`).
PACKAGE_UPLOAD = re.compile(r"^(?P<package>[a-z0-9][a-z0-9+.-]*) \((?P<version>[^()\s]+)\)(?: [\w./+-]+)+;"
                            r" *urgency=\w+[^\n]*$", re.IGNORECASE)
#: Bullets and marks that lead a title, dropped from it (`* Release 2.0`, `== News ==`).
TITLE_MARKS = re.compile(r"^[*#=+~-]+\s+")
#: A title written as a call of a page template's macro, as pages made by a macro processor (cpp, m4)
#: are (`NEWS_TITLE(Version 2.0 is out)`): the title is the call's text, of more than one word.
TEMPLATE_CALL = re.compile(r"^(?P<macro>[A-Z][A-Z0-9_]+)\((?P<title>[^()\s]*\s[^()]*)\)$")

#: Ordinal words, which number pieces as digits do ("FIRST STORY", "Second Day").
ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth""".split()
)
