"""One-line hints in a seed's sidecar (issue 20) say what no rule can know: the
pattern its article titles follow, the heading rank that holds its articles,
the lines that belong to no article. Each wins over what the splitter would
find on its own."""

from __future__ import annotations

from helpers import paragraph

from corpus_browser.config import SplitRules
from corpus_browser.model import Overrides, Seed, SeedInput
from corpus_browser.split import split_corpus


def split(text: str, name: str, overrides: Overrides = Overrides()):
    (found,) = split_corpus([SeedInput(Seed(name, tuple(text.split("\n"))), overrides)], SplitRules())
    return found


def letters(count: int) -> str:
    """A book of letters run together: each opens with a line in running text, no break around it."""
    return "\n".join(f"Letter {n}. To my brother.\n{paragraph(40)}\n{paragraph(30)}" for n in range(1, count + 1))


def test_article_titles_open_the_articles_they_find_and_no_others():
    text = f"MY LETTERS\n\n{paragraph(20)}\n\n" + letters(6)
    assert len(split(text, "letters.txt").articles) < 6, "without the hint the letters are not told apart"
    found = split(text, "letters.txt", Overrides(article_titles=r"^Letter \d+\."))
    assert [(article.label, article.title) for article in found.articles][-6:] == [
        (f"Letter {n}", "To my brother") for n in range(1, 7)]
    assert "the sidecar's article_titles" in found.reasons[-1]


def test_article_titles_group_named_title_is_the_title():
    """Records that print no title, only fields: the group `title` picks the name from the field."""
    records = "\n\n\n".join(f"Interviewer: Irene Robertson\nPerson interviewed: {name}, Clarendon, Arkansas\n"
                               f"Age: 8{n}\n\n{paragraph(60)}" for n, name in enumerate(["Ellen Vaden", "Nettie Van Buren",
                                                                                      "Henry Waldon"]))
    found = split(records, "records.txt", Overrides(article_titles=r"^Person interviewed: (?P<title>[^,]+)"))
    assert [article.title for article in found.articles] == ["Ellen Vaden", "Nettie Van Buren", "Henry Waldon"]


def test_article_level_takes_the_rank_that_holds_the_posts():
    years = "\n\n".join(f"# {year}\n\n" + "\n\n".join(f"## Post {year}-{k}\n\n{paragraph(60)}" for k in range(3))
                        for year in (2019, 2020))
    assert len(split(years, "blog.md").articles) == 2, "without the hint each year is an article"
    found = split(years, "blog.md", Overrides(article_level=2))
    assert [article.title for article in found.articles] == [f"Post {year}-{k}" for year in (2019, 2020)
                                                             for k in range(3)]


def test_never_articles_sets_its_lines_aside_wherever_they_stand():
    pages = "\n\n".join(f"THE PIONEER {page}\n\n{paragraph(50)}" for page in range(1, 5))
    text = f"# Rivers\n\n{pages}\n\n# Lakes\n\n{paragraph(50)}\n\nTHE PIONEER 5\n\n{paragraph(40)}"
    found = split(text, "issue.md", Overrides(never_articles=r"^THE PIONEER \d+$"))
    assert [article.title for article in found.articles] == ["Rivers", "Lakes"]
    assert not [text for article in found.articles for text in article.body_text.split("\n")
                if text.startswith("THE PIONEER")]
