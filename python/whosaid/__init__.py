"""who said what in English news: named entities and attributed quotes.

The Python package of the whosaid Rust crate: the same extractor, at the crate's speed.

>>> import whosaid
>>> doc = whosaid.extract("“We’ll learn more in the next few weeks,” Trump said.")
>>> quote = doc.quotes[0]
>>> quote.kind, quote.speaker.name, quote.cue, quote.text
('direct', 'Donald Trump', 'said', 'We’ll learn more in the next few weeks,')
>>> doc.text[quote.start:quote.end] == quote.text
True

- ``Extractor(gazetteers=[...], builtin=True)``: built once, then ``extract(text)`` or
  ``extract_many(texts, threads=None)`` (all cores, the GIL released, input order).
- ``extract(text)``: the same with the default extractor (the built-in gazetteers).
- ``Document``: ``entities`` and ``quotes`` (``Entity``, ``Mention``, ``Quote``,
  ``QuotePart``, ``Speaker``) with the JSON contract's field names as read-only attributes and
  character offsets; ``to_json()``, ``to_dict()``, ``quote_rows()`` for pandas, and an HTML
  view in notebooks.
- ``GazetteerError``: a ``ValueError`` naming the gazetteer file and line.
"""

from ._whosaid import (
    Document,
    Entity,
    Extractor,
    GazetteerError,
    Mention,
    Quote,
    QuotePart,
    Speaker,
    __version__,
    extract,
)

__all__ = [
    "Document",
    "Entity",
    "Extractor",
    "GazetteerError",
    "Mention",
    "Quote",
    "QuotePart",
    "Speaker",
    "__version__",
    "extract",
]
