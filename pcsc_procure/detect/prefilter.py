"""Decide cheaply which kinds a sentence could possibly be, before tokenising it.

Most sentences of a contract are none of the kinds. Tokenising every sentence
with spaCy would cost as much as tokenising the whole document, so each kind
is reduced to word requirements: for every cue, one set of words per vocab
group it needs (a sentence must contain a word from each set). The word
chosen for a phrase is its longest alphanumeric run, which must occur in any
sentence the phrase matches on tokens. Sentences are reduced to the same runs
(`words_of`), so the test is a few set intersections.

A run is only safe when the tokenizer never splits it out of a longer run
without a separator ("not" out of "cannot"); such runs are avoided, and a
group made only of unsafe or empty phrases disables the filter for its cue.

Which group is tested first (the gate) and which word keys a phrase are
chosen by how many contract sentences contain the word, from a measured table
(`word_frequency.txt`): the order makes the filter faster, never different.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pcsc_procure.detect.word_frequency import RARE, SENTENCE_SHARE

_RUN = re.compile(r"[a-z]+|[0-9]+")


# (bytes.translate tables: every byte but a lower-case ASCII letter, or but a digit, to a space)
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS_ONLY = bytes(c if 48 <= c <= 57 else 32 for c in range(256))


def words_of(text: str) -> set[str]:
    """Alphanumeric runs of `text`, lower-cased, letters and digits apart.

    The runs of `_RUN` over the lower-cased text, found by translating its bytes
    and splitting on whitespace: this runs for every sentence, and it is a fifth
    of the regex's time. (A non-ASCII character is one "?" byte, which no run holds.)
    """
    raw = text.lower().encode("ascii", "replace")
    return set(raw.translate(_LETTERS_ONLY).decode("ascii").split()) | set(raw.translate(_DIGITS_ONLY).decode("ascii").split())


def unsafe_runs(tokenizer) -> frozenset[str]:
    """Runs a tokenizer special case can create without a separator in the text."""
    out: set[str] = set()
    for key, tokens in tokenizer.rules.items():
        key_runs = set(_RUN.findall(key.lower()))
        for tok in tokens:
            orth = tok.get(65) or tok.get("ORTH") or ""  # 65 == spacy.attrs.ORTH
            out.update(set(_RUN.findall(str(orth).lower())) - key_runs)
    return frozenset(out)


def token_words(tokenizer, texts) -> Group:
    """A group one of whose words a sentence holds whenever it has a token in `texts` (lower-cased).

    Such a token is either written as such, so its runs are in the sentence, or
    made by a tokenizer special case out of a longer run ("not" out of "cannot",
    "n't" out of "don't"), so the special case's runs are: its rarest one stands
    for it. For the negators a cue with `negated: true` needs.
    """
    words = {r for t in texts for r in _RUN.findall(t)}
    for key, tokens in tokenizer.rules.items():
        orths = {str(tok.get(65) or tok.get("ORTH") or "").lower() for tok in tokens}  # 65 == spacy.attrs.ORTH
        key_runs = _RUN.findall(key.lower())
        if key_runs and not orths.isdisjoint(texts):
            words.add(rarest(key_runs))
    return Group([frozenset([w]) for w in words])


def phrase_words(phrase: str, unsafe: frozenset[str]) -> frozenset[str]:
    """Words a sentence must all contain for `phrase` to match (empty: unknown)."""
    return frozenset(r for r in _RUN.findall(phrase.lower()) if r not in unsafe)


def _word_cost(word: str) -> int:
    """How many contract sentences in 10,000 contain the word (estimated)."""
    return SENTENCE_SHARE.get(word, RARE)


def _rank(word: str) -> tuple[int, int, str]:
    return _word_cost(word), -len(word), word


def rarest(words) -> str:
    """The word of `words` that the fewest contract sentences contain (the longest, then the first, of equals):
    the key a set of words is looked up by."""
    if len(words) == 1:
        return next(iter(words))  # (most phrases are one word)
    return min(words, key=_rank)


def gate_cost(words: frozenset[str]) -> int:
    """How often a gate of these words is expected to open (lower is better)."""
    return sum(_word_cost(w) for w in words)


class Group:
    """Alternatives of one vocab group: a sentence meets it when it contains
    every word of some alternative. Keyed by each alternative's rarest word;
    one-word alternatives are tested with one set operation."""

    __slots__ = ("keys", "singles", "alternatives", "alternative_keys")

    def __init__(self, alternatives: list[frozenset[str]], keys: list[str] | None = None):
        """`keys`: each alternative's rarest word, when known."""
        self.alternatives: dict[str, list[frozenset[str]]] = {}
        singles = set()
        for alt, key in zip(alternatives, keys or map(rarest, alternatives)):
            if len(alt) == 1:
                singles.add(key)
            else:
                self.alternatives.setdefault(key, []).append(alt)
        self.singles = frozenset(singles)
        self.alternative_keys = frozenset(self.alternatives)
        self.keys = self.singles | self.alternative_keys


