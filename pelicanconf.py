"""Site settings for the sample catalog (清河县). A county copies this file and
changes the names; everything else has defaults in the plugins."""

import sys
from pathlib import Path

# The plugins share one library, plugins/catalog_model; Pelican loads each
# plugin by path but does not put the folder on sys.path for their imports.
PLUGINS_DIR = str(Path(__file__).resolve().parent / "plugins")
if PLUGINS_DIR not in sys.path:
    sys.path.insert(0, PLUGINS_DIR)

SITENAME = "清河县人民政府信息公开"
SITE_OWNER = "清河县人民政府"  # 《政府网站发展指引》 SiteName
SITEURL = ""
# The public address of the site, for the Url <meta> tag; pages themselves
# only ever use relative links (mirrors, sub-paths, file://).
CATALOG_SITE_URL = "https://www.qinghe.gov.cn/xxgk"

PATH = "content"
THEME = "theme"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
RELATIVE_URLS = True

PLUGIN_PATHS = [PLUGINS_DIR]
PLUGINS = ["catalog_reader", "catalog_validation", "catalog_pages", "search_index", "link_check", "mirror_publish",
           "build_cache"]

# Items: the URL comes from the 索引号, never from the title.
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["files"]  # attachments live here; text attachments are not items
ARTICLE_URL = ARTICLE_SAVE_AS = "items/{item_path}.html"
ARTICLE_TRANSLATION_ID = None  # items are never translations of each other
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

# Read results of unchanged item files are reused (see catalog_reader/read_cache.py).
CATALOG_READ_CACHE = ".cache/items"
# Pages whose inputs are unchanged are carried over from the published site
# (see build_cache); the link check reads only pages it has not seen.
CATALOG_PAGE_CACHE = ".cache/pages"

CATALOG_PAGE_SIZE = 20
CATALOG_HOME_NEWEST = 10
