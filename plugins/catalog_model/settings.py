"""The site settings gongkai's plugins read: one declaration per setting.

Every ``CATALOG_*``, ``SEARCH_*``, ``LINK_CHECK_*`` and ``MIRROR_*`` setting is
declared here once, with its type, its default and a one-line rule; the
README's settings table is generated from this class
(``python -m catalog_model.docs README.md``) and a test keeps the two equal.

Plugins read settings only through :func:`site_settings`, which returns a
typed, frozen copy: the county's ``pelicanconf.py`` is never changed in
place. A setting with one of our prefixes that is not declared here (a typo)
is an error with a did-you-mean hint, and so is a value of the wrong type;
:func:`settings_problems` reports them before anything is read or written.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import vocabulary as vocab
from .problems import Problem, problem, report

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = ("CATALOG_", "SEARCH_", "LINK_CHECK_", "MIRROR_")
SELECTOR_KEYS = ("sections", "topics", "genres", "keywords")  # what a setting may select items by


def setting(default: Any, rule: str, **kwargs) -> Any:
    """Declare a setting: its default and its one-line rule, once."""
    return Field(default, description=rule, **kwargs)


class SiteSettings(BaseModel):
    """The settings of one build, typed. Attribute names are the setting names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Content model
    CATALOG_SECTIONS: tuple[tuple[str, str], ...] = setting(
        vocab.DEFAULT_SECTIONS, "the 信息类别 in display order, each `(name, ASCII URL slug)`")
    CATALOG_INDEX_NO_PATTERN: str = setting(
        vocab.DEFAULT_INDEX_NO_PATTERN, "regular expression a 索引号 must match in full; a named group "
        "`code`, if any, must be the publisher's organ code; `catalog.yaml` (`index_no_pattern`) wins")
    CATALOG_ORGAN_CODE_SCHEME: Optional[str] = setting(
        None, "how organs are coded: `uscc` (统一社会信用代码, the default), `orgcode` (组织机构代码) or "
        "`local`; the content tree's `catalog.yaml` (`organ_code_scheme`) wins")
    CATALOG_ORGAN_CODE_PATTERN: Optional[str] = setting(
        None, "regular expression of a `local` organ code; `catalog.yaml` (`organ_code_pattern`) wins")
    CATALOG_ORGANS_FILE: str = setting("organs.yaml", "the organ registry, relative to the content folder")
    CATALOG_REFERENCE_DATE: Optional[dt.date] = setting(
        None, "the date the build is \"as of\" (有效期至); else `SOURCE_DATE_EPOCH`, else the content's "
        "last commit date")
    # Pages
    CATALOG_PAGE_SIZE: int = setting(20, "rows per listing page", ge=1)
    CATALOG_HOME_NEWEST: int = setting(10, "newest items on the home page", ge=0)
    CATALOG_SITE_URL: str = setting("", "the public address of the site, for the `Url` meta tag and the "
                                        "redirect files' targets, feeds, sitemap and JSON-LD (pages link "
                                        "relatively)")
    CATALOG_FEED_ENTRIES: int = setting(50, "newest items in each Atom feed (whole catalog, section, organ)",
                                        ge=1)
    CATALOG_SITEMAP_MAX_URLS: int = setting(50000, "URLs per sitemap file; past it `sitemap.xml` is an index of "
                                                   "`sitemaps/<n>.xml` (needs `CATALOG_SITE_URL`)",
                                            ge=1, le=50000)
    # Site identity (footer and <head>, 《政府网站发展指引》); empty ones are left out
    CATALOG_SPONSOR: str = setting("", "主办单位")
    CATALOG_SITE_ID: str = setting("", "网站标识码, also `<meta name=\"SiteIDCode\">`")
    CATALOG_ICP: str = setting("", "ICP 备案号, linked to `CATALOG_ICP_URL`")
    CATALOG_ICP_URL: str = setting("https://beian.miit.gov.cn/", "where the ICP 备案号 is verified")
    CATALOG_PSB: str = setting("", "公安机关备案号, linked to `CATALOG_PSB_URL`")
    CATALOG_PSB_URL: str = setting("https://beian.mps.gov.cn/", "where the 公安备案号 is verified")
    CATALOG_CONTACT: str = setting("", "联系我们: address and telephone, shown in the footer")
    # Reading
    CATALOG_READ_WORKERS: Optional[int] = setting(
        None, "processes that read items ahead of Pelican; default one per core, 1 turns it off", ge=1)
    CATALOG_RENDER_WORKERS: Optional[int] = setting(
        None, "processes that render the item pages a build must write; default one per core when there "
        "are enough pages, 1 turns it off", ge=1)
    CATALOG_READ_CACHE: str = setting(".cache/items", "folder of the read cache (a rebuild reads only "
                                                      "changed item files); empty turns it off")
    CATALOG_PAGE_CACHE: str = setting(
        ".cache/pages", "folder of the build cache's dependency records: a page whose inputs are unchanged "
        "is carried over from the published site; empty: render every page")
    # Search
    SEARCH_DIR: str = setting("search", "output folder of the search index")
    SEARCH_SHARD_BYTES: int = setting(8 * 1024, "gzip bytes per index shard (a 2G link moves ~5-10 KiB/s)",
                                      ge=512)
    SEARCH_DOC_CHUNK: int = setting(8, "result rows per display-data file", ge=1)
    SEARCH_LENGTH_BLOCK: int = setting(64, "items per block of body lengths (fetched for the best candidates only)",
                                       ge=1)
    SEARCH_TOKEN_CACHE: str = setting(".cache/search", "folder of the search index's cache (each item's tokens "
                                                       "and the last build's files: a rebuild tokenises and "
                                                       "writes only what an edit changed); empty turns it off")
    SEARCH_SNIPPET_CHARS: int = setting(60, "characters of 内容概述 shown under a result", ge=0)
    SEARCH_LUNR_JS: str = setting(str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),
                                  "lunr.js copied into the site (the pinned npm package)")
    # The disclosure platform (plugins/disclosure_platform): pages, 法定主动公开内容, 年报
    CATALOG_PAGES_DIR: str = setting("pages", "folder below the content folder holding the platform's pages "
                                              "(guides, 制度, 依申请公开); never read for items")
    CATALOG_REPORT_DATA_DIR: str = setting("report-data", "folder of the 年报 data files, "
                                                          "`<year>/<name>.yaml`, one per organ and year")
    CATALOG_STATUTORY_MAP: Optional[dict[int, dict[str, tuple[str, ...]]]] = setting(
        None, "条例 第二十条's kinds (1–15) → `{sections, topics, genres, keywords}` whose items each shows; "
        "empty: the default mapping in `disclosure_platform/statutory.py`")
    CATALOG_RULES_SELECT: dict[str, tuple[str, ...]] = setting(
        {"keywords": ("政府信息公开制度",)}, "items listed in the 政府信息公开制度 column beside its pages "
        "(`{sections, topics, genres, keywords}`)")
    CATALOG_REPORT_REGULATIONS: dict[str, tuple[str, ...]] = setting(
        {"genres": ("命令",)}, "which items the 年报 counts as 规章 (`{sections, topics, genres, keywords}`)")
    CATALOG_REPORT_NORMATIVE: dict[str, tuple[str, ...]] = setting(
        {"sections": ("政策文件",)}, "which items the 年报 counts as 行政规范性文件 (those not 规章)")
    # Publishing
    LINK_CHECK_ALLOW_EMPTY_SECTIONS: bool = setting(
        False, "publish even when a section has no items (inspectors count 空白栏目; better drop the "
        "section from `CATALOG_SECTIONS`)")
    MIRROR_PUBLISH_PATH: str = setting("", "the published folder that a finished build is swapped into "
                                           "(`make html` sets it); empty: Pelican's output is published")
    # Revision history (catalog_model/history.py)
    CATALOG_GIT_HISTORY: bool = setting(True, "item pages show 最后更新 and 修订记录 from the content's git "
                                              "history (one `git log` per build); nothing outside git")
    # Mirrors (mirror_publish: compress.py, manifest.py). Compression levels chosen
    # by measurement on a 10k site: README, Mirror operators.
    MIRROR_PRECOMPRESS: bool = setting(True, "write deterministic `.gz` and `.br` siblings of text files, "
                                             "for nginx `gzip_static`/`brotli_static`")
    MIRROR_COMPRESS_EXTENSIONS: tuple[str, ...] = setting(
        (".html", ".css", ".js", ".json", ".txt", ".xml", ".svg", ".csv"),
        "file endings that are compressed (.html .css .js .json .txt .xml .svg .csv)")
    MIRROR_COMPRESS_MIN_BYTES: int = setting(256, "smaller files get no siblings (one packet either way)", ge=0)
    MIRROR_COMPRESS_WORKERS: Optional[int] = setting(
        None, "processes that compress (and hash) what a build produced; default one per core (the "
        "output is the same for any number)", ge=1)
    MIRROR_GZIP_LEVEL: int = setting(6, "zlib level of `.gz` (9: 2.4x the CPU for 0.3% fewer bytes)", ge=1, le=9)
    MIRROR_BROTLI_QUALITY: int = setting(5, "brotli quality of `.br` (7: 1.5x the CPU for 1.5% fewer bytes; "
                                            "11: ~20x for ~10%)", ge=0, le=11)
    MIRROR_MANIFEST: bool = setting(True, "write `manifest.json` and its `manifest/` chunks (every file's "
                                          "size and SHA-256) for `make verify-mirror`")
    MIRROR_MANIFEST_CHUNK_FILES: int = setting(256, "files per manifest chunk, on average (cuts are "
                                                    "content-defined, so an edit changes few chunks)", ge=1)
    MIRROR_COMMIT: Optional[str] = setting(None, "the commit the manifest names; default the content's git "
                                                 "HEAD (`+dirty` with uncommitted changes), empty outside git")

    @field_validator("CATALOG_INDEX_NO_PATTERN")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value

    @field_validator("CATALOG_RULES_SELECT", "CATALOG_REPORT_REGULATIONS", "CATALOG_REPORT_NORMATIVE")
    @classmethod
    def _selector(cls, value: dict) -> dict:
        return _selector_keys(value)

    @field_validator("CATALOG_STATUTORY_MAP")
    @classmethod
    def _statutory(cls, value: Optional[dict]) -> Optional[dict]:
        if value is not None:
            if not set(value) <= set(range(1, 16)):
                raise ValueError("keys are the kinds of 条例 第二十条, 1 to 15")
            for selector in value.values():
                _selector_keys(selector)
        return value

    @field_validator("CATALOG_SECTIONS")
    @classmethod
    def _sections(cls, value: tuple) -> tuple:
        slugs = [slug for _, slug in value]
        bad = [s for s in slugs if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", s)]
        if bad:
            raise ValueError(f"URL slugs must be lower-case ASCII letters, digits and '-': {bad}")
        if len(set(slugs)) != len(slugs) or len({n for n, _ in value}) != len(value):
            raise ValueError("section names and slugs must be unique")
        return value


def _selector_keys(value: dict) -> dict:
    unknown = set(value) - set(SELECTOR_KEYS)
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}; use {', '.join(SELECTOR_KEYS)}")
    return value