def group_of(phrases: list[str], unsafe: frozenset[str], known: dict[str, tuple[frozenset[str], str]] | None = None) -> Group | None:
    """The prefilter group for a list of phrases, or None if one phrase has no safe word.

    `known`: phrase -> its words and their rarest, filled as phrases are met (a phrase is
    in many groups: the detectors' 81,000 group phrases are 31,000 phrases)."""
    if known is None:
        known = {}
    alts, keys = [], []
    for p in phrases:
        entry = known.get(p)
        if entry is None:
            words = phrase_words(p, unsafe)
            entry = known[p] = (words, rarest(words) if words else "")
        if not entry[0]:
            return None
        alts.append(entry[0])
        keys.append(entry[1])
    return Group(alts, keys)


def literal_words(token: dict) -> frozenset[str] | None:
    """Lower-cased texts a token pattern accepts, when it names them (LOWER/ORTH/TEXT, or IN)."""
    for attr in ("LOWER", "ORTH", "TEXT"):  # case-sensitive ones still need their lower case present
        if attr in token:
            lit = token[attr]
            values = [lit] if isinstance(lit, str) else lit.get("IN") if isinstance(lit, dict) and set(lit) == {"IN"} else None
            if not isinstance(values, list):
                return None
            return frozenset(str(v).lower() for v in values)
    return None


def _literal_group(token: dict, unsafe: frozenset[str]) -> Group | None:
    """The words one token pattern requires, when it names them literally."""
    values = literal_words(token)
    if not values:
        return None
    alts = [frozenset(r for r in _RUN.findall(v) if r not in unsafe) for v in values]
    if not all(alts):
        return None  # punctuation or a tokenizer-split word: nothing safe to look for
    return Group(alts)


def token_groups(pattern: list[dict], unsafe: frozenset[str]) -> list[Group]:
    """One group per token of a spaCy Matcher pattern that must occur and names its words.

    Optional tokens ("?", "*", "{0,n}"), negated ones ("!") and tokens matched
    by regex, shape or other attributes require nothing the filter can see.
    """
    out = []
    for token in pattern:
        op = token.get("OP", "1")
        if op not in ("1", "+") and not (op.startswith("{") and not op.startswith("{0") and not op.startswith("{,")):
            continue
        group = _literal_group(token, unsafe)
        if group is not None:
            out.append(group)
    return out


def union(groups: list[Group | None]) -> Group | None:
    """One group meeting any of `groups` (for a cue's `any`)."""
    if not groups or None in groups:
        return None
    return Group([frozenset([w]) for g in groups for w in g.singles] + [alt for g in groups for alts in g.alternatives.values() for alt in alts])


_SEP = "\x00"  # stands for "optional whitespace" between two tokens while building the trie
_LETTER_EDGE, _DIGIT_EDGE = "\x01", "\x02"  # a phrase edge that a word's letters (digits) may not continue
_EDGE_CLASS = {_LETTER_EDGE: "a-z", _DIGIT_EDGE: "0-9"}


def _edge(ch: str, run: str, unsafe: frozenset[str]) -> str:
    """The edge marker for a phrase that starts or ends with `ch` in the run `run`, or ""."""
    if run in unsafe:
        return ""  # the tokenizer makes this run out of a longer one ("not" out of "cannot")
    if "a" <= ch <= "z":
        return _LETTER_EDGE
    if "0" <= ch <= "9":
        return _DIGIT_EDGE
    return ""


def phrases_regex(token_lists: list[list[str]], unsafe: frozenset[str] = frozenset()) -> str:
    """One regex (its source) for some phrases' tokens (non-empty lists), to search lower-cased text.

    Each phrase is its tokens with optional whitespace between them: matching
    tokens are consecutive in the sentence with only whitespace (if any)
    between, so the regex matches wherever the token phrase does (and
    sometimes where it does not: it is a filter, not the matcher). A phrase
    does not match inside a longer word: "grant" not in "granted" (the
    tokenizer only splits letters from letters by its special cases, whose
    runs are `unsafe`; letters from digits it may split, so "10km" still
    has "km"). The phrases are merged into a character trie so that the
    regex does one pass, not one per phrase. Searching lower-cased text with
    a case-sensitive regex is about three times faster than re.IGNORECASE on
    the text as written.
    """
    phrases = {_SEP.join(t.lower() for t in toks) for toks in token_lists}
    trie: dict = {}
    for phrase in phrases:
        runs = _RUN.findall(phrase)
        node = trie
        start = _edge(phrase[0], runs[0], unsafe) if runs else ""
        # the start edge is tested after the first character (see `_trie_regex`)
        for ch in phrase[0] + start + phrase[1:]:
            node = node.setdefault(ch, {})
        node[""] = _edge(phrase[-1], runs[-1], unsafe) if runs else ""
    return _trie_regex(trie)


