"""法定主动公开内容: the fifteen kinds of information 条例 第二十条 requires
every government to publish, and which items show under each.

Each kind maps (setting ``CATALOG_STATUTORY_MAP``, kind number → selector)
to catalog sections, 主题分类 or 体裁. The default mapping below fits the
default sections; a county adjusts it. A kind mapped to nothing, or whose
selector finds no item, is reported by ``make check`` as advice.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .selectors import Selector

# 《中华人民共和国政府信息公开条例》（2019年修订）第二十条, 第（一）至（十五）项.
KINDS: tuple[str, ...] = (
    "行政法规、规章和规范性文件",
    "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
    "国民经济和社会发展规划、专项规划、区域规划及相关政策",
    "国民经济和社会发展统计信息",
    "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
    "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
    "财政预算、决算信息",
    "行政事业性收费项目及其依据、标准",
    "政府集中采购项目的目录、标准及实施情况",
    "重大建设项目的批准和实施情况",
    "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
    "突发公共事件的应急预案、预警信息及应对情况",
    "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
    "公务员招考的职位、名额、报考条件等事项以及录用结果",
    "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
)
NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五")

# The default of the setting CATALOG_STATUTORY_MAP.
DEFAULT_STATUTORY_MAP: dict[int, dict] = {
    1: {"sections": ["政策文件"]},
    2: {"topics": ["综合政务\\机构职能", "国务院组织机构"]},
    3: {"sections": ["规划计划"]},
    4: {"topics": ["国民经济管理、国有资产监管"]},
    5: {"topics": ["综合政务\\行政许可"], "keywords": ["行政许可"]},
    6: {"sections": ["行政执法公示"]},
    7: {"topics": ["财政、金融、审计\\预算公开", "财政、金融、审计\\决算公开", "财政、金融、审计\\预算管理"]},
    8: {"topics": ["财政、金融、审计\\行政事业性收费"], "keywords": ["行政事业性收费"]},
    9: {"topics": ["财政、金融、审计\\政府采购"], "keywords": ["政府采购"]},
    10: {"topics": ["城乡建设、环境保护\\城乡建设", "城乡建设、环境保护\\住房保障"]},
    11: {"topics": ["民政、扶贫、救灾", "科技、教育", "卫生、体育", "劳动、人事、监察\\就业创业",
                    "劳动、人事、监察\\高校毕业生就业", "劳动、人事、监察\\就业援助"]},
    12: {"topics": ["公安、安全、司法\\公共安全", "农业、林业、水利\\防汛抗旱"]},
    13: {"topics": ["城乡建设、环境保护\\大气污染防治", "市场监管、安全生产监管"]},
    14: {"topics": ["劳动、人事、监察\\事业单位招聘", "劳动、人事、监察\\公务员招考"]},
    15: {"sections": ["公示公告"]},
}


@dataclass
class StatutoryKind:
    number: int  # 1–15
    title: str
    selector: Selector
    items: list = field(default_factory=list)  # catalog Items, oldest first

    @property
    def label(self) -> str:
        return f"第（{NUMERALS[self.number - 1]}）项"

    @property
    def folder(self) -> str:
        return f"statutory/{self.number}"

    @property
    def name(self) -> str:  # as catalog listings name themselves (listing.html)
        return self.title

    @property
    def url(self) -> str:
        return f"{self.folder}/index.html"


def statutory_kinds(mapping: dict | None) -> list[StatutoryKind]:
    """The fifteen kinds with their selectors (the setting, else the default mapping)."""
    by_number = {int(k): v for k, v in (DEFAULT_STATUTORY_MAP if mapping is None else mapping).items()}
    return [StatutoryKind(n, title, Selector.of(by_number.get(n))) for n, title in enumerate(KINDS, 1)]


def assign(kinds: list[StatutoryKind], items_oldest_first) -> None:
    """Put each item under every kind whose selector it matches: one pass, 15 tests an item."""
    for item in items_oldest_first:
        for kind in kinds:
            if kind.selector.matches(item.meta):
                kind.items.append(item)
