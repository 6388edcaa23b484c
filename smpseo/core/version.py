"""The package's version, and the mark its own HTML pages carry, in one place."""

__version__ = "0.1.0"

# `<meta name="generator" content="smpseo 0.1.0">` in the head of every HTML page smpseo writes (a report, the
# reports' index): a reader of posts knows the page for smpseo's own, whatever folder it is found in.
GENERATOR = "smpseo"
GENERATOR_META = f'<meta name="generator" content="{GENERATOR} {__version__}">'


def is_generated(generator: str) -> bool:
    """Whether a page's `<meta name="generator">` says smpseo wrote it."""
    return generator.strip().lower().split(" ")[0] == GENERATOR
