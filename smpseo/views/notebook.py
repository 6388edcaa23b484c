"""What the report notebooks display, as one namespace: `from smpseo.views import notebook as show`.

The sections live in `monthly.py`, `prepublish.py` and `faq.py`, the charts in `charts.py`, all built from the
blocks of `html.py`.
"""

from __future__ import annotations

from smpseo.views.charts import coverage_heatmap, gap_chart, readability_chart
from smpseo.views.faq import candidates_table, problems, topic_detail
from smpseo.views.html import (
    HTML,
    Chart,
    badge,
    cards,
    code_spans,
    dot,
    e,
    ease_colour,
    fmt,
    message,
    table,
    unavailable,
)
from smpseo.views.monthly import (
    cannibalisation_and_local,
    changes,
    faq_gaps,
    findings_table,
    gap_table,
    heading,
    overview,
    readability_table,
    todo_list,
)
from smpseo.views.prepublish import (
    checklist,
    draft_heading,
    highlighted_sentences,
    jsonld,
    links_to_add,
    placement_table,
    readability_vs_blog,
    topics_answered,
)
from smpseo.views.rating import draft_rating, post_ratings
from smpseo.views.snippet import search_preview
from smpseo.views.traffic import traffic

__all__ = ["Chart", "HTML", "badge", "candidates_table", "cannibalisation_and_local", "cards", "changes", "checklist", "code_spans", "coverage_heatmap", "dot", "draft_heading", "draft_rating", "e", "ease_colour", "faq_gaps", "findings_table", "fmt", "gap_chart", "gap_table", "heading", "highlighted_sentences", "jsonld", "links_to_add", "message", "overview", "placement_table", "post_ratings", "problems", "readability_chart", "readability_table", "readability_vs_blog", "search_preview", "table", "todo_list", "topic_detail", "topics_answered", "traffic", "unavailable"]
