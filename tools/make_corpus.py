#!/usr/bin/env python3
"""Generate a disclosure catalog of any size, for benchmarks and scale tests.

    python3 tools/make_corpus.py --count 10000 --out DIR [--seed 7] [--attachments]

or, from Python, ``make_corpus.generate(out, count, seed=7, attachments=False)``.

The output is a content tree in the content model of the README: ``organs.yaml``
(the sample's 25 organs, each with a valid 统一社会信用代码) and one Markdown item
per file under ``<year>/``, spread over the eleven catalog sections with the
weights of a real county catalog: policies with 文号, 有效性 and 有效期至,
interpretations that point at a policy (解读对象), policies that replace or repeal
older ones, withdrawn and draft items, enforcement and budget tables, annual
reports; with ``--attachments``, small files under ``files/`` that items attach.
Bodies are composed from the phrase bank in ``corpus_phrases.py``.

The same arguments always give byte-identical files (nothing reads the clock or
the environment). Standard library only.
"""
from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_phrases as P

REGION = "130534"  # 行政区划代码 of the county in the codes below
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714

# (full name, kind, doc_no prefix, relative share of the catalog). Names and codes
# are those of content/organs.yaml, so a generated corpus and the sample agree.
ORGANS: tuple[tuple[str, str, str, int], ...] = (
    ("清河县人民政府", "县政府", "清政", 6), ("清河县人民政府办公室", "县政府", "清政办", 8),
    ("清河县发展和改革局", "县直部门", "清发改", 4), ("清河县教育局", "县直部门", "清教", 5),
    ("清河县卫生健康局", "县直部门", "清卫健", 5), ("清河县人力资源和社会保障局", "县直部门", "清人社", 5),
    ("清河县民政局", "县直部门", "清民", 5), ("清河县财政局", "县直部门", "清财", 5),
    ("清河县住房和城乡建设局", "县直部门", "清建", 4), ("清河县农业农村局", "县直部门", "清农", 4),
    ("清河县市场监督管理局", "县直部门", "清市监", 6), ("清河县文化广电和旅游局", "县直部门", "清文旅", 3),
    ("清河县应急管理局", "县直部门", "清应急", 3), ("清河县自然资源和规划局", "县直部门", "清自然资规", 3),
    ("清河县交通运输局", "县直部门", "清交", 2), ("清河县水利局", "县直部门", "清水", 2),
    ("清河县医疗保障局", "县直部门", "清医保", 3), ("清河县退役军人事务局", "县直部门", "清退役", 2),
    ("清河县生态环境分局", "县直部门", "清环", 3), ("葛仙庄镇人民政府", "乡镇", "葛政", 2),
    ("连庄镇人民政府", "乡镇", "连政", 2), ("油坊镇人民政府", "乡镇", "油政", 2),
    ("谢炉镇人民政府", "乡镇", "谢政", 2), ("王官庄镇人民政府", "乡镇", "王政", 2),
    ("坝营镇人民政府", "乡镇", "坝政", 2),
)
SHORT_NAMES = {"清河县人民政府": "清政", "清河县人民政府办公室": "清政办"}
TOWNS = tuple(name.removesuffix("人民政府") for name, kind, _, _ in ORGANS if kind == "乡镇")

# 信息类别 and its share of a county catalog.
SECTIONS: tuple[tuple[str, int], ...] = (
    ("工作动态", 28), ("政策文件", 14), ("政策解读", 6), ("公示公告", 13), ("规划计划", 4),
    ("财政信息", 8), ("人事信息", 5), ("重点领域信息", 12), ("行政执法公示", 10), ("意见征集", 2),
    ("政府信息公开年报", 1),
)
NUMERALS = "一二三四五六七八九十"
WITHDRAWN_SHARE, DRAFT_SHARE = 0.004, 0.002


def organisation_code(n: int) -> str:
    """The 9-character 组织机构代码 (GB 11714) of organ number n."""
    body = f"{n + 1:08d}"
    check = 11 - sum(int(c) * w for c, w in zip(body, ORG_WEIGHTS, strict=True)) % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(n: int) -> str:
    """The 18-character 统一社会信用代码 (GB 32100) of organ number n: 11 (机关),
    the county's region code, the organisation code, a check character."""
    head = "11" + REGION + organisation_code(n)
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(head, CREDIT_WEIGHTS, strict=True))
    return head + CREDIT_ALPHABET[-total % 31]


def office_phone(organ: int) -> str:
    """The organ's published office line (a landline: no privacy detector takes it for a person's)."""
    return f"0319-{8123000 + organ * 17}"


