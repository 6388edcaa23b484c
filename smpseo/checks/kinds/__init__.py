"""Rule kinds: a rule declared as a small spec of a typed check instead of a function.

A spec holds everything the `@rule` decorator takes (id, name, category, severity, doc, hint, thresholds,
examples with the findings they must give) and what its kind's check needs; `register(spec)` puts it in the
registry. The kinds, after Vale's check types and Yoast's assessments:

- `Metric` (`measure.py`): a number against a threshold (text length, paragraph length, reading ease).
- `Share` (`measure.py`): the share of the sentences (or other parts) that have something (long, passive).
- `Repetition` (`measure.py`): parts in a row that start alike (sentence beginnings).
- `Required` (`presence.py`): something the post must have (a description, an image, a call to action).
- `Occurrence` (`presence.py`): each thing that should not be there (an image without alt text, a second H1).
- `Consistency` (`presence.py`): one form of a thing wherever the post writes (the phone, the business name).
- `Placement` (`placement.py`): a phrase where it counts (the keyphrase in the title, the city in the intro).
- `Duplicate` (`site.py`): posts that share what each should have of its own (a keyphrase, a title).

Rules that fit no kind stay `@rule` functions (kind "custom"), each saying why.

    register(Metric(id="RD107", ..., thresholds={"min_words": 300}, value=lambda ctx: ctx.word_count,
                    below="min_words", message="Text has {value} words (min {threshold})"))
"""

from __future__ import annotations

from smpseo.checks.kinds.measure import Metric, Repetition, Share, percent
from smpseo.checks.kinds.placement import Placement
from smpseo.checks.kinds.presence import Consistency, Occurrence, Required
from smpseo.checks.kinds.site import Duplicate, others
from smpseo.checks.kinds.spec import Spec, last_prose_line, register, written_places

__all__ = ["Consistency", "Duplicate", "Metric", "Occurrence", "Placement", "Repetition", "Required", "Share",
           "Spec", "last_prose_line", "others", "percent", "register", "written_places"]
