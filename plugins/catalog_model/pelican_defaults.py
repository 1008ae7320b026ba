"""The Pelican plumbing every gongkai site needs, so that a county's
``pelicanconf.py`` holds only its own names and choices::

    from catalog_model.pelican_defaults import *  # noqa: F403
    SITENAME = "…县人民政府信息公开"

``plugins/`` is importable because ``make`` puts it on the virtualenv's path
(a ``gongkai.pth`` file); nothing here or in a county's file edits sys.path.
The settings of gongkai's own plugins are not here: they are declared, with
their defaults, in :mod:`catalog_model.settings`.
"""
from pathlib import Path as _Path

from catalog_model.item import ITEM_URL as _ITEM_URL

_ROOT = _Path(__file__).resolve().parents[2]

PLUGIN_PATHS = [str(_ROOT / "plugins")]
PLUGINS = ["catalog_reader", "catalog_validation", "catalog_pages", "search_index", "disclosure_platform",
           "link_check", "redirects", "mirror_publish", "build_cache"]
THEME = str(_ROOT / "theme")
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
# Pages only ever link relatively: mirrors, sub-paths and file:// all work.
RELATIVE_URLS = True
SITEURL = ""

# Items: which files are items (content_tree.item_files reads these two; Pelican's
# article generator reads none of them, see catalog_reader). The URL comes from the
# 索引号, never from the title; the ARTICLE_* and DRAFT_* values below only keep
# Pelican from building anything else for a non-item article.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["files", "pages"]  # attachments and the platform's pages (CATALOG_PAGES_DIR) are not items
ARTICLE_URL = ARTICLE_SAVE_AS = _ITEM_URL
ARTICLE_TRANSLATION_ID = None  # items are never translations of each other (and Pelican's grouping is quadratic)
ARTICLE_ORDER_BY = "reversed-date"
DRAFT_SAVE_AS = DRAFT_URL = ""  # drafts are not built
STATIC_PATHS = []  # attachments are published by catalog_pages, only when referenced
PAGE_PATHS = []

# Pelican's own blog pages are replaced by the catalog's listings. With no
# category save_as there is no default category either, which also avoids
# Pelican's quadratic category listing at 100k items.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

# Every value from content is escaped; the Markdown body, already sanitised
# by nh3 in the reader, is the only thing templates mark |safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}

DELETE_OUTPUT_DIRECTORY = True  # the output is a staging folder; see mirror_publish
