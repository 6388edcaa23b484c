"""smpseo: content and SEO checks for a clinic's blog, from a notebook or a terminal.

    >>> import smpseo
    >>> posts = smpseo.load_posts("posts/")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .checks import check, rules
from .config import Config, ConfigError, load_config
from .metrics import analyze_frame as analyze
from .model import Block, Corpus, Image, Link, Post, ReadError, Section, Sentence
from .readers import load_posts
from .results import CheckResult, Finding

__all__ = [
    "__version__",
    "Block",
    "CheckResult",
    "Finding",
    "analyze",
    "check",
    "rules",
    "Config",
    "ConfigError",
    "Corpus",
    "Image",
    "Link",
    "Post",
    "ReadError",
    "Section",
    "Sentence",
    "load_config",
    "load_posts",
]
