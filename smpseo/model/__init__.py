"""The document and its results: `Post` with blocks, sentences and source lines, and the typed results of analysis."""
