"""Import an existing catalog: a county CMS's metadata export (CSV or .xlsx)
becomes a content tree that builds as it is.

A library, not a Pelican plugin (no ``register()``); ``tools/import_catalog.py``
is its command line and ``make import`` runs it. One module per job:

- ``table``: read the export's rows (CSV in UTF-8 or GB18030, .xlsx)
- ``columns``: match column headers to fields (usual names, or a mapping file)
- ``values``: normalise values as clerks type them (dates, 文号, 有效性 …)
- ``body``: HTML or text bodies to Markdown; the old site's attachments
- ``scheme``: the organ-code scheme and 索引号 format the export uses
- ``rows``: one row to one item file, checked with the build's own validation
- ``tree``: the whole export, all-or-nothing, and the files written
- ``report``: ``FILE:row N: column: message (hint)``
"""
