"""Search Console exports as users have them: a line saved in another encoding than the rest, and the tables of an
interface in another language than English, read by the columns' order every export has."""

from __future__ import annotations

import pytest

from smpseo.cli import main
from smpseo.sources.pages import read_pages
from smpseo.sources.queries import queries_notes, read_queries

from .conftest import nonblank_lines as _lines

HEADER = '"Top queries","Clicks","Impressions","CTR","Position"\n'


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_a_line_in_windows_1252_is_read_alone_and_said(tmp_path):
    (tmp_path / "Queries.csv").write_bytes(
        HEADER.encode() + '"smp gaillimh ciarán","1","20","5%","3.0"\n'.encode()
        + '"smp dún laoghaire","1","20","5%","3.0"\n'.encode("cp1252")
        + '"smp café","2","30","5%","3.0"\n'.encode() + '"smp señor","1","20","5%","3.0"\n'.encode("cp1252"))
    rows = read_queries("Queries.csv")
    assert [q.query for q in rows] == ["smp gaillimh ciarán", "smp dún laoghaire", "smp café", "smp señor"]
    assert [str(n) for n in queries_notes("Queries.csv", rows)] == [
        "Queries.csv:3: warning: not UTF-8; read as Windows-1252",
        "Queries.csv:5: warning: not UTF-8; read as Windows-1252"]


def test_lines_in_windows_1252_past_ten_are_counted_in_one_line(tmp_path):
    (tmp_path / "Queries.csv").write_bytes(
        HEADER.encode() + "".join(f'"smp dún {i}","1","20","5%","3.0"\n' for i in range(12)).encode("cp1252"))
    notes = [str(n) for n in queries_notes("Queries.csv", read_queries("Queries.csv"))]
    assert notes == [f"Queries.csv:{n}: warning: not UTF-8; read as Windows-1252" for n in range(2, 12)] + [
        "Queries.csv:12: warning: 2 more lines not UTF-8, read as Windows-1252"]


def test_the_gaps_command_says_the_line_read_as_windows_1252(posts, capsys):
    (posts.parent / "Queries.csv").write_bytes(
        HEADER.encode() + '"smp gaillimh ciarán","1","20","5%","3.0"\n'.encode()
        + '"smp dún laoghaire","1","20","5%","3.0"\n'.encode("cp1252"))
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 0
    out, err = capsys.readouterr()
    assert _lines(err) == ["Queries.csv:3: warning: not UTF-8; read as Windows-1252"]
    assert "'smp gaillimh ciarán'" in out and "'smp dún laoghaire'" in out


def test_a_header_in_german_is_read_by_the_columns_order(posts, capsys):
    (posts.parent / "de.csv").write_text('"Häufigste Suchanfragen","Klicks","Impressionen","CTR","Position"\n'
                                         '"smp galway","14","320","4,38 %","6,2"\n', encoding="utf-8")
    (query,) = rows = read_queries("de.csv")
    assert (query.query, query.clicks, query.impressions, query.ctr, query.position, query.line) == \
        ("smp galway", 14, 320, 0.0438, 6.2, 2)
    info = ('de.csv:1: info: header "Häufigste Suchanfragen","Klicks","Impressionen","CTR","Position" read as '
            "Search Console's columns in their order: the query, clicks, impressions, CTR, position")
    assert [str(n) for n in queries_notes("de.csv", rows)] == [info]
    assert main(["gaps", "posts", "--queries", "de.csv"]) == 0
    assert _lines(capsys.readouterr().err) == [info]


