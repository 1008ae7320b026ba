"""The settings schema: every plugin setting declared once; typos and wrong
types stop the build with a message naming the setting; plugins that need
another plugin say so; one answer to "which files are items"."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from pydantic import ValidationError

from catalog_helpers import COUNTY, ROOT, item

from catalog_model.content_tree import item_files
from catalog_model.settings import DECLARED, PREFIXES, SiteSettings, settings_problems, site_settings


def test_every_setting_the_plugins_read_is_declared():
    """Any CATALOG_/SEARCH_/… name a plugin reads (``settings["…"]``, ``typed.…``) is declared."""
    written = set()
    for path in (ROOT / "plugins").rglob("*.py"):
        written |= set(re.findall(r"[\"'.]((?:{})[A-Z0-9_]+)\b".format("|".join(PREFIXES)), path.read_text(encoding="utf-8")))
    assert written - set(DECLARED) == set()


def test_defaults_need_no_settings():
    typed = site_settings({})
    assert typed.CATALOG_PAGE_SIZE == DECLARED["CATALOG_PAGE_SIZE"].default
    assert typed.CATALOG_SECTIONS[0][0] == "政策文件"


def test_a_misspelled_setting_is_an_error_with_a_suggestion():
    [found] = settings_problems({"CATALOG_PAGESIZE": 30, "SITENAME": "x"})
    assert str(found) == "pelicanconf.py:1: CATALOG_PAGESIZE: 未知设置 CATALOG_PAGESIZE (是否想写 CATALOG_PAGE_SIZE？)"


def test_an_unknown_setting_without_a_near_name_points_at_the_table():
    [found] = settings_problems({"SEARCH_WHATEVER_THIS_IS": 1})
    assert found.hint == '可用设置见 README 的"设置"表'


def test_a_wrong_type_names_the_setting_and_its_rule():
    [found] = settings_problems({"CATALOG_PAGE_SIZE": "twenty"})
    assert found.field == "CATALOG_PAGE_SIZE"
    assert found.text.startswith("设置 CATALOG_PAGE_SIZE 的值 'twenty' 不符合要求")
    assert found.hint == DECLARED["CATALOG_PAGE_SIZE"].description


@pytest.mark.parametrize("name,value", [
    ("CATALOG_PAGE_SIZE", 0),
    ("CATALOG_INDEX_NO_PATTERN", "(unclosed"),
    ("CATALOG_SECTIONS", [["政策文件", "Policies!"]]),
    ("CATALOG_SECTIONS", [["政策文件", "a"], ["政策解读", "a"]]),
    ("LINK_CHECK_ALLOW_EMPTY_SECTIONS", "maybe"),
])
def test_values_that_break_a_rule_are_refused(name, value):
    assert [p.field for p in settings_problems({name: value})] == [name]


def test_settings_are_typed_and_never_changed_in_place():
    given = {"CATALOG_REFERENCE_DATE": "2025-06-30", "CATALOG_SECTIONS": [["政策文件", "policies"]]}
    typed = site_settings(given)
    assert typed.CATALOG_REFERENCE_DATE == dt.date(2025, 6, 30)
    assert typed.CATALOG_SECTIONS == (("政策文件", "policies"),)
    assert given["CATALOG_SECTIONS"] == [["政策文件", "policies"]]
    with pytest.raises(ValidationError, match="frozen"):
        typed.CATALOG_PAGE_SIZE = 5  # frozen: plugins cannot change what another reads
    assert isinstance(typed, SiteSettings)


def test_a_typo_in_settings_stops_the_build_before_reading(tree, tmp_path):
    tree.write("a.md", item())
    output = tmp_path / "output"
    result = tree.build(output, CATALOG_PAGESIZE=5)
    assert result.returncode != 0
    assert "CATALOG_PAGESIZE: 未知设置 CATALOG_PAGESIZE (是否想写 CATALOG_PAGE_SIZE？)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_item_files_are_the_files_pelican_reads(tree):
    """One answer for the build, the read-ahead and `make check`."""
    from pelican.generators import ArticlesGenerator
    from pelican.settings import read_settings

    tree.write("a.md", item())
    tree.write("sub/b.markdown", item(index_no=f"{COUNTY}/2025-00002"))
    tree.write("files/notes.md", "an attachment, not an item")
    tree.write("d.txt", "not Markdown")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tree.root)})
    generator = ArticlesGenerator(context={}, settings=settings, path=str(tree.root),
                                  theme=settings["THEME"], output_path=str(tree.root / "out"))
    pelican_reads = {(tree.root / f).resolve() for f in generator.get_files(
        settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"],
        extensions=("md", "markdown"))}
    ours = {p.resolve() for p in item_files(settings)}
    assert ours == pelican_reads
    assert {p.name for p in ours} == {"a.md", "b.markdown"}


@pytest.mark.parametrize("plugins,missing", [
    (["catalog_reader", "catalog_pages"], "catalog_validation"),
    (["catalog_reader", "link_check"], "catalog_validation"),
])
def test_a_plugin_without_the_catalog_fails_loudly(tree, tmp_path, plugins, missing):
    tree.write("a.md", item())
    result = tree.build(tmp_path / "output", PLUGINS=plugins)
    assert result.returncode != 0
    said = re.sub(r"\s+", "", result.stdout + result.stderr)  # Pelican's log wraps long lines
    assert f"'{missing}'toPLUGINS" in said


def test_the_link_check_runs_without_mirror_publish(tree, tmp_path):
    """Not a receiver of another plugin's signal: a plain `pelican` run checks links too."""
    tree.write("a.md", item() + "\n[坏链接](../nowhere.html)\n")
    plugins = ["catalog_reader", "catalog_validation", "catalog_pages", "link_check"]
    result = tree.build(tmp_path / "output", PLUGINS=plugins)
    assert result.returncode != 0
    assert "nowhere.html" in result.stderr
