"""The README's content-model table is the schema's declaration, verbatim."""
from catalog_helpers import ROOT

from catalog_model.docs import with_table


def test_readme_content_model_table_matches_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert with_table(readme) == readme, "run: .venv/bin/python -m catalog_model.docs README.md (in plugins/)"