class PhraseText:
    """Whether a sentence has one of some vocab groups' phrases as a phrase (`phrases_regex`),
    tested only on the phrases whose words the sentence holds.

    One trie regex over all of a group's phrases cost most of a run's start-up:
    compiling them (up to a thousand phrases each, over half a million regex
    characters for all kinds) and tokenising their phrases took longer than
    detecting on a hundred contracts once they were built, and a run of the
    tool on one draft paid much of it. A phrase can only occur where its safe
    words (`phrase_words`) do, and the word test already has the sentence's
    words: a phrase that is one plain word is there when the word is, and the
    others are tested with a small regex per word set, compiled when a
    sentence first holds that set. Phrases are tokenised when first needed
    (`tokenize`, usually a lookup of the tokens the phrase matcher was built
    with). (Slightly narrower than one regex for the group, which let "fail
    over" match "failover" whenever another phrase's words were there: the
    tokens "fail" "over" never are.)
    """

    __slots__ = ("_phrases", "_tokenize", "_unsafe", "_built", "_any", "_words", "_keys", "_by_key", "_loose", "_regexes")

    def __init__(self, phrases: list[str], tokenize, unsafe: frozenset[str] = frozenset()):
        self._phrases = phrases
        self._tokenize = tokenize
        self._unsafe = unsafe
        self._built = False

    def _build(self) -> None:
        unsafe = self._unsafe
        token_lists = [(p, toks) for p in self._phrases if (toks := [t.lower() for t in self._tokenize(p)])]
        self._phrases = self._tokenize = None
        self._built = True
        self._any = not token_lists or all(len(toks) == 1 for _p, toks in token_lists)  # one-token phrases only: the word test is the test
        words: set[str] = set()  # phrases that are one token of one run: the word test is theirs
        by_alt: dict[frozenset[str], list[list[str]]] = {}
        loose = []  # phrases without a safe word: tested on every sentence
        for phrase, toks in token_lists:
            if len(toks) == 1 and _RUN.fullmatch(toks[0]) and toks[0] not in unsafe:
                words.add(toks[0])
                continue
            alt = phrase_words(phrase, unsafe)
            if alt:
                by_alt.setdefault(alt, []).append(toks)
            else:
                loose.append(toks)
        self._words = frozenset(words)
        self._by_key: dict[str, list[tuple[frozenset[str], list[list[str]]]]] = {}
        for alt, lists in by_alt.items():
            key = rarest(alt)
            self._by_key.setdefault(key, []).append((alt, lists))
        self._keys = frozenset(self._by_key)
        self._loose = re.compile(phrases_regex(loose, unsafe)) if loose else None
        self._regexes: dict[frozenset[str], re.Pattern] = {}

    def search(self, text: str, words: set[str]) -> bool:
        """Whether lower-cased `text`, whose words (`words_of`) are `words`, has one of the phrases."""
        if not self._built:
            self._build()
        if self._any or not self._words.isdisjoint(words):
            return True
        for key in self._keys.intersection(words):
            for alt, lists in self._by_key[key]:
                if alt <= words:
                    regex = self._regexes.get(alt)
                    if regex is None:
                        regex = self._regexes[alt] = re.compile(phrases_regex(lists, self._unsafe))
                    if regex.search(text) is not None:
                        return True
        return self._loose is not None and self._loose.search(text) is not None


def _trie_regex(node: dict) -> str:
    end = node.get("")
    after = "" if not end else f"(?![{_EDGE_CLASS[end]}])"
    if end is not None and len(node) == 1:
        return after
    branches = []
    for ch, child in sorted(node.items()):
        if ch == "":
            continue
        if ch == _SEP:
            head = r"\s*"
        elif ch in _EDGE_CLASS:
            # a start edge, one character into the phrase: not a letter (digit) before that character.
            # Written after the character rather than before it, the regex opens with literal
            # characters, which the regex engine can look for: a fifth faster on contract text.
            head = f"(?<![{_EDGE_CLASS[ch]}].)"
        else:
            head = re.escape(ch)
        branches.append(head + _trie_regex(child))
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end is not None:  # a phrase may end here
        return "(?:" + body + "|" + after + ")"
    return body


def phrase_in(phrase: str, text: str) -> bool:
    """`phrase` occurs in lower-cased `text` as whole words."""
    phrase = phrase.lower()
    i = text.find(phrase)
    if i == -1:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(phrase)] if i + len(phrase) < len(text) else " "
    return not before.isalnum() and not after.isalnum()


