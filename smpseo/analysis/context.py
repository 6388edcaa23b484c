"""What the rules read: one post with everything worked out once (its focus keyphrase, target counts, positions)."""

from __future__ import annotations

from functools import cached_property, lru_cache

from smpseo.analysis.keyphrase import Match, Matcher, Phrase
from smpseo.analysis.placement import occurrences, subheadings
from smpseo.analysis.spelling import SpellingGuard
from smpseo.core.sentences import sentence_spans
from smpseo.core.settings import Config
from smpseo.model.post import HEADING, QUOTE, Block, Post, Sentence

FRONT_MATTER, OPTION, INFERRED = "front matter", "--keyphrase", "inferred"


class PostContext:
    """A post plus the analysis several rules share, computed at most once."""

    def __init__(self, post: Post, config: Config, matcher: Matcher, targets: list[Phrase],
                 guard: SpellingGuard, keyphrase: str | None = None):
        self.post = post
        self.name = post.path or post.slug  # what findings name the post by ("file#slug" inside an export)
        self.config = config
        self.site = config.site
        self.matcher = matcher
        self.targets = targets
        self.guard = guard
        self._option = (keyphrase or "").strip()
        self._found: dict[tuple[str, bool], list[tuple[Block, Match]]] = {}
        self._block_keys: dict[bool, list[frozenset[str]]] = {}
        self._offsets: dict[int, tuple[Block, list]] = {}

    # ---- the focus keyphrase -------------------------------------------------------------------------------------
    @cached_property
    def focus_source(self) -> str:
        if self._option:
            return OPTION
        if self.post.keyphrase:
            return FRONT_MATTER
        return INFERRED if self.strongest_target else ""

    @cached_property
    def focus(self) -> Phrase | None:
        """The focus keyphrase: `--keyphrase`, else front matter `keyphrase`, else the strongest target (inferred)."""
        if self._option:
            return self.matcher.phrase(self._option)
        if self.post.keyphrase:
            return self.matcher.phrase(self.post.keyphrase)
        return self.strongest_target

    @property
    def keyphrase_text(self) -> str:
        """The keyphrase as set (`--keyphrase` or front matter), even one that matches nothing; "" when inferred."""
        return self._option or (self.post.keyphrase or "").strip()

    @property
    def inferred(self) -> bool:
        return self.focus_source == INFERRED

    @cached_property
    def target_counts(self) -> dict[str, int]:
        """How often each site target appears in the body prose, as written (word forms included)."""
        return {t.text: len(self.find(t)) for t in self.targets}

    @cached_property
    def strongest_target(self) -> Phrase | None:
        """The site target this post mentions most (ties: the one its title names, then the more specific one, then
        the config's order)."""
        best = None
        best_rank = (0, False, 0)
        title = self.post.title or ""
        for t in self.targets:
            count = self.target_counts[t.text]
            rank = (count, count > 0 and bool(occurrences(self.matcher, t, title, False)), len(t.keys))
            if rank[0] > 0 and rank > best_rank:
                best, best_rank = t, rank
        return best

    # ---- text ----------------------------------------------------------------------------------------------------
    @cached_property
    def prose(self) -> list[Block]:
        return self.post.prose

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.prose for s in b.sentences]

    @cached_property
    def own_sentences(self) -> list[Sentence]:
        """Sentences the author wrote: quotations left out (readers quote questions and other people)."""
        return [s for b in self.prose if b.kind != QUOTE for s in b.sentences]

    @cached_property
    def word_count(self) -> int:
        return self.post.word_count

    @cached_property
    def own_text(self) -> list[Block]:
        """What the author wrote: the body prose without quotations, and the subheadings (what keyphrase density
        counts in, as Yoast does)."""
        return [b for b in self.post.blocks
                if (b.is_prose and b.kind != QUOTE) or (b.kind == HEADING and (b.level or 1) >= 2)]

    @cached_property
    def subheadings(self) -> list[Block]:
        return subheadings(self.post)

    @cached_property
    def scores(self) -> dict:
        from smpseo.analysis.readability import scores

        return scores(self.post)

    def block_keys(self, synonyms: bool) -> list[frozenset[str]]:
        """The word keys of each block of the body prose (synonyms folded or not): a phrase whose keys are not all
        in a block cannot match there."""
        found = self._block_keys.get(synonyms)
        if found is None:
            found = self._block_keys[synonyms] = [frozenset(k for u in self.matcher.units(b.text, synonyms)
                                                            for k in u.keys) for b in self.prose]
        return found

    @cached_property
    def words_keys(self) -> frozenset[str]:
        """Every word key of the body prose, as written (synonyms not folded)."""
        return frozenset().union(*self.block_keys(False))

    def find(self, phrase: Phrase, synonyms: bool = False) -> list[tuple[Block, Match]]:
        """Each time a sentence of the body prose holds the phrase (`smpseo.analysis.placement`), with its block:
        the phrase as written (word forms included), or with its synonyms standing for it too."""
        found = self._found.get((phrase.text, synonyms))
        if found is None:
            needed = set(phrase.keys_for(synonyms))
            blocks = self.block_keys(synonyms)
            if not needed or not needed <= frozenset().union(*blocks):
                found = []
            else:
                found = [(b, m) for b, keys in zip(self.prose, blocks, strict=True) if needed <= keys
                         for m in occurrences(self.matcher, phrase, b.text, synonyms)]
            self._found[(phrase.text, synonyms)] = found
        return found

    def searched(self) -> dict[tuple[str, bool], list[tuple[Block, Match]]]:
        """What `find` has found so far, by (phrase text, synonyms counted)."""
        return dict(self._found)

    def recall(self, text: str, found: list[tuple[Block, Match]]) -> None:
        """Take the matches of the phrase `text` (as written) from an earlier search, as if `find` had made them."""
        self._found[(text, False)] = found

    # ---- positions -----------------------------------------------------------------------------------------------
    def sentence_offsets(self, block: Block) -> list[tuple[Sentence, int, int]]:
        """Each sentence of a block with its (start, end) offsets in `block.text`, worked out once per block (every
        finding in a block asks for them)."""
        known = self._offsets.get(id(block))
        if known is not None and known[0] is block:
            return known[1]
        spans = _spans(block.text)
        if len(spans) != len(block.sentences):
            offsets = [(s, 0, len(block.text)) for s in block.sentences]
        else:
            offsets = [(s, a, b) for s, (a, b) in zip(block.sentences, spans, strict=False)]
        self._offsets[id(block)] = (block, offsets)
        return offsets

    def position(self, block: Block, offset: int) -> tuple[int, int]:
        """Source (line, column) of a character offset into `block.text` (the column is refined later from the
        source line when the file can be read)."""
        text = block.text
        line = block.line + text.count("\n", 0, offset)
        line_start = text.rfind("\n", 0, offset) + 1
        for sentence, start, _ in reversed(self.sentence_offsets(block)):
            if start <= offset and sentence.line == line and start >= line_start:
                return line, sentence.column + (offset - start)
        if block.kind == HEADING:
            return line, block.level + 2 + offset
        if line_start == 0 and block.sentences:
            return line, block.sentences[0].column + offset
        return line, 1 + offset - line_start

    def locate(self, line: int, text: str) -> tuple[int, int]:
        """Source (line, column) of `text` in the block that covers `line` (a link's anchor text, say)."""
        for block in self.post.blocks:
            if block.line <= line <= (block.end_line or block.line):
                at = block.text.find(text)
                if at >= 0:
                    return self.position(block, at)
        return line, 1

    def first_line(self) -> int:
        """Where post-wide findings point: the title, or the first block."""
        if self.post.title_line:
            return self.post.title_line
        return self.post.blocks[0].line if self.post.blocks else 1

    def focus_label(self) -> str:
        if self.focus is None:
            return ""
        return f"'{self.focus.text}'" + (" (inferred: the target this post mentions most)" if self.inferred else "")


@lru_cache(maxsize=1 << 15)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """`sentence_spans` of a block's text, remembered by the text: a re-run that reads most posts unchanged (`check
    --watch`, the notebook's refresh) builds new contexts over the same blocks, and would work them out again."""
    return tuple(sentence_spans(text))
