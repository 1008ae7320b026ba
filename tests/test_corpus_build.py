"""A generated corpus (tools/make_corpus.py) builds, in worker processes and serially alike."""
from catalog_helpers import build, make_corpus, tree_bytes


def test_generated_corpus_builds(tmp_path):
    corpus, output = tmp_path / "corpus", tmp_path / "output"
    items = make_corpus.generate(corpus, 400, attachments=True)
    result = build(corpus, output, CATALOG_READ_WORKERS=2, CATALOG_RENDER_WORKERS=2)
    assert result.returncode == 0, result.stderr[-2000:]
    built = [i for i in items if i.status != "draft"]  # drafts are not built; withdrawn items get a page
    assert len(list((output / "items").rglob("*.html"))) == len(built)
    assert (output / "sections" / "policies" / "index.html").is_file()
    # Items are not Pelican articles: Pelican's own generator read none of the files (catalog_reader).
    assert "Processed 0 articles, 0 drafts, 0 hidden articles" in " ".join(result.stdout.split())

    # Reading and rendering in two worker processes each, and all in one process, give the same site.
    serial = tmp_path / "serial"
    assert build(corpus, serial, CATALOG_READ_WORKERS=1, CATALOG_RENDER_WORKERS=1).returncode == 0
    assert tree_bytes(serial) == tree_bytes(output)