def organs_yaml() -> str:
    lines = ["# 发布机构名录（tools/make_corpus.py 生成）"]
    for n, (name, kind, _, _) in enumerate(ORGANS):
        lines += [f"- name: {q(name)}", f"  code: {q(credit_code(n))}", f"  kind: {q(kind)}"]
        if name in SHORT_NAMES:
            lines.append(f"  short: {q(SHORT_NAMES[name])}")
    return "\n".join(lines) + "\n"


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def place_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The county's villages and enterprises: fixed lists, the same for every seed."""
    rng = random.Random("gongkai-places")
    villages = sorted({rng.choice(P.VILLAGE_FIRST) + rng.choice(P.VILLAGE_SECOND) + rng.choice(P.VILLAGE_SUFFIX)
                       for _ in range(420)})
    firms = sorted({P.COUNTY + "".join(rng.sample(P.FIRM_NAMES, 2)) + rng.choice(P.FIRM_TRADES)
                    + rng.choice(P.FIRM_FORMS) for _ in range(520)})
    return tuple(villages), tuple(firms)


VILLAGES, FIRMS = place_names()


@dataclass
class Item:
    n: int
    year: int
    month: int
    day: int
    organ: int
    section: str
    subject: tuple[str, str, str]
    index_no: str
    title: str = ""
    genre: str = "其他"
    meta: dict[str, str] = field(default_factory=dict)  # further keys, already YAML
    validity: str | None = None
    repealed_by: str | None = None
    replaces: str | None = None
    interprets: str | None = None
    status: str = "published"

    @property
    def publisher(self) -> str:
        return ORGANS[self.organ][0]

    @property
    def date(self) -> str:
        return f"{self.year}-{self.month:02d}-{self.day:02d}"


# ----------------------------------------------------------------------------- titles

def title_for(rng: random.Random, item: Item, policy: Item | None) -> str:
    pub, (subject, _, _), year = item.publisher, item.subject, item.year
    section = item.section
    if section == "政策文件":
        if rng.random() < 0.45:
            return f"{pub}关于印发《{P.COUNTY}{subject}{rng.choice(P.PLAN_KINDS)}》的通知"
        return f"{pub}关于{rng.choice(P.TITLE_ACTIONS)}{subject}工作的{item.genre}"
    if section == "政策解读":
        quoted = policy.title if policy else f"{P.COUNTY}{subject}{rng.choice(P.PLAN_KINDS)}"
        form = rng.choice(("《{}》政策解读", "关于《{}》的解读", "一图读懂《{}》", "《{}》问答"))
        return form.format(quoted)
    if section == "规划计划":
        if rng.random() < 0.5:
            return f"{P.COUNTY}{subject}{rng.choice(('三年行动计划', '实施方案', '专项规划'))}（{year}—{year + 2}年）"
        return f"{pub}{year}年{subject}工作计划"
    if section == "财政信息":
        return rng.choice((f"{pub}{year}年部门预算公开", f"{pub}{year - 1}年部门决算公开",
                           f"{P.COUNTY}{year}年第{rng.randint(1, 4)}季度{subject}资金发放情况",
                           f"{pub}{year}年政府采购意向公开（第{rng.randint(1, 6)}批）"))
    if section == "人事信息":
        return rng.choice((f"{pub}{year}年公开招聘工作人员公告", f"{pub}{year}年公开招聘工作人员拟聘用人员公示",
                           f"{pub}{year}年公开招聘工作人员资格复审结果"))
    if section == "重点领域信息":
        return rng.choice((f"{P.COUNTY}{year}年{item.month}月{subject}信息公开",
                           f"{rng.choice(TOWNS)}{year}年{subject}情况公示", f"{pub}{subject}工作情况通报"))
    if section == "行政执法公示":
        return rng.choice((f"{pub}行政处罚决定信息公开（{year}年第{rng.randint(1, 24)}期）",
                           f"{pub}{year}年{subject}双随机抽查结果公示",
                           f"{pub}行政许可结果公示（{year}年{item.month}月）"))
    if section == "公示公告":
        return rng.choice((f"关于{subject}有关事项的公告", f"{pub}关于{rng.choice(VILLAGES)}{subject}项目的公示",
                           f"{pub}关于{year}年{subject}的通告", f"{subject}名单公示（{year}年第{rng.randint(1, 9)}批）"))
    if section == "意见征集":
        return f"关于公开征求《{P.COUNTY}{subject}{rng.choice(P.PLAN_KINDS)}（征求意见稿）》意见的公告"
    if section == "政府信息公开年报":
        return f"{pub}{year - 1}年政府信息公开工作年度报告"
    return rng.choice(P.NEWS_TITLES).format(o=pub, s=subject, t=rng.choice(TOWNS + VILLAGES))


