"""The gongkai content model, shared by the catalog plugins.

A library, not a Pelican plugin (it has no ``register()``): the schema of an
item's front matter, the organ registry, the catalog's relations, the
vocabularies, and the Chinese text of messages and pages.
"""
