"""Dutch compounds split into the words they are made of, so that "luchtruimbewaking" also finds "bewaking van
het Benelux-luchtruim". No Django here.

Dutch writes compounds as one word, and a text may say the same with the parts apart (or the other way
round); Snowball's stemmer only cuts endings, so it cannot join the two. A query word is therefore also tried
as two words: every place to cut it, with the linking letters Dutch puts between the parts ("vredes|missie",
"troepen|beweging", "ziekte|kosten") taken off the first part. A cut counts only when both parts, stemmed, are
words the index holds (its vocabulary, see ``ims.search.engine.known_terms``): that keeps nonsense cuts out
without a dictionary, and it is the same on every database because both index the same stems.

What this does not do: split into three or more parts, or split the words of the texts (only the query's), so
"bewaking van het luchtruim" in a query does not find "luchtruimbewaking" in a text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .analysis import STOP_MARK, stem

MIN_PART = 4  # shorter parts ("lucht|ruim" is fine, "be|waking" is not) cut too many words wrongly
LINKS = ("", "s", "en", "e")  # what may stand between the parts, taken off the first
MAX_SPLITS = 2  # the best few cuts of a word, as alternatives


def cuts(word: str) -> list[tuple[str, str]]:
    """Every ``(first, second)`` a folded word might be made of, the linking letters taken off ``first``."""
    out = []
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:i], word[i:]
        for link in LINKS:
            if link and not left.endswith(link):
                continue
            base = left[:len(left) - len(link)]
            if len(base) >= MIN_PART:
                out.append((base, right))
    return out


def splits(word: str, known: Callable[[Iterable[str]], set[str]]) -> list[tuple[str, str]]:
    """The cuts of ``word`` whose parts are both index terms, the likeliest first: without linking letters
    before with, then the more even cut (a long word is rarely a short word and a long one)."""
    found = cuts(word)
    if not found:
        return []
    stems = {part: stem(part) for pair in found for part in pair}
    vocabulary = known({s for s in stems.values() if s != STOP_MARK})
    good = [(a, b) for a, b in found if stems[a] in vocabulary and stems[b] in vocabulary]
    good.sort(key=lambda pair: (pair[0] + pair[1] != word, -min(len(pair[0]), len(pair[1]))))
    chosen: dict[tuple[str, str], tuple[str, str]] = {}
    for a, b in good:  # "troepen|verplaatsing" and "troep|en|verplaatsing" ask the same
        chosen.setdefault((stems[a], stems[b]), (a, b))
    return list(chosen.values())[:MAX_SPLITS]
