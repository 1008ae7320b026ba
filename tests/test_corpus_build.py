"""A generated corpus in the content model (shared/bench/make_corpus.py) builds."""
import subprocess
import sys

import pytest

from catalog_helpers import ROOT, build, tree_bytes

MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"


@pytest.mark.skipif(not MAKE_CORPUS.is_file(), reason="shared/bench/make_corpus.py is not beside this clone")
def test_generated_corpus_builds(tmp_path):
    corpus, output = tmp_path / "corpus", tmp_path / "output"
    subprocess.run([sys.executable, str(MAKE_CORPUS), "--count", "400", "--out", str(corpus), "--attachments"],
                   check=True, capture_output=True)
    result = build(corpus, output, CATALOG_READ_WORKERS=2)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(list((output / "items").rglob("*.html"))) == 400
    assert (output / "sections" / "policies" / "index.html").is_file()

    # Reading in worker processes (the default) and in Pelican's own loop give the same site.
    serial = tmp_path / "serial"
    assert build(corpus, serial, CATALOG_READ_WORKERS=1).returncode == 0
    assert tree_bytes(serial) == tree_bytes(output)