GENRE_BY_SECTION = {
    "政策文件": ("通知", "通知", "意见", "决定", "通告", "批复", "通报"),
    "公示公告": ("公告", "通告", "其他"), "意见征集": ("公告",), "政府信息公开年报": ("报告",),
    "规划计划": ("通知", "其他"),
}


# ----------------------------------------------------------------------------- bodies

def sentence(rng: random.Random) -> str:
    form = rng.random()
    if form < 0.3:
        return rng.choice(P.SENTENCES)
    if form < 0.6:
        return (f"{rng.choice(P.LEADS)}{rng.choice(P.ACTORS)}{rng.choice(P.VERBS)}{rng.choice(P.WORK_OBJECTS)}，"
                f"{rng.choice(P.OUTCOMES)}。")
    if form < 0.8:
        unit = rng.choice(("条", "项", "个", "家", "人次", "户", "件"))
        return (f"{rng.choice(P.LEADS)}{rng.choice(P.ACTORS)}累计{rng.choice(P.VERBS)}{rng.choice(P.WORK_OBJECTS)}"
                f"{rng.randint(3, 900)}{unit}，{rng.choice(P.OUTCOMES)}。")
    if form < 0.9:
        return (f"在{rng.choice(TOWNS)}{rng.choice(VILLAGES)}，{rng.choice(P.ACTORS)}{rng.choice(P.VERBS)}"
                f"{rng.choice(P.WORK_OBJECTS)}，{rng.choice(P.OUTCOMES)}。")
    amount = f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
    return (f"{rng.choice(P.LEADS)}共落实{rng.choice(P.SUBJECTS)[0]}资金{amount}万元，"
            f"较上年{rng.choice(('增长', '下降'))}{rng.randint(1, 40)}.{rng.randint(0, 9)}%，{rng.choice(P.OUTCOMES)}。")


def paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(1, 5)))


