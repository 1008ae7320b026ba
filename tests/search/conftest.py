"""Fixtures of the search tests: the indexed documents of the sample site and of
a generated 1k corpus, each built once per session."""
from __future__ import annotations

import pytest

from catalog_helpers import make_corpus
from search_helpers import build_with_documents


@pytest.fixture(scope="session")
def sample_search(tmp_path_factory):
    """(output folder, documents) of the sample content."""
    from catalog_helpers import ROOT
    output = tmp_path_factory.mktemp("search-sample") / "output"
    return output, build_with_documents(ROOT / "content", output)


@pytest.fixture(scope="session")
def corpus_1k(tmp_path_factory):
    """(output folder, documents) of a 1,000-item generated corpus."""
    work = tmp_path_factory.mktemp("search-1k")
    make_corpus.generate(work / "content", 1000)
    output = work / "output"
    return output, build_with_documents(work / "content", output)
