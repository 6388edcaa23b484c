"""Analysis of posts already read: readability, keyphrase matching, keywords, site structure, FAQ coverage, JSON-LD.

Takes `Post` objects and settings, never paths; reads no files but the package's own language data.
"""