def sections_text(rng: random.Random, count: int) -> list[str]:
    parts = []
    for i, heading in enumerate(rng.sample(P.HEADINGS, count)):
        parts.append(f"## {NUMERALS[i]}、{heading}")
        parts += [paragraph(rng) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.25:
            parts.append("\n".join(f"{k + 1}. {sentence(rng)}" for k in range(rng.randint(2, 5))))
    return parts


def table(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    return "\n".join("| " + " | ".join(r) + " |" for r in [header, align, *rows])


def body_for(rng: random.Random, item: Item, policy: Item | None) -> str:
    subject, section, year = item.subject[0], item.section, item.year
    parts: list[str] = []
    if section == "政策文件":
        parts.append("各乡镇人民政府，县政府各部门：" if item.organ < 2 else "各有关单位：")
        parts.append(f"为{rng.choice(P.TITLE_ACTIONS)}{subject}工作，{rng.choice(P.OUTCOMES)}，现就有关事项通知如下。")
        parts += sections_text(rng, rng.randint(2, 5))
        parts += [item.publisher, f"{year}年{item.month}月{item.day}日", "（此件公开发布）"]
    elif section == "政策解读":
        target = f"《{policy.title}》" if policy else "该文件"
        parts.append(f"近日，{policy.publisher if policy else item.publisher}印发{target}，现解读如下。")
        parts += sections_text(rng, rng.randint(2, 4))
        parts.append(f"解读机关：{item.publisher}　联系电话：{office_phone(item.organ)}")
    elif section == "行政执法公示":
        parts.append(paragraph(rng))
        rows = [[f"{ORGANS[item.organ][2]}罚〔{year}〕{rng.randint(1, 300)}号", rng.choice(FIRMS),
                 rng.choice(P.OFFENCES), rng.choice(P.PENALTIES), f"{rng.randint(1, 200) * 500}"]
                for _ in range(rng.randint(2, 8))]
        parts.append(table(["决定书文号", "当事人", "违法行为", "处罚种类", "罚没金额（元）"], rows, 4))
    elif section == "财政信息":
        parts.append(paragraph(rng))
        rows = [[label, f"{rng.randint(5, 99999) / 100:.2f}", f"{rng.randint(5, 99999) / 100:.2f}"]
                for label in rng.sample(P.BUDGET_ROWS, rng.randint(4, len(P.BUDGET_ROWS)))]
        parts.append(table(["功能分类科目", "预算数（万元）", "上年执行数（万元）"], rows, 1))
        parts += sections_text(rng, rng.randint(1, 3))
    elif section == "人事信息":
        parts.append(paragraph(rng))
        rows = [[f"{year % 100:02d}{k + 1:03d}", rng.choice(P.POSITIONS), str(rng.randint(1, 6)),
                 rng.choice(("本科及以上", "大专及以上", "硕士研究生及以上"))] for k in range(rng.randint(3, 9))]
        parts.append(table(["岗位代码", "岗位名称", "招聘人数", "学历要求"], rows, 4))
        parts.append(rng.choice(P.SENTENCES))
    elif section == "政府信息公开年报":
        parts.append(f"本报告依据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室有关要求编制，"
                     f"统计期限自{year - 1}年1月1日至12月31日。")
        for i, heading in enumerate(("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                     "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况")):
            parts.append(f"## {NUMERALS[i]}、{heading}")
            if i == 1:
                rows = [[label, str(rng.randint(0, 40)), str(rng.randint(0, 12)), str(rng.randint(0, 600))]
                        for label in P.REPORT_ROWS]
                parts.append(table(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], rows, 1))
            else:
                parts.append(paragraph(rng))
    elif section == "意见征集":
        parts.append(f"为{rng.choice(P.OUTCOMES)}，{item.publisher}起草了征求意见稿，现向社会公开征求意见。")
        parts.append(f"征求意见时间：{year}年{item.month}月{item.day}日至{year}年{item.month}月{min(item.day + 15, 28)}日。")
        parts.append("反馈方式：电子邮件发送至 zwgk@qinghe.gov.cn，邮件主题请注明“意见征集”。")
        parts += sections_text(rng, rng.randint(1, 3))
    else:
        if rng.random() < 0.5:
            parts += sections_text(rng, rng.randint(1, 4))
        else:
            parts += [paragraph(rng) for _ in range(rng.randint(1, 4))]
        if section == "公示公告" and rng.random() < 0.4:
            rows = [[str(k + 1), rng.choice(VILLAGES), rng.choice(FIRMS), f"{rng.randint(1, 9999) / 10:.1f}"]
                    for k in range(rng.randint(2, 10))]
            parts.append(table(["序号", "所在村（社区）", "实施单位", "金额（万元）"], rows, 3))
    return "\n\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- catalog

def plan(count: int, seed: int, first_year: int, last_year: int) -> list[Item]:
    """Every item's metadata and relations (bodies are made while writing)."""
    rng = random.Random(seed)
    years = list(range(first_year, last_year + 1))
    sections, section_weights = zip(*SECTIONS, strict=True)
    organ_weights = [w for *_, w in ORGANS]
    serials: dict[tuple[int, int], int] = {}
    doc_numbers: dict[tuple[int, int], int] = {}
    policies: list[Item] = []  # published, in force: what interpretations and newer policies point at
    items: list[Item] = []
    for n in range(count):
        year = years[min(len(years) - 1, n * len(years) // max(1, count))]
        organ = rng.choices(range(len(ORGANS)), organ_weights)[0]
        section = rng.choices(sections, section_weights)[0]
        serials[organ, year] = serials.get((organ, year), 0) + 1
        item = Item(n=n, year=year, month=rng.randint(1, 12), day=rng.randint(1, 28), organ=organ, section=section,
                    subject=rng.choice(P.SUBJECTS), index_no=f"{credit_code(organ)}/{year}-{serials[organ, year]:05d}")
        if section == "政府信息公开年报":
            item.month, item.day = 1, rng.randint(10, 28)
        roll = rng.random()
        if roll < DRAFT_SHARE:
            item.status = "draft"
        elif roll < DRAFT_SHARE + WITHDRAWN_SHARE:
            item.status = "withdrawn"
            item.meta["withdrawn_reason"] = q(rng.choice(P.WITHDRAW_REASONS))
        item.genre = rng.choice(GENRE_BY_SECTION.get(section, ("其他", "其他", "其他", "通知", "函")))
        policy = None
        if section == "政策解读" and policies:
            policy = rng.choice(policies[-60:])
            item.interprets = policy.index_no
        item.title = title_for(rng, item, policy)
        if section == "政策文件":
            doc_numbers[organ, year] = doc_numbers.get((organ, year), 0) + 1
            item.meta["doc_no"] = q(f"{ORGANS[organ][2]}〔{year}〕{doc_numbers[organ, year]}号")
            item.meta["written"] = f"{year}-{item.month:02d}-{max(1, item.day - rng.randint(0, 6)):02d}"
            item.validity = "有效"
            if rng.random() < 0.25:
                item.meta["expires"] = f"{year + rng.randint(1, 5)}-{item.month:02d}-{item.day:02d}"
            if item.status == "published":
                older = [p for p in policies[-80:] if p.organ == organ and p.validity == "有效"]
                if older and rng.random() < 0.12:
                    old = rng.choice(older)
                    if rng.random() < 0.5:
                        item.replaces, old.validity = old.index_no, "失效"
                    else:
                        old.repealed_by, old.validity = item.index_no, "废止"
                elif rng.random() < 0.02:
                    item.validity = "已修改"
                policies.append(item)
        if rng.random() < 0.2:
            item.meta["summary"] = q(f"明确{item.subject[0]}的{'、'.join(rng.sample(P.HEADINGS, 3))}等内容。")
        items.append(item)
    return items


def front_matter(rng: random.Random, item: Item, attachment: str | None) -> str:
    subject, topic, second = item.subject
    lines = [f"title: {q(item.title)}", f"index_no: {q(item.index_no)}", f"publisher: {q(item.publisher)}",
             f"date: {item.date}", f"category: {q(item.section)}",
             f"topic: {q(topic + chr(92) + second if rng.random() < 0.3 else topic)}", f"genre: {q(item.genre)}"]
    for key in ("doc_no", "written"):
        if key in item.meta:
            lines.append(f"{key}: {item.meta[key]}")
    keywords = rng.sample([subject, second, item.section, P.COUNTY], rng.randint(1, 3))
    lines.append("keywords: [" + ", ".join(q(k) for k in dict.fromkeys(keywords)) + "]")
    if item.validity:
        lines.append(f"validity: {item.validity}")
    if "expires" in item.meta:
        lines.append(f"expires: {item.meta['expires']}")
    for key, target in (("interprets", item.interprets), ("replaces", item.replaces),
                        ("repealed_by", item.repealed_by)):
        if target:
            lines.append(f"{key}: [{q(target)}]")
    if attachment:
        title = rng.choice(P.ATTACHMENT_TITLES).format(s=subject)
        lines += ["attachments:", f"  - file: {q(attachment)}", f"    title: {q('附件：' + title)}"]
    if "summary" in item.meta:
        lines.append(f"summary: {item.meta['summary']}")
    if item.status != "published":
        lines.append(f"status: {item.status}")
        if "withdrawn_reason" in item.meta:
            lines.append(f"withdrawn_reason: {item.meta['withdrawn_reason']}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def attachment_bytes(rng: random.Random, suffix: str) -> bytes:
    if suffix == ".csv":
        rows = [f"{k + 1},{rng.choice(VILLAGES)},{rng.randint(1, 9000) / 10:.1f}" for k in range(rng.randint(3, 40))]
        return ("序号,村（社区）,金额（万元）\n" + "\n".join(rows) + "\n").encode("utf-8")
    return b"%PDF-1.4\n% gongkai generated attachment\n" + bytes(rng.randint(200, 4000)) + b"\n%%EOF\n"


def generate(out: Path, count: int, seed: int = 7, attachments: bool = False,
             first_year: int = 2016, last_year: int = 2025) -> list[Item]:
    """Write a corpus of ``count`` items under ``out``; return the items' plan."""
    out = Path(out)
    items = plan(count, seed, first_year, last_year)
    out.mkdir(parents=True, exist_ok=True)
    (out / "organs.yaml").write_text(organs_yaml(), encoding="utf-8")
    by_index_no = {item.index_no: item for item in items}
    for year in sorted({item.year for item in items}):
        (out / str(year)).mkdir(exist_ok=True)
    for item in items:
        rng = random.Random(f"{seed}:{item.n}")  # each body on its own: a change to one leaves the others
        attachment = None
        if attachments and rng.random() < 0.15:
            suffix = ".csv" if item.section in ("公示公告", "财政信息") else ".pdf"
            attachment = f"files/{item.year}/{item.n:06d}{suffix}"
            path = out / attachment
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(attachment_bytes(rng, suffix))
        policy = by_index_no.get(item.interprets) if item.interprets else None
        text = front_matter(rng, item, attachment) + body_for(rng, item, policy)
        (out / str(item.year) / f"{item.n:06d}.md").write_text(text, encoding="utf-8")
    return items


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000, help="number of items (default 1000)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the content tree into")
    ap.add_argument("--seed", type=int, default=7, help="the same seed gives the same corpus (default 7)")
    ap.add_argument("--first-year", type=int, default=2016)
    ap.add_argument("--last-year", type=int, default=2025)
    ap.add_argument("--attachments", action="store_true", help="write attachment files and attach them")
    args = ap.parse_args(argv)
    items = generate(args.out, args.count, args.seed, args.attachments, args.first_year, args.last_year)
    print(f"wrote {len(items)} items and organs.yaml under {args.out}")


if __name__ == "__main__":
    main()
