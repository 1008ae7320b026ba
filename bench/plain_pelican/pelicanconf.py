"""Plain Pelican for the benchmark: its default theme and settings; only what
reading gongkai's item files needs (YAML front matter, unique slugs)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SITENAME = "清河县人民政府信息公开"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
RELATIVE_URLS = True
PLUGIN_PATHS = [str(HERE)]
PLUGINS = ["yaml_front_matter"]
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["files"]
STATIC_PATHS = []
# Without this, items that share a title would be treated as translations of
# each other (and Pelican's translation grouping is quadratic).
ARTICLE_TRANSLATION_ID = None
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
# Pelican's content cache, so that a rebuild reads only changed files.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
DELETE_OUTPUT_DIRECTORY = False
