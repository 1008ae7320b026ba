"""The README's content-model and settings tables are their declarations, verbatim."""
from catalog_helpers import ROOT

from catalog_model.docs import TABLES, with_tables


def test_readme_tables_match_their_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in TABLES:
        assert f"<!-- {name}:start -->" in readme, name
    assert with_tables(readme) == readme, "run: .venv/bin/python -m catalog_model.docs README.md"