def test_a_comparison_export_in_french_is_read_by_the_columns_order(tmp_path):
    (tmp_path / "Pages.csv").write_text(
        '"Pages les plus populaires","28 derniers jours Clics","28 jours précédents Clics","28 derniers jours '
        'Impressions","28 jours précédents Impressions","28 derniers jours CTR","28 jours précédents CTR",'
        '"28 derniers jours Position","28 jours précédents Position"\n'
        '"https://example.com/smp-cost/","1 234","1 000","3 200","3 000","4,38 %","3,33 %","6,2","7,5"\n',
        encoding="utf-8")
    (page,) = pages = read_pages("Pages.csv")
    assert (page.url, page.clicks, page.impressions, page.ctr, page.position, page.line) == \
        ("https://example.com/smp-cost/", 1234, 3200, 0.0438, 6.2, 2)
    assert (page.previous.clicks, page.previous.impressions, page.previous.ctr, page.previous.position) == \
        (1000, 3000, 0.0333, 7.5)
    assert [(n.line, n.severity) for n in pages.notes] == [(1, "info")]


@pytest.mark.parametrize("table", [
    '"Suchanfrage","Anzahl"\n"smp galway","14"\n',  # not the export's columns
    '"Häufigste Suchanfragen","Klicks","Impressionen","CTR","Position"\n"smp galway","14","320","4,38","6,2"\n',
    '"Häufigste Seiten","Klicks","Impressionen","CTR","Position"\n"https://a.ie/x/","14","320","4 %","6,2"\n',
    '"Häufigste Suchanfragen","Klicks","Impressionen","CTR","Position"\n',  # no row to tell by
])
def test_a_table_of_another_shape_is_refused_saying_what_is_expected(posts, capsys, table):
    (posts.parent / "de.csv").write_text(table, encoding="utf-8")
    assert main(["gaps", "posts", "--queries", "de.csv"]) == 2
    header = table.split("\n", 1)[0]
    assert _lines(capsys.readouterr().err) == [
        f'smpseo: error: de.csv:1: not a Search Console Queries.csv: header is {header}, expected "Top queries",'
        '"Clicks","Impressions","CTR","Position" (or, in another language, the same 5 columns in that order: the '
        "query, clicks, impressions, CTR as a percentage, position; else export it again with Search Console's "
        "language set to English)"]


def test_figures_no_export_has_are_said_at_their_line_and_the_row_left_out(posts, capsys):
    """More clicks than impressions, or a CTR over 100 %: a spreadsheet's slip (columns swapped, a cell typed over).
    The reader says it at the row's line, for every command, and leaves the row out rather than use a wrong figure."""
    (posts.parent / "Queries.csv").write_text(
        HEADER + '"smp calgary","5800","1810","3.2%","6.8"\n"smp cost calgary","58","1810","320%","6.8"\n'
        '"does smp hurt","12","400","3%","5.1"\n', encoding="utf-8")
    rows = read_queries("Queries.csv")
    assert [q.query for q in rows] == ["does smp hurt"]
    said = ["Queries.csv:2: warning: 5,800 clicks above 1,810 impressions: no Search Console export has that; row "
            "left out",
            "Queries.csv:3: warning: CTR 320 % over 100 %: no Search Console export has that; row left out"]
    assert [str(n) for n in queries_notes("Queries.csv", rows)] == said
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 0
    assert _lines(capsys.readouterr().err) == said


def test_a_comparison_export_s_earlier_range_is_checked_too_and_a_file_of_none_left_says_so(tmp_path):
    (tmp_path / "Pages.csv").write_text(
        '"Top pages","Last 28 days Clicks","Previous 28 days Clicks","Last 28 days Impressions","Previous 28 days '
        'Impressions","Last 28 days CTR","Previous 28 days CTR","Last 28 days Position","Previous 28 days Position"\n'
        '"https://a.example/blog/x/","4","90","100","80","4%","112.5%","6.2","7.5"\n', encoding="utf-8")
    pages = read_pages("Pages.csv")
    assert list(pages) == [] and pages.left_out == 1
    assert [str(n) for n in pages.notes] == [
        "Pages.csv:2: warning: 90 clicks above 80 impressions: no Search Console export has that; row left out"]
    (tmp_path / "Queries.csv").write_text(HEADER + "".join(f'"smp {i}","9","3","300%","4"\n' for i in range(12)),
                                          encoding="utf-8")
    notes = [str(n) for n in queries_notes("Queries.csv", read_queries("Queries.csv"))]
    assert notes[:10] == [f"Queries.csv:{n}: warning: 9 clicks above 3 impressions: no Search Console export has "
                          "that; row left out" for n in range(2, 12)]
    assert notes[10:] == [
        "Queries.csv:12: warning: 2 more rows of figures no export has left out",
        "Queries.csv: warning: no query left to read (each row's figures are ones no export has): the topics are "
        "ranked without search demand"]


