"""Type stubs of the whosaid extension module (re-exported by ``whosaid``)."""

import os
from typing import Any, Iterable, Literal, Optional, Union, final

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

__version__: str

# The contract's words, for the attributes' types (names of the stubs only).
_EntityKind = Literal["person", "organization", "location", "nationality"]
_Gender = Literal["female", "male", "other"]
_QuoteKind = Literal["direct", "mixed", "indirect"]
_Source = Literal["gazetteer", "inferred"]
_StrPath = Union[str, "os.PathLike[str]"]

class GazetteerError(ValueError):
    """A gazetteer file that cannot be read or has a bad entry; the message names file and line."""

    path: str
    """The file, as given."""
    line: Optional[int]
    """The 1-based line, or None when the problem is not one line's."""

@final
class Extractor:
    """Finds named entities and attributed quotes (who said what) in English news."""

    def __new__(
        cls,
        gazetteers: Union[Iterable[_StrPath], _StrPath, None] = None,
        *,
        builtin: bool = True,
    ) -> Extractor: ...
    def extract(self, text: str) -> Document:
        """The entities and attributed quotes of one article."""
    def extract_many(self, texts: Iterable[str], threads: Optional[int] = None) -> list[Document]:
        """The Documents of many articles, in input order, on several threads."""
    @property
    def builtin(self) -> bool:
        """Whether the built-in gazetteers are included."""
    @property
    def gazetteers(self) -> list[str]:
        """The gazetteer files added, as given."""
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[bool, list[tuple[str, str]]]]: ...
    def __copy__(self) -> Extractor: ...
    def __deepcopy__(self, memo: Any, /) -> Extractor: ...

def extract(text: str) -> Document:
    """The entities and attributed quotes of one article, with the default extractor."""

# Private: what an Extractor's and a Document's pickles call, and the benchmark's timing hook.
def _extractor_from_sources(builtin: bool, sources: list[tuple[str, str]]) -> Extractor: ...
def _document_from_json(text: str, json: str) -> Document: ...
def _crate_extract_seconds(texts: list[str], rounds: int) -> float: ...

@final
class Document:
    """Who said what in one article; offsets are character offsets into ``text``."""

    @property
    def text(self) -> str: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    def to_json(self, *, pretty: bool = False) -> str:
        """The crate's JSON (UTF-8 byte offsets), as ``cargo run --example extract`` prints it."""
    def to_dict(self) -> dict[str, Any]:
        """``{"entities": [...], "quotes": [...]}`` with character offsets."""
    def quote_rows(self) -> list[dict[str, Any]]:
        """One flat dict a quote, for ``pandas.DataFrame``."""
    def render_html(self) -> str:
        """The article as an HTML fragment, each quote in its speaker's colour."""
    def render_html_page(self, title: str = "whosaid") -> str:
        """The article as a complete HTML page."""
    def _repr_html_(self) -> str: ...
    def __copy__(self) -> Document: ...
    def __deepcopy__(self, memo: Any, /) -> Document: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str]]: ...

@final
class Entity:
    """A person, organization, location or nationality, and every mention of it."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> _EntityKind: ...
    @property
    def name(self) -> str: ...
    @property
    def source(self) -> _Source: ...
    @property
    def gender(self) -> Optional[_Gender]: ...
    @property
    def roles(self) -> list[str]: ...
    @property
    def wikidata(self) -> Optional[str]: ...
    @property
    def mentions(self) -> list[Mention]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Mention:
    """One mention of an entity: ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Quote:
    """A quote: what was said, by whom, with which cue."""

    @property
    def kind(self) -> _QuoteKind: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> Optional[Speaker]: ...
    @property
    def cue(self) -> Optional[str]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def parts(self) -> list[QuotePart]: ...
    @property
    def cue_start(self) -> Optional[int]: ...
    @property
    def cue_end(self) -> Optional[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class QuotePart:
    """One piece of a quote in several: ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Speaker:
    """Who said a quote: the attribution's words (``text``, ``start``, ``end``) and who they are."""

    @property
    def entity(self) -> Optional[str]: ...
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
