"""Privacy guard: find personal information (个人信息) before it is published.

A library used by the reader (item text) and by validation (text
attachments); it has no register() of its own.
"""
