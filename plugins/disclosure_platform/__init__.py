"""The mandated disclosure platform (国办公开办函〔2019〕61号): the four columns
政府信息公开指南, 政府信息公开制度, 法定主动公开内容 and 政府信息公开工作年度报告,
依申请公开 pages with the application form, and the 年报 computed and checked."""
from .plugin import register, register_checks  # noqa: F401
