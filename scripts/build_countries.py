"""Writes `smpseo/data/countries.tsv`: each country and territory of ISO 3166-1 with its two-letter code, its
international calling code (ITU-T E.164) and the trunk prefix a number written for callers in the country starts
with ("0" in Ireland, "1" in North America, "8" in Russia, none in Italy), from libphonenumber's metadata as the
`phonenumbers` package (Apache-2.0) ships it; the English names from the same package's locale data, with the
names the countries use today where Java's are older (Czechia, Eswatini, North Macedonia ...).

Run it by hand where `phonenumbers` is installed (smpseo does not need the package): `python
scripts/build_countries.py`; then read the diff.
"""

from __future__ import annotations

import pathlib

import phonenumbers
from phonenumbers.geodata.locale import LOCALE_DATA

OUT = pathlib.Path(__file__).resolve().parent.parent / "smpseo" / "data" / "countries.tsv"
NOT_ISO = {"AC", "TA", "AN"}  # Ascension and Tristan da Cunha (reserved, not assigned), the Netherlands Antilles
NAMES = {  # the short names in use today where Java's locale data has an older or clumsier one
    "BN": "Brunei Darussalam", "CC": "Cocos (Keeling) Islands", "CD": "Democratic Republic of the Congo",
    "CV": "Cabo Verde", "CZ": "Czechia", "FK": "Falkland Islands (Malvinas)", "MK": "North Macedonia",
    "MO": "Macao", "RE": "Réunion", "SZ": "Eswatini", "TR": "Türkiye", "VA": "Holy See", "XK": "Kosovo",
    "FM": "Micronesia (Federated States of)", "PS": "Palestine, State of",
}
TRUNKS = {"BY": "80|8|0"}  # where a number at home may start with more than one prefix (the metadata's parsing rule)
SMALL = {"And", "Of", "The"}
HEADER = """\
# Each country and territory of ISO 3166-1 (and Kosovo, XK, as it is commonly coded): its two-letter code, its
# international calling code (ITU-T E.164; blank where it has no telephone service of its own), the trunk prefix a
# number starts with when written for callers in the country (blank where there is none, as in Italy; its forms
# separated by | where there are several), and its English short name. Built by scripts/build_countries.py from
# libphonenumber's metadata as the phonenumbers package ships it (Apache-2.0, LICENSES/Apache-2.0.txt). Other
# names of a country (UK, USA, Aotearoa) are in en/place_aliases.txt.
"""


def _name(code: str) -> str:
    name = NAMES.get(code) or LOCALE_DATA[code]["aa"]
    words = name.split(" ")
    return " ".join(w.lower() if i and w in SMALL else w for i, w in enumerate(words))


def main() -> None:
    codes = sorted((set(phonenumbers.SUPPORTED_REGIONS) | set(LOCALE_DATA)) - NOT_ISO)
    rows = []
    for code in codes:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(code) if code in phonenumbers.SUPPORTED_REGIONS else None
        calling = str(meta.country_code) if meta else ""
        trunk = TRUNKS.get(code) or (meta.national_prefix or "") if meta else ""
        rows.append("\t".join((code, calling, trunk, _name(code))))
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
