"""The Chinese text of gongkai, loaded once from ``zh_CN.yaml``."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

TEXT_FILE = Path(__file__).with_name("zh_CN.yaml")


@cache
def _load() -> dict:
    with TEXT_FILE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.CSafeLoader)


def message(msg_key: str, /, **fields) -> str:
    """An editor-facing build message, formatted."""
    return _load()["messages"][msg_key].format(**fields)


def has_message(key: str) -> bool:
    return key in _load()["messages"]


def ui_text() -> dict[str, str]:
    """The words of the public site, for the templates."""
    return dict(_load()["ui"])
