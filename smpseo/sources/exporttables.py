"""Which file of a Search Console export ZIP is which table, whatever the language of the account that downloaded
it: Google names the files in it (`Suchanfragen.csv`, `Requêtes.csv`, `Consultas.csv` for `Queries.csv`), and the
columns too ("Häufigste Suchanfragen", "Klicks", ...). A table is found by its English name, else by its name in a
common language of Search Console (`NAMES`), else by its columns: a table of pages by the page addresses of its
first row, of days by the day there, of queries by the word its first column's name has for a query."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from pathlib import PurePosixPath

# The tables read, as an English export names them -> their names in the languages Search Console speaks most
# (German, French, Spanish, Italian, Portuguese, Dutch, Polish, Swedish, Danish, Norwegian, Finnish, Turkish,
# Czech, Japanese), in lower case
NAMES = {
    "queries.csv": ("suchanfragen.csv", "requêtes.csv", "consultas.csv", "query.csv", "zoekopdrachten.csv",
                    "zapytania.csv", "sökfrågor.csv", "forespørgsler.csv", "søk.csv", "kyselyt.csv", "sorgular.csv",
                    "dotazy.csv", "クエリ.csv", "查询.csv", "검색어.csv"),
    "pages.csv": ("seiten.csv", "páginas.csv", "pagine.csv", "pagina's.csv", "paginas.csv", "strony.csv",
                  "sidor.csv", "sider.csv", "sivut.csv", "sayfalar.csv", "stránky.csv", "ページ.csv", "网页.csv",
                  "페이지.csv"),
    "dates.csv": ("daten.csv", "datum.csv", "fechas.csv", "date.csv", "datas.csv", "datums.csv", "daty.csv",
                  "datoer.csv", "päivämäärät.csv", "tarihler.csv", "data.csv", "日付.csv", "日期.csv", "날짜.csv",
                  "diagramm.csv", "chart.csv", "graphique.csv", "gráfico.csv", "grafico.csv", "grafiek.csv"),
}
# What the first column of a table of queries is called, in part, in those languages ("Top queries", "Häufigste
# Suchanfragen", "Requêtes les plus fréquentes", "Consultas principales", "Query principali", "Populairste
# zoekopdrachten"), in lower case
QUERY_WORDS = ("quer", "anfrage", "abfrage", "requête", "requete", "consulta", "zoekopdracht", "pesquisa", "ricerc", "zapytani",
               "sökfråg", "forespørgs", "søk", "haku", "sorgu", "dotaz", "запрос", "クエリ", "查询", "查詢", "검색어")
_ADDRESS = re.compile(r"(?:https?://|/)\S*$", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
HEAD_BYTES = 64 * 1024  # what is read of a file to know its table by its columns


def _name(member: str) -> str:
    """A ZIP entry's file name as compared: in lower case, its accents composed (a Mac writes them apart)."""
    return unicodedata.normalize("NFC", PurePosixPath(member.replace("\\", "/")).name).lower()


def named(names: list[str], file_name: str) -> list[str]:
    """The entries of `names` that are the table `file_name` ("Queries.csv") by their names: the English one, else
    one in another language."""
    wanted = file_name.lower()
    found = [m for m in names if _name(m) == wanted]
    return found or [m for m in names if _name(m) in NAMES.get(wanted, ())]


def by_columns(archive: zipfile.ZipFile, names: list[str], file_name: str) -> list[str]:
    """The CSV entries of `names` whose columns say they are the table `file_name` (`table_of`)."""
    return [m for m in names if _name(m).endswith(".csv") and table_of(_head(archive, m)) == file_name.lower()]


def _head(archive: zipfile.ZipFile, member: str) -> str:
    try:
        with archive.open(member) as stream:
            data = stream.read(HEAD_BYTES)
    except Exception:  # a damaged or encrypted entry: not this table, and said when it is the one read
        return ""
    for codec in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return ""


def table_of(text: str) -> str:
    """Which table ("queries.csv", "pages.csv", "dates.csv") a CSV file's beginning is, by its columns: five (or
    nine, the comparison export's), the first row's first cell a page's address, a day, or words under a name for
    queries; "" for another."""
    lines = text.lstrip("\ufeff").split("\n", 2)[:2]
    if len(lines) < 2:
        return ""
    for delimiter in (",", ";", "\t"):
        try:
            header, row = (next(csv.reader(io.StringIO(line), delimiter=delimiter), []) for line in lines)
        except csv.Error:
            continue
        if len(header) not in (5, 9) or len(row) != len(header):
            continue
        key, first = header[0].strip().lower(), row[0].strip()
        if _ADDRESS.match(first):
            return "pages.csv"
        if _DAY.match(first):
            return "dates.csv"
        return "queries.csv" if first and any(word in key for word in QUERY_WORDS) else ""
    return ""


__all__ = ["NAMES", "by_columns", "named", "table_of"]
