"""Text, language knowledge and settings: the layer every other one builds on. Imports nothing else of smpseo."""
