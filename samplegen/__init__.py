"""Invented sample corpora of police governance minutes, with the labels they were written from.

``write_corpus(n, out, seed)`` (in :mod:`samplegen.corpus`) writes ``n`` documents in the layouts
the parsers read (chief officers' board pages, commissioners' board notes, ModernGov panel pages,
bare "Minutes:" fragments) under ``out/docs/`` and one gold JSON per document under ``out/gold/``,
in the format of ``../shared/gold/README.md``. Everything is invented: names, forces, places.
"""