@lru_cache(maxsize=512)
def blank_phrases(text: str, phrases: tuple[str, ...]) -> str:
    """Lower-cased `text` with each whole-word occurrence of `phrases` blanked out.

    A kind's mask words in a heading ("INSURANCE CENTER") then do not make it
    the kind's heading, as they do not make a sentence the kind's clause.
    (Cached: every sentence of a clause is read under the same heading. Only
    the phrases whose first word the heading holds are looked for, in their
    order: a kind has hundreds of mask phrases and a heading a few words.)
    """
    by_run, bare = _by_first_run(phrases)
    found = [entry for run in words_of(text) & by_run.keys() for entry in by_run[run]]
    for _i, phrase in sorted(found + bare):
        i = text.find(phrase)
        while i != -1:
            j = i + len(phrase)
            if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
                text = text[:i] + " " * len(phrase) + text[j:]
            i = text.find(phrase, i + 1)
    return text


@lru_cache(maxsize=64)
def _by_first_run(phrases: tuple[str, ...]) -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]]]:
    """`phrases` lower-cased, with their places, by their first run (a whole-word occurrence
    of a phrase is one of that run in the text); those without a run apart."""
    by_run: dict[str, list[tuple[int, str]]] = {}
    bare = []
    for i, phrase in enumerate(phrases):
        phrase = phrase.lower()
        m = _RUN.search(phrase)
        if m is None:
            bare.append((i, phrase))
        else:
            by_run.setdefault(m.group(), []).append((i, phrase))
    return by_run, bare


_HEADINGS_KEPT = 4096


class Requirement:
    """What a sentence must contain for one cue to have a chance.

    Two stages: `met` tests word sets (cheap, every sentence whose words open
    the gate); `met_text` then tests that each group's phrases occur as
    phrases in the text and that the block heading has a heading phrase.
    """

    __slots__ = ("groups", "patterns", "heading", "_checks", "_rest", "_headings")

    def __init__(self, groups: list[Group], patterns: list[re.Pattern] | None = None, heading: list[str] | None = None):
        self.groups = sorted(groups, key=lambda g: gate_cost(g.keys))  # the rarest, most likely to fail, first
        self.patterns = [p for p in patterns or () if p is not None]
        self.heading = heading or []
        # (a group of one-word alternatives only has no multi-word ones to test)
        self._checks = tuple((g.singles, g.alternative_keys if g.alternatives else None, g.alternatives) for g in self.groups)
        self._rest = self._checks[1:]
        # heading -> whether it has one of the heading phrases: a block's sentences share their heading, and a document
        # has few (bounded, for long runs over many documents)
        self._headings: dict[str, bool] = {}

    def gate_entries(self) -> list[tuple[str, tuple[frozenset[str], ...] | None]]:
        """(gate word, what else group 0 needs with it) pairs: None when the word alone meets
        the group, else the multi-word alternatives it keys (one must be in the sentence).

        With them the gate loop settles group 0 inline, without a call, and `met_rest`
        tests the other groups: a gate word that keys only phrases ("end" of "at the
        end of") opens the gate of many sentences that have not the phrase's other words.
        """
        first = self.groups[0]
        return [(w, None if w in first.singles else tuple(first.alternatives[w])) for w in sorted(self.gate())]

    def gate(self) -> frozenset[str]:
        """The words, one of which the sentence must contain, that are rarest in contracts."""
        return self.groups[0].keys

    def met(self, words: set[str]) -> bool:
        return _meets(self._checks, words)

    def met_rest(self, words: set[str]) -> bool:
        """`met`, for a sentence already known to meet group 0 (the gate's group)."""
        return _meets(self._rest, words)

    def met_text(self, text: str, heading: str, words: set[str]) -> bool:
        """`text` is the sentence lower-cased, `words` its words (`words_of`), `heading` its lower-cased heading."""
        if self.heading:
            if not heading:
                return False
            under = self._headings.get(heading)
            if under is None:
                if len(self._headings) >= _HEADINGS_KEPT:
                    self._headings.clear()
                under = self._headings[heading] = any(phrase_in(p, heading) for p in self.heading)
            if not under:
                return False
        for pattern in self.patterns:
            if not pattern.search(text, words):
                return False
        return True


def _meets(checks, words: set[str]) -> bool:
    """Every group of `checks` (a requirement's `_checks`) has an alternative all of whose words are in `words`."""
    # each group in turn, inlined (this runs for most sentences): a one-word alternative,
    # else a multi-word one whose rarest word is there and all of whose words are
    # (loops rather than any(...): a generator costs more than the few tests it runs)
    for singles, keys, alternatives in checks:
        if not singles.isdisjoint(words):
            continue
        if keys is None:
            return False
        for key in keys.intersection(words):
            for alt in alternatives[key]:
                if alt <= words:
                    break
            else:
                continue
            break
        else:
            return False
    return True