DECLARED = SiteSettings.model_fields


def ours(name: str) -> bool:
    return isinstance(name, str) and name.startswith(PREFIXES)


def site_settings(settings: dict) -> SiteSettings:
    """The typed settings of a build. Raises ``ValueError`` naming the setting
    when one is wrong (callers that report use :func:`settings_problems`)."""
    try:
        return SiteSettings.model_validate({k: v for k, v in settings.items() if ours(k)})
    except ValidationError as exc:
        raise ValueError("\n".join(str(p) for p in _problems(exc, "settings"))) from None


def settings_problems(settings: dict, source: str = "pelicanconf.py") -> list[Problem]:
    """Every unknown or mistyped setting, as problems of ``source``."""
    try:
        SiteSettings.model_validate({k: v for k, v in settings.items() if ours(k)})
    except ValidationError as exc:
        return _problems(exc, source)
    return []


def _problems(exc: ValidationError, source: str) -> list[Problem]:
    found = []
    for err in exc.errors(include_url=False):
        name = str(err["loc"][0]) if err["loc"] else ""
        if err["type"] == "extra_forbidden":
            close = get_close_matches(name, list(DECLARED), n=1, cutoff=0.6)
            found.append(problem(source, 1, name, "setting_unknown", name=name,
                                 hint_key="setting_unknown_hint_close" if close else "setting_unknown_hint",
                                 suggestion=close[0] if close else ""))
        else:
            found.append(problem(source, 1, name, "setting_invalid", name=name, got=repr(err.get("input")),
                                 rule=DECLARED[name].description if name in DECLARED else "",
                                 detail=err["msg"]))
    return found


def check_settings(pelican) -> None:
    """Connected to Pelican's ``initialized`` by every gongkai plugin (once:
    blinker keeps one connection per receiver): a wrong setting stops the
    build before anything is read, with the report an editor reads."""
    found = settings_problems(pelican.settings)
    if found:
        print(report(found, "", "report_settings"), file=sys.stderr)
        raise SystemExit(1)
