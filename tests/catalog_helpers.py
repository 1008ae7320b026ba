"""Test helpers: a small valid content tree, validation, and real builds."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(1, str(ROOT / "tools"))

import make_corpus  # noqa: E402, F401  (tools/make_corpus.py, the corpus generator, for the tests)
from catalog_model.organs import check_character  # noqa: E402
from catalog_model.schema import KEY_BY_LABEL  # noqa: E402

REFERENCE_DATE = "2026-01-01"


def credit_code(n: int) -> str:
    """A valid 统一社会信用代码 for test organ n."""
    first17 = f"11130534{n:08d}0"
    return first17 + check_character(first17)


COUNTY, TOWN = credit_code(1), credit_code(2)
ORGANS = f"""\
- name: 清河县人民政府
  code: "{COUNTY}"
  kind: 县政府
  short: 清政
- name: 连庄镇人民政府
  code: "{TOWN}"
  kind: 乡镇
"""


def item(**fields) -> str:
    """An item file; fields override a valid 政策文件's front matter (None drops a key)."""
    meta = {
        "title": "清河县人民政府关于做好2025年就业创业工作的通知",
        "index_no": f"{COUNTY}/2025-00001",
        "publisher": "清河县人民政府",
        "date": "2025-03-12",
        "category": "政策文件",
        "validity": "有效",
    }
    meta.update(fields)
    lines = [f"{k}: {v}" for k, v in meta.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n各乡镇人民政府，县政府各部门：\n\n现将有关事项通知如下。\n"


def news_item(n: int, title: str | None = None) -> str:
    """Item n of a run of 工作动态 (索引号 …/2024-0000n), dated by its number."""
    return item(index_no=f"{COUNTY}/2024-{n:05d}", category="工作动态", validity=None,
                title=title or f"第{n}期政务公开工作简报", date=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}")


class Tree:
    """A content tree in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.write("organs.yaml", ORGANS)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def settings(self) -> dict:
        return {"PATH": str(self.root), "ARTICLE_EXCLUDES": ["files"],
                "CATALOG_REFERENCE_DATE": REFERENCE_DATE}

    def build(self, output: Path, *make_args: str, **settings) -> subprocess.CompletedProcess:
        # Small test trees leave most sections empty, which the link check refuses.
        return build(self.root, output, *make_args, LINK_CHECK_ALLOW_EMPTY_SECTIONS=True, **settings)

    def add_news(self, first: int, last: int) -> Tree:
        """news/<n>.md for n in first..last (news_item): enough items for several listing pages."""
        for n in range(first, last + 1):
            self.write(f"news/{n}.md", news_item(n))
        return self

    def problems(self) -> list[str]:
        from catalog_validation.validate import validate_tree
        _, problems = validate_tree(self.settings())
        return [str(p) for p in sorted(problems)]


def build(content: Path, output: Path, *make_args: str, **settings) -> subprocess.CompletedProcess:
    """Run the README's build command on a content tree. ``settings`` go to
    pelican --extra-settings as JSON; the read and page caches sit beside the output."""
    settings.setdefault("CATALOG_READ_CACHE", str(output.parent / f".{output.name}.read-cache"))
    settings.setdefault("CATALOG_PAGE_CACHE", str(output.parent / f".{output.name}.page-cache"))
    settings.setdefault("SEARCH_TOKEN_CACHE", str(output.parent / f".{output.name}.search-cache"))
    extra = " ".join([f"{name}='{json.dumps(value)}'" for name, value in settings.items()]
                     + [a.split("=", 1)[1] for a in make_args if a.startswith("EXTRA_SETTINGS=")])
    make_args = tuple(a for a in make_args if not a.startswith("EXTRA_SETTINGS="))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "html",
                           f"CONTENT={content}", f"OUTPUT={output}", f"EXTRA_SETTINGS={extra}", *make_args],
                          capture_output=True, text=True, env=env, timeout=600)


# For builds started by other tools (devserver): small trees, no read cache in the repository.
SMALL_TREE_SETTINGS = ("EXTRA_SETTINGS=LINK_CHECK_ALLOW_EMPTY_SECTIONS=true CATALOG_READ_CACHE='\"\"' "
                       "SEARCH_TOKEN_CACHE='\"\"'")


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def front_matter(path: Path) -> dict:
    """An item file's front matter as plain yaml.safe_load reads it, keys in English."""
    import yaml
    head = path.read_text(encoding="utf-8").split("---", 2)[1]
    return {KEY_BY_LABEL.get(k, k): v for k, v in yaml.safe_load(head).items()}


def listed_items(content: Path) -> list[dict]:
    """The published items of a content tree (what listings and search show), each its
    front matter plus ``body``, the Markdown after it: expectations are derived from these."""
    from catalog_model import pelican_defaults
    from catalog_model.content_tree import item_files
    items = []
    for path in item_files({"PATH": str(content), "ARTICLE_EXCLUDES": pelican_defaults.ARTICLE_EXCLUDES}):
        meta = front_matter(path)
        if meta.get("status", "published") == "published":
            items.append({**meta, "body": path.read_text(encoding="utf-8").split("---", 2)[2]})
    return items


def free_port() -> int:
    """A loopback port nobody listens on (for servers the tests start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
