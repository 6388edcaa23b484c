"""FAQ topic gaps: for every question prospects ask, does the blog answer it, where, and how well.

The matcher compares meaning, not only shared words. Every passage (section, paragraph, sentence) and every way of
asking a topic becomes the weighted mean of static word vectors distilled from a sentence-embedding model
(`vectors.py`); for each topic and section, features say how far the section's similarity stands out against the
rest of the blog, how close it comes in absolute terms, whether its heading asks the question or belongs to another
topic, and whether it asks rather than answers (`features.py`); a logistic regression whose weights are data rates
it (`scorer.py`); `match.py` gives each topic its status, where to send a reader, the sentences that count and why,
and what to write. The lexicon and its keyed index (`lexicon.py`, `index.py`) map Search Console queries to topics
and tell which posts are about the domain at all. See docs/gaps.md (`make eval` for the accuracy).
"""

from smpseo.analysis.gaps.index import Index, Passage, TopicQuery, build_index, compile_topic
from smpseo.analysis.gaps.lexicon import Lexicon, build_lexicon, default_lexicon, lexicon_for
from smpseo.analysis.gaps.match import Blog, find_gaps, match_topics
from smpseo.analysis.gaps.scorer import Scorer, scorer_from_json
from smpseo.analysis.gaps.vectors import WordVectors, vectors_from_npz

__all__ = ["Blog", "Index", "Lexicon", "Passage", "Scorer", "TopicQuery", "WordVectors", "build_index", "build_lexicon",
           "compile_topic", "default_lexicon", "find_gaps", "lexicon_for", "match_topics", "scorer_from_json",
           "vectors_from_npz"]
