"""The redirect files for the web server in front of the site, from
(old URL, new URL) pairs.

- nginx: a ``map`` from ``$request_uri`` (path and query, as the browser sent
  them) to the new address, for the server to answer 301 with.
- Apache: ``RewriteRule`` lines (mod_rewrite) matching the old path, and its
  query with a ``RewriteCond``; the path is matched decoded, as Apache does.

Only the old path and query count: the old site's host name is usually the
host the new site is served on. Two old addresses with one path and query
(from different hosts) keep the first in sort order.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

NGINX_VARIABLE = "$gongkai_redirect"


def request_uri(url: str) -> str:
    """The path and query of an old address, as nginx's $request_uri sees them."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(request URI, new URL), sorted, one per request URI."""
    seen: dict[str, str] = {}
    for old, new in sorted(pairs):
        seen.setdefault(request_uri(old), new)
    return sorted(seen.items())


def _nginx_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nginx_map(pairs: list[tuple[str, str]]) -> str:
    lines = [
        "# gongkai: addresses of the previous site -> pages of this one (written by the build).",
        "# In nginx's http block:    include /path/to/this/file;",
        f"# In the site's server block: if ({NGINX_VARIABLE}) {{ return 301 {NGINX_VARIABLE}; }}",
        "# Many or long addresses may need map_hash_max_size / map_hash_bucket_size in the http block.",
        f"map $request_uri {NGINX_VARIABLE} {{",
        '    default "";',
    ]
    # "$" would start a variable in a value; the values are our own URLs, which never hold one.
    lines += [f"    {_nginx_string(old)} {_nginx_string(new)};" for old, new in unique(pairs)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _pcre(text: str) -> str:
    """``text`` as a literal in an Apache regular expression (no spaces, which split arguments)."""
    return re.sub(r"[^\w/\-~%=&,:@!]", lambda m: "\\" + m.group() if m.group().isprintable() and m.group() != " "
                  else "".join(f"\\x{b:02x}" for b in m.group().encode()), text)


def apache_rules(pairs: list[tuple[str, str]]) -> str:
    lines = [
        "# gongkai: addresses of the previous site -> pages of this one (written by the build).",
        "# Apache (mod_rewrite): Include this file in the site's <VirtualHost>, or paste it into its .htaccess.",
        "RewriteEngine On",
    ]
    for old, new in unique(pairs):
        path, _, query = old.partition("?")
        if query:
            lines.append(f"RewriteCond %{{QUERY_STRING}} ^{_pcre(query)}$")
        # RewriteRule sees the decoded path, without the leading / in .htaccess.
        pattern = "^/?" + _pcre(unquote(path).lstrip("/")) + "$"
        flags = "[R=301,L,QSD]" if query else "[R=301,L]"
        lines.append(f"RewriteRule {pattern} {new.replace(' ', '%20')} {flags}")
    return "\n".join(lines) + "\n"