# An export downloaded by an account in another language: its files and columns named in it
LANGUAGES = {  # language: (queries file, its header), (pages file, its header), the number of clicks as written
    "de": (("Suchanfragen.csv", "Häufigste Suchanfragen,Klicks,Impressionen,CTR,Position"),
           ("Seiten.csv", "Häufigste Seiten,Klicks,Impressionen,CTR,Position"), "1.234"),
    "fr": (("Requêtes.csv", "Requêtes les plus fréquentes,Clics,Impressions,CTR,Position"),
           ("Pages.csv", "Pages les plus populaires,Clics,Impressions,CTR,Position"), "1\u202f234"),
    "es": (("Consultas.csv", "Consultas principales,Clics,Impresiones,CTR,Posición"),
           ("Páginas.csv", "Páginas principales,Clics,Impresiones,CTR,Posición"), "1.234"),
    "it": (("Query.csv", "Query principali,Clic,Impressioni,CTR,Posizione"),
           ("Pagine.csv", "Pagine principali,Clic,Impressioni,CTR,Posizione"), "1.234"),
    "pt": (("Consultas.csv", "Principais consultas,Cliques,Impressões,CTR,Posição"),
           ("Páginas.csv", "Principais páginas,Cliques,Impressões,CTR,Posição"), "1.234"),
    "nl": (("Zoekopdrachten.csv", "Populairste zoekopdrachten,Klikken,Vertoningen,CTR,Positie"),
           ("Pagina's.csv", "Populairste pagina's,Klikken,Vertoningen,CTR,Positie"), "1.234"),
}


def _export(path, tables: dict[str, str]) -> str:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in tables.items():
            archive.writestr(name, text.encode("utf-8"))
    return str(path)


def _tables(language: str, names: tuple[str, str] | None = None) -> dict[str, str]:
    (queries, query_header), (pages, page_header), clicks = LANGUAGES[language]
    queries, pages = names or (queries, pages)
    return {queries: f'{query_header}\n"smp köln","{clicks}","30.000","4,11 %","6,2"\n',
            pages: f'{page_header}\n"https://example.com/smp-cost/","{clicks}","30.000","4,11 %","6,2"\n',
            "Geräte.csv": 'Gerät,Klicks,Impressionen,CTR,Position\n"Mobil","14","320","4,38 %","6,2"\n'}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("named", [True, False])  # False: its files named as none of the languages known names them
def test_an_export_zip_in_another_language_is_read_by_its_files_names_or_columns(tmp_path, language, named):
    export = _export(tmp_path / "export.zip", _tables(language, None if named else ("Tabelle 1.csv", "Tabelle 2.csv")))
    queries, pages = read_queries(export), read_pages(export)
    assert [(q.query, q.clicks, q.impressions, q.ctr, q.position) for q in queries] == \
        [("smp köln", 1234, 30000, 0.0411, 6.2)]
    assert [(p.url, p.clicks) for p in pages] == [("https://example.com/smp-cost/", 1234)]


def test_an_export_zip_with_no_table_of_queries_says_which_files_it_holds(posts, capsys):
    tables = _tables("de")
    del tables["Suchanfragen.csv"]
    export = _export(posts.parent / "export.zip", tables)
    assert main(["gaps", "posts", "--queries", export]) == 2
    assert _lines(capsys.readouterr().err)[-1] == (
        f"smpseo: error: {export}: the ZIP holds no Queries.csv (in English or another language) and no table with "
        "its columns: it holds 'Seiten.csv', 'Geräte.csv' (is it a Search Console performance export?)")
