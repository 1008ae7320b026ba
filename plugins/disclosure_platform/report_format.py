"""The layout of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), declared
once: the tables of sections 二, 三 and 四, their rows and columns, and the
arithmetic the format implies. The data file, its checks, the report page
and the CSV exports are all read off these declarations.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    key: str  # in the data file
    alias: str  # short Chinese key, also accepted in the data file
    label: str  # as printed in the official table
    group: str = ""  # the heading cell spanning this row and its siblings (三's 办理结果 sub-groups)


# 二、主动公开政府信息情况 — 第二十条第（一）项: computed from the catalog (and
# checked against typed figures, when the writer types them).
ACTIVE_DOC_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
ACTIVE_DOC_ROWS = (Row("regulations", "规章", "规章"), Row("normative", "行政规范性文件", "行政规范性文件"))
# 第二十条第（五）（六）（八）项: typed.
ACTIVE_COUNTS = (
    Row("licensing", "行政许可", "行政许可", "第二十条第（五）项"),
    Row("penalty", "行政处罚", "行政处罚", "第二十条第（六）项"),
    Row("coercion", "行政强制", "行政强制", "第二十条第（六）项"),
)
ACTIVE_FEES = Row("fees", "行政事业性收费", "行政事业性收费", "第二十条第（八）项")

# 三、收到和处理政府信息公开申请情况
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
APPLICANT_GROUP = "法人或其他组织"  # spans 商业企业 … 其他
_WITHHELD, _UNAVAILABLE, _NOT_HANDLED, _OTHER = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
RESULT_ROWS = (
    Row("granted", "予以公开", "（一）予以公开"),
    Row("partly", "部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Row("secret", "国家秘密", "1.属于国家秘密", _WITHHELD),
    Row("prohibited", "法律禁止", "2.其他法律行政法规禁止公开", _WITHHELD),
    Row("security", "三安全一稳定", "3.危及“三安全一稳定”", _WITHHELD),
    Row("third_party", "第三方权益", "4.保护第三方合法权益", _WITHHELD),
    Row("internal", "内部事务", "5.属于三类内部事务信息", _WITHHELD),
    Row("process", "过程性信息", "6.属于四类过程性信息", _WITHHELD),
    Row("case_file", "执法案卷", "7.属于行政执法案卷", _WITHHELD),
    Row("query", "行政查询", "8.属于行政查询事项", _WITHHELD),
    Row("not_held", "不掌握", "1.本机关不掌握相关政府信息", _UNAVAILABLE),
    Row("needs_making", "另行制作", "2.没有现成信息需要另行制作", _UNAVAILABLE),
    Row("unclear", "仍不明确", "3.补正后申请内容仍不明确", _UNAVAILABLE),
    Row("petition", "信访举报投诉", "1.信访举报投诉类申请", _NOT_HANDLED),
    Row("repeated", "重复申请", "2.重复申请", _NOT_HANDLED),
    Row("publication", "公开出版物", "3.要求提供公开出版物", _NOT_HANDLED),
    Row("mass", "大量反复申请", "4.无正当理由大量反复申请", _NOT_HANDLED),
    Row("confirm", "确认或重新出具", "5.要求行政机关确认或重新出具已获取信息", _NOT_HANDLED),
    Row("no_correction", "逾期不补正", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", _OTHER),
    Row("no_fee", "逾期未缴费", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", _OTHER),
    Row("other", "其他处理", "3.其他", _OTHER),
)
RESULTS_TOTAL = Row("total", "总计", "（七）总计")
APPLICATION_ROWS = (
    Row("new", "本年新收", "一、本年新收政府信息公开申请数量"),
    Row("carried_in", "上年结转", "二、上年结转政府信息公开申请数量"),
    *RESULT_ROWS,
    RESULTS_TOTAL,
    Row("carried_out", "结转下年度", "四、结转下年度继续办理"),
)
RESULTS_HEADING = "三、本年度办理结果"

# 四、政府信息公开行政复议、行政诉讼情况: 15 columns in three groups of five.
OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
REVIEW_GROUPS = (
    Row("review", "行政复议", "行政复议"),
    Row("direct_suit", "未经复议直接起诉", "行政诉讼：未经复议直接起诉"),
    Row("suit_after_review", "复议后起诉", "行政诉讼：复议后起诉"),
)
