"""The two-letter language codes of ISO 639-1, as a file name or a page's settings write a language (`fr`, `pt-br`,
`en_AU`): what tells a translation (`pain.fr.md`) from a name that only has a dot in it (`v2.md`, `name.md.md`)."""

from __future__ import annotations

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es
et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki
kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no
nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te
tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
ENGLISH = "en"


def language_of(code: object) -> str:
    """The ISO 639-1 language a code names (`fr`, `pt-BR` -> `pt`, `en_AU` -> `en`), or "" when it names none."""
    if not isinstance(code, str):
        return ""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in ISO_639_1 else ""


def file_language(name: str) -> str:
    """The language a file's name carries before its ending, Hugo's way ("fr" for `pain.fr.md` or a bundle's
    `index.fr.md`, "pt-br" for `index.pt-br.md`): a lower-case ISO 639-1 code, with a region or not; "" for a file
    named without one (`pain.md`, `v2.md`, `notes.md.md`)."""
    parts = name.replace("\\", "/").rsplit("/", 1)[-1].split(".")
    code = parts[-2] if len(parts) > 2 else ""
    return code if code == code.lower() and language_of(code) else ""

