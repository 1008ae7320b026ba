"""错链死链 and 空白栏目: a site with a broken internal link or an empty section is not published."""
from catalog_helpers import COUNTY, build, item
from link_check.checker import check_site


def write(root, rel, html):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_checker_finds_every_kind_of_broken_link(tmp_path):
    write(tmp_path, "index.html", ' <a href="items/a.html">a</a> <a href="#main">skip</a> <main id="main"></main>'
                                  ' <a href="#nowhere">x</a> <img src="img/missing.png"> <a href="javascript:alert(1)">j</a>'
                                  ' <a href="https://www.gov.cn/">gov</a> <a href="mailto:xxgk@qinghe.gov.cn">m</a>'
                                  ' <link href="theme/css/site.css"> <a href="sections/">s</a>')
    write(tmp_path, "items/a.html", ' <a href="../index.html">home</a> <a href="b.html?x=1#top">b</a>')
    write(tmp_path, "theme/css/site.css", "")
    write(tmp_path, "sections/index.html", "")
    report = check_site(tmp_path)
    assert sorted((b.page, b.target) for b in report.broken) == [
        ("index.html", "#nowhere"), ("index.html", "img/missing.png"), ("index.html", "javascript:alert(1)"),
        ("items/a.html", "b.html?x=1#top")]
    assert report.external == {"https://www.gov.cn/"}
    assert report.pages == 3


def test_broken_link_in_a_body_fails_the_build_naming_the_source(tree, tmp_path):
    tree.write("a.md", item() + "\n详见[实施细则](../../items/nowhere.html)。\n")
    output = tmp_path / "output"
    result = tree.build(output)
    assert result.returncode != 0
    assert (f"a.md:14: 链接 ../../items/nowhere.html 指向的文件不存在（见页面 items/{COUNTY}/2025-00001.html） "
            "(改正链接，或补上被链接的文件)") in result.stderr
    assert not output.exists()


def test_links_between_items_resolve(tree, tmp_path):
    tree.write("a.md", item())
    tree.write("b.md", item(index_no=f"{COUNTY}/2025-00002", category="工作动态", validity=None)
               + f"\n见[通知](../../items/{COUNTY}/2025-00001.html)。\n")
    assert tree.build(tmp_path / "output").returncode == 0


def test_empty_section_fails_the_build(tree, tmp_path):
    tree.write("a.md", item())
    result = build(tree.root, tmp_path / "output")  # strict: empty sections not allowed
    assert result.returncode != 0
    assert "sections/interpretations/index.html:1: 栏目“政策解读”没有任何信息（空白栏目）" in result.stderr


def test_external_links_are_listed_not_fetched(tree, tmp_path):
    tree.write("a.md", item() + "\n参见[中国政府网](https://www.gov.cn/zhengce/)。\n")
    # Without the footer's registry links (备案号), the only external link is the item's.
    assert tree.build(tmp_path / "output", CATALOG_ICP="", CATALOG_PSB="").returncode == 0
    assert (tmp_path / "output.external-links.txt").read_text(encoding="utf-8") == "https://www.gov.cn/zhengce/\n"
