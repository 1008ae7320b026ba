"""An export's 正文 (HTML or plain text) as the item's Markdown body, and the
old site's attachments it links to.

HTML is first sanitised with nh3 (the build's sanitiser: no script, style,
event handlers or ``javascript:`` URLs), then converted with markdownify. A
table Markdown cannot express (merged cells, paragraphs or lists in a cell)
is kept as sanitised HTML, which the build sanitises again and renders as it
is. Links and images that point at files on the old site become attachments
of the item: listed for the operator to download, never fetched here, and
linked in the body where the build publishes them.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from catalog_model.html_text import collapsed_text

# Links to these are files to download, not pages.
ATTACHMENT_SUFFIXES = frozenset(
    ".pdf .doc .docx .wps .xls .xlsx .et .ppt .pptx .dps .ofd .txt .csv .rtf .zip .rar .7z "
    ".jpg .jpeg .png .gif .bmp .tif .tiff .mp3 .mp4".split())
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[\s/>]")
_SCRIPT = re.compile(r"<\s*script\b|\bon[a-z]+\s*=|javascript\s*:", re.I)
_TABLE_BLOCKS = ("p", "ul", "ol", "table", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Published attachments live under attachments/ (catalog_pages.attachments.OUTPUT_DIR).
PUBLISHED_DIR = "attachments"


class BodyProblem(Exception):
    def __init__(self, msg_key: str, **fields):
        super().__init__(msg_key)
        self.msg_key, self.fields = msg_key, fields


@dataclass(frozen=True)
class Attachment:
    url: str  # absolute address on the old site
    file: str  # path below the content root, where the operator puts the download
    title: str
    image: bool = False  # shown in the body (the build publishes body images), not listed as an attachment


@dataclass
class Body:
    markdown: str
    attachments: list[Attachment] = field(default_factory=list)
    had_script: bool = False  # the export carried script or event handlers (removed)


def is_html(text: str) -> bool:
    return bool(_HTML.search(text))


def convert(raw: str, index_no: str, source_url: str | None) -> Body:
    """``index_no`` names the item's attachment folder and its page depth;
    ``source_url`` resolves the old site's relative links."""
    if not raw.strip():
        return Body("")
    if not is_html(raw):
        return Body(_text_markdown(raw))
    had_script = bool(_SCRIPT.search(raw))
    soup = BeautifulSoup(nh3.clean(raw, clean_content_tags={"script", "style"}, link_rel=None), "html.parser")
    attachments = _attachments(soup, index_no, source_url)
    kept = _keep_complex_tables(soup) if "<table" in raw.lower() else {}
    markdown = MarkdownConverter(heading_style="ATX", bullets="-", table_infer_header=True,
                          escape_misc=True).convert_soup(soup)
    for token, html in kept.items():
        markdown = markdown.replace(token, f"\n\n{html}\n\n")
    return Body(_tidy(markdown), attachments, had_script)


def _text_markdown(text: str) -> str:
    # Each line of a plain-text body is a paragraph; characters Markdown would
    # read as syntax at the start of a line are escaped.
    paragraphs = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if line:
            line = re.sub(r"^(#|>|[-+*](?=\s))", r"\\\1", line)
            line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
            paragraphs.append(line.replace("<", "&lt;"))
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _attachments(soup: BeautifulSoup, index_no: str, source_url: str | None) -> list[Attachment]:
    depth = index_no.count("/") + 1  # items/<index_no>.html
    up = "../" * depth
    found: dict[str, Attachment] = {}
    names: set[str] = set()
    for element in soup.find_all(("a", "img")):
        is_image = element.name == "img"
        attr = "src" if is_image else "href"
        target = (element.get(attr) or "").strip()
        if not target or target.startswith(("#", "mailto:", "tel:")):
            continue
        url = _absolute(target, source_url)
        if not (is_image or _is_file(url)):
            element[attr] = url  # a page of the old site, or elsewhere: an external link
            continue
        if url not in found:
            title = (element.get("alt") if is_image else element.get_text(" ", strip=True)) or ""
            file = _file_for(url, index_no, names)
            found[url] = Attachment(url, file, collapsed_text(title) or posixpath.basename(file), is_image)
        # A body image is written as its content path (the build publishes it); a file link as its published path.
        element[attr] = found[url].file if is_image else f"{up}{PUBLISHED_DIR}/{found[url].file}"
    return sorted(found.values(), key=lambda a: a.file)


def _absolute(target: str, source_url: str | None) -> str:
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
        return target
    if target.startswith("//"):
        return f"{urlsplit(source_url).scheme if source_url else 'http'}:{target}"
    if not source_url:
        raise BodyProblem("import_relative_link", target=target)
    return urljoin(source_url, target)


def _is_file(url: str) -> bool:
    return posixpath.splitext(urlsplit(url).path)[1].lower() in ATTACHMENT_SUFFIXES


def _file_for(url: str, index_no: str, taken: set[str]) -> str:
    """files/<索引号>/<name>: ASCII names from the URL; others numbered."""
    base = posixpath.basename(unquote(urlsplit(url).path))
    stem, suffix = posixpath.splitext(base)
    suffix = suffix.lower() if _SAFE_NAME.fullmatch(suffix[1:] or "x") else ""
    name = base if _SAFE_NAME.fullmatch(base) else f"attachment{suffix}"
    stem, suffix = posixpath.splitext(name)
    n = 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name)
    return f"files/{index_no}/{name}"


def _keep_complex_tables(soup: BeautifulSoup) -> dict[str, str]:
    """Replace each table Markdown cannot hold by a token; returns token -> HTML."""
    kept = {}
    for n, table in enumerate(soup.find_all("table", recursive=True)):
        if table.find_parent("table") is not None:
            continue
        cells = table.find_all(["td", "th"])
        merged = any(c.get("rowspan", "1") != "1" or c.get("colspan", "1") != "1" for c in cells)
        blocks = any(c.find(_TABLE_BLOCKS) for c in cells)
        if merged or blocks:
            token = f"GONGKAITABLE{n}X"
            html = re.sub(r"\n\s*\n", "\n", str(table))
            kept[token] = html
            table.replace_with(soup.new_string(token))
    return kept


def _tidy(markdown: str) -> str:
    markdown = re.sub(r"\n{3,}", "\n\n", markdown.strip("\n"))
    return markdown + "\n" if markdown else ""
