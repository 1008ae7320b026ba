"""Controlled vocabularies of the content model.

These are the defaults; a site overrides the catalog sections with the
``CATALOG_SECTIONS`` setting (see :mod:`catalog_model.settings`). Each section has an
ASCII slug because URLs must stay ASCII and stable (mirrors, file://).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalog_file import scheme_settings
from .organ_codes import OrganCodeScheme

# 信息类别: the catalog sections, in display order, with their URL slugs.
DEFAULT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("政策文件", "policies"),
    ("政策解读", "interpretations"),
    ("规划计划", "plans"),
    ("财政信息", "finance"),
    ("人事信息", "personnel"),
    ("重点领域信息", "key-areas"),
    ("行政执法公示", "enforcement"),
    ("公示公告", "notices"),
    ("意见征集", "consultations"),
    ("工作动态", "news"),
    ("政府信息公开年报", "annual-reports"),
)

# 主题分类: the 22 top-level subject classes of the State Council policy library.
TOPICS: tuple[str, ...] = (
    "国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计",
    "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游",
    "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版",
    "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
    "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
)
TOPIC_LEVEL_SEPARATOR = "\\"


def topic_display(value: str | None) -> str:
    """综合政务\\政务公开 → 综合政务 › 政务公开, as pages, feeds and JSON-LD write it."""
    if not value:
        return ""
    return " › ".join(part.strip() for part in value.split(TOPIC_LEVEL_SEPARATOR) if part.strip())

# 体裁: the 15 公文种类 of the 党政机关公文处理工作条例, plus 其他 for non-documents.
GENRES: tuple[str, ...] = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报",
    "报告", "请示", "批复", "议案", "函", "纪要", "其他",
)

# 有效性
VALIDITIES: tuple[str, ...] = ("有效", "失效", "废止", "已修改")
VALID, EXPIRED = "有效", "失效"

# 解读形式: how a 政策解读 explains its source (国办发〔2016〕80号 asks for varied forms).
INTERPRETATION_FORMS: tuple[str, ...] = ("文字解读", "图解", "问答", "新闻发布会", "在线访谈")
GRAPHIC_FORM = "图解"

# The section whose items ask for public comment, and the days after the
# deadline within which a 意见反馈 should report on it (make check advice).
CONSULTATION_SECTION = "意见征集"
FEEDBACK_DUE_DAYS = 30

# 状态: canonical value -> accepted spellings.
STATUSES: dict[str, tuple[str, ...]] = {
    "published": ("published", "发布", "已发布"),
    "withdrawn": ("withdrawn", "撤回", "已撤回"),
    "draft": ("draft", "草稿"),
}

# Organ kinds in organs.yaml, in display order.
ORGAN_KINDS: tuple[str, ...] = ("县政府", "县直部门", "乡镇")

# The section whose items must state their validity.
POLICY_SECTION = "政策文件"

# 索引号: <18-char 统一社会信用代码>/<YYYY>-<5 digits> unless the county declares
# another scheme (catalog_file.py). Named groups: ``code`` (checked against
# the publisher's code) and ``year``.
DEFAULT_INDEX_NO_PATTERN = OrganCodeScheme().default_index_no_pattern()


@dataclass(frozen=True)
class Vocabulary:
    """The site-specific parts of the content model: sections from the settings,
    the numbering scheme from the settings or the content tree's catalog.yaml."""

    sections: tuple[tuple[str, str], ...] = DEFAULT_SECTIONS
    index_no_pattern: str = DEFAULT_INDEX_NO_PATTERN
    organ_codes: OrganCodeScheme = field(default_factory=OrganCodeScheme)

    @classmethod
    def from_settings(cls, settings: dict) -> Vocabulary:
        """The site's vocabulary; the numbering scheme may come from the content
        tree's catalog.yaml (its problems are reported by catalog_validation)."""
        from .settings import site_settings  # settings declare their defaults from this module

        sections = site_settings(settings).CATALOG_SECTIONS
        scheme = scheme_settings(settings)
        return cls(sections=sections, index_no_pattern=scheme.index_no_pattern, organ_codes=scheme.organ_codes)

    def index_no_hint_key(self) -> str:
        """The zh_CN.yaml hint for a 索引号 that does not match: an example of the
        scheme's default format, or the county's own pattern."""
        if self.index_no_pattern != self.organ_codes.default_index_no_pattern():
            return "index_no_pattern_hint_custom"
        return {"uscc": "index_no_pattern_hint"}.get(self.organ_codes.name,
                                                       f"index_no_pattern_hint_{self.organ_codes.name}")

    @property
    def section_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.sections)
