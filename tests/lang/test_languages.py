"""Words, language detection, stopwords and dates in other languages than English."""

from __future__ import annotations

import pytest

from corpus_browser.lang.cjk import segment
from corpus_browser.lang.detect import date_order, detect_language, language_tag
from corpus_browser.lang.recognise import find_date, is_date_line, reading_dates
from corpus_browser.lang.stopwords import STOPWORDS, stopwords_for, too_short
from corpus_browser.lang.text import tokens


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Café naïve RÉSUMÉ", None, ["café", "naïve", "résumé"]),
        ("Cafe\u0301", None, ["café"]),  # NFC: a combining accent joins its letter
        ("Gipsgießer, GIPSGIESSER", None, ["gipsgiesser", "gipsgiesser"]),  # case folding
        ("Изменения в Angie 1.11.2", None, ["изменения", "в", "angie", "1", "11", "2"]),
        ("发版日期：2023年", "zh", ["发版", "日期", "2023", "年"]),
        ("サンドボックスでピン留め", "ja", ["サンド", "ボックス", "で", "ピン", "留め"]),
        ("customer-centric don’t", None, ["customer", "centric", "don't"]),  # English as before
        ("Les hommes d'équipage, l’albatros", "fr", ["les", "hommes", "d", "équipage", "l", "albatros"]),
        ("l'albatros", None, ["l'albatros"]),  # elisions are French, Italian and Catalan only
    ],
)
def test_tokens_in_any_script(text, language, words):
    assert tokens(text, language) == words


def test_japanese_and_chinese_are_cut_by_their_own_segmenters():
    assert segment("夏令时调整", "zh") == ("夏令时", "调整")
    assert segment("基調講演", "ja") == ("基調", "講演")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Souvent, pour s'amuser, les hommes d'équipage prennent des albatros, vastes oiseaux des mers.", "fr"),
        ("Drei Verwandlungen nenne ich euch des Geistes: wie der Geist zum Kamele wird, und zum Löwen.", "de"),
        ("при использовании директивы slice могло происходить повреждение памяти рабочего процесса", "ru"),
        ("もし気になったなら以下の順番で見ていくのをお勧めします。トークを見て学び、デモを見る。", "ja"),
        ("与前一个长期支持版本相比，这个版本引入了全局内存控制特性，并且优化了代价模型和索引。", "zh"),
        ("The customers who trust a brand keep coming back to it, and they tell their friends.", "en"),
        ("Too short", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_tags_and_date_orders():
    assert (language_tag("FR"), language_tag("pt_BR"), language_tag("French!")) == ("fr", "pt-br", None)
    assert (date_order("en"), date_order("fr"), date_order("de-at")) == ("month-first", "day-first", "day-first")


def test_stopwords_per_language_and_english_unchanged():
    assert stopwords_for(("en",)) == STOPWORDS
    german, french, russian = stopwords_for(("de",)), stopwords_for(("fr",)), stopwords_for(("ru",))
    assert {"und", "der", "die", "nicht"} <= german and "verwandlungen" not in german
    assert {"les", "des", "pour", "qui"} <= french and "albatros" not in french
    assert {"и", "в", "при", "это"} <= russian and "памяти" not in russian
    assert "的" in stopwords_for(("zh",)) and "の" in stopwords_for(("ja",))
    assert STOPWORDS <= german  # English's are left aside in every corpus, as they always were


def test_two_character_cjk_words_are_words():
    assert not too_short("调整") and too_short("in") and not too_short("und")


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        ("de", "Neapel, den 5. März 1787.", "1787-03-05"),
        ("de", "12. März 2019", "2019-03-12"),
        ("de", "Den 3. Oktober.", None),  # no year stated: no date
        ("fr", "Paris, le 1er mai 1873", "1873-05-01"),
        ("fr", "23 août 2016", "2016-08-23"),
        ("fr", "mars 1873", "1873-03"),  # the precision stated
        ("fr", "23/08/2016", "2016-08-23"),
        ("fr", "05/06/2016", "2016-06-05"),  # day first in French
        ("ru", "Изменения в Angie 1.12.1          17.07.2026", "2026-07-17"),
        ("ru", "23 августа 2016 г.", "2016-08-23"),
        ("ru", "Зальцбрунн, в Силезии, июль, 1847г.", "1847-07"),
        ("zh", "发版日期：2022 年 12 月 29 日", "2022-12-29"),
        ("ja", "2016年8月", "2016-08"),
        ("sv", "23 augusti 2016", "2016-08-23"),  # no table for Swedish: dateparser reads the short line
        # a day's ordinal ending, perhaps raised as plain text writes a superscript
        ("nl", "GEHOUDEN TE GENT, DEN 14^{den} MAART 1861.", "1861-03-14"),
        ("nl", "Leiden, 3de april 1852", "1852-04-03"),
        ("fr", "Lyon, le 1^{er} juin 1881.", "1881-06-01"),
        ("fr", "le 2e juin 1881", "1881-06-02"),
        ("en", "Given at Leeds, June 1^{st}, 1858.", "1858-06-01"),
    ],
)
def test_dates_in_the_seeds_language(language, text, date):
    with reading_dates(language):
        assert find_date(text) == date


def test_english_seeds_read_dates_as_before():
    for text in ("Mars 2020", "23 août 2016", "05/06/2016", "17.07.2026", "2016年8月23日"):
        assert find_date(text) is None
    assert find_date("May 5, 2016") == "2016-05-05"


def test_numeric_dates_follow_the_stated_order():
    with reading_dates("en", "day-first"):
        assert find_date("05/06/2016") == "2016-06-05"
    with reading_dates("fr", "month-first"):
        assert find_date("05/06/2016") == "2016-05-06"


@pytest.mark.parametrize("language", ["fr", "de", "sv"])
def test_a_title_word_never_dates_a_piece(language):
    with reading_dates(language):
        assert find_date("The May Queen") is None and not is_date_line("The May Queen")
        assert find_date("The May Queen 1887") is None
        assert find_date("Le mois de Mai, un poème sur le printemps et les fleurs, 1887 et la suite") is None


@pytest.mark.parametrize(("language", "text", "is_line"), [
    ("de", "München, den 6. September.", True), ("de", "Den 11. September, abends.", True),
    ("fr", "Paris, le 3 mai.", True), ("en", "June 4th", True),
    ("de", "Er kam am 6. September nach Hause und blieb dort eine lange Zeit.", False),
    ("en", "5 Reasons to Love March", False), ("en", "The May Queen", False),
    ("en", "May 5th, Boston.", True), ("en", "3 June. Fine.", True)])
def test_a_day_and_a_month_without_a_year_make_a_date_line_that_dates_nothing(language, text, is_line):
    """A diary's or letters' datelines often leave the year out: they open
    entries (is_date_line) but date nothing (no year stated)."""
    with reading_dates(language):
        assert is_date_line(text) is is_line and find_date(text) is None


def test_a_title_holding_a_day_and_a_month_is_no_date_line():
    with reading_dates("fr"):
        assert not is_date_line("La Veille du 1er janvier")
        assert is_date_line("Paris, le 1er janvier.")
