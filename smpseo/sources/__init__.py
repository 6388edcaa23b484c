"""Readers of what the clinic has: posts in every format, Search Console exports, topic files; and the Markdown writer."""
