"""Language: text helpers, the rule tables, the one recogniser of bylines, names and dates, reading and writing dates, stopwords. Imports no stage."""
