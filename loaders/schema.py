"""The curated corpus format: pydantic models of sources, the entity registry and claims.

See ``corpus/README.md`` for the format as curators read it.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from diplograph.ontology import (
    ACTOR_CLASSES,
    EVENT_CLASSES,
    LEGAL_CLASSES,
    PLACE_CLASSES,
)
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pyoxigraph import NamedNode

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

REF = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$"
SHA256 = r"^[0-9a-f]{64}$"
WIKIDATA = r"^Q[1-9]\d*$"
COUNTRY_CODE = r"^[A-Z]{2}$"
LANGUAGE = r"^[a-z]{2}$"
#: how to write a value of each pattern (shown when a value does not match)
PATTERN_HINTS = {
    SLUG: "ids are lower-case letters and digits joined by single hyphens, e.g. 'peru-severs-relations-2025'",
    REF: "an entity id like 'peru', or 'instrument-id/provision-id' for a provision",
    SHA256: "64 lower-case hex digits: the SHA-256 of the text, as sha256sum prints it",
    WIKIDATA: "a Wikidata item id like Q419",
    COUNTRY_CODE: "two capital letters (ISO 3166-1 alpha-2), e.g. PE",
    LANGUAGE: "two lower-case letters (ISO 639-1), e.g. en",
}

Slug = Annotated[str, Field(pattern=SLUG)]
#: an entity id, or "instrument-id/provision-id" for a provision
Ref = Annotated[str, Field(pattern=REF)]


def _as_list(value: Any) -> Any:
    """Curators may write one value or a list of values."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


RefList = Annotated[list[Ref], BeforeValidator(_as_list)]
class Span(BaseModel):
    """An evidence quote with its offset in the text (written by `diplograph extract`)."""

    model_config = ConfigDict(extra="forbid")
    quote: Annotated[str, Field(min_length=3, max_length=200)]
    start: Annotated[int, Field(ge=0)]


Quote = Annotated[str, Field(min_length=3, max_length=200)] | Span
Quotes = Annotated[list[Quote], BeforeValidator(_as_list)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DateSpec(Strict):
    """A date as the text gives it.

    ``phrase`` is the words of the text ("on Monday, November 3, 2025", "last December");
    ``value`` an ISO value of the precision the text supports (``2025``, ``2025-11``,
    ``2025-11-03``).  Give ``value`` only when the loader cannot resolve the phrase itself, with
    ``basis`` saying why; a month-only date never gets a day.
    """

    phrase: str | None = None
    value: str | None = None
    qualifier: Literal["early", "mid", "late"] | None = None
    basis: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, (str, int)):
            text = str(data)
            return {"value": text} if ISO_VALUE.match(text) else {"phrase": text}
        return data

    @field_validator("value")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not ISO_VALUE.match(v):
            raise ValueError(f"{v!r} is not a date value (write YYYY, YYYY-MM or YYYY-MM-DD)")
        return v

    @model_validator(mode="after")
    def _something(self) -> DateSpec:
        if self.phrase is None and self.value is None:
            raise ValueError("a date needs a phrase or a value (give the text's words as phrase, or value: YYYY[-MM[-DD]])")
        return self


class Published(Strict):
    value: str | None = None
    inferred: bool = False
    basis: str

    @field_validator("value")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not ISO_VALUE.match(v):
            raise ValueError(f"{v!r} is not a date value (write YYYY, YYYY-MM or YYYY-MM-DD)")
        return v


class SourceRecord(Strict):
    id: Slug
    file: str
    sha256: Annotated[str, Field(pattern=SHA256)]
    title: str | None = None
    label: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: Annotated[str, Field(pattern=LANGUAGE)] = "en"
    genre: Literal["news", "analysis", "opinion", "development"] = "news"
    published: Published | None = None
    #: development articles: "rules" (read while writing extraction rules) or "heldout" (never read)
    split: Literal["rules", "heldout"] | None = None

    @field_validator("url")
    @classmethod
    def _iri(cls, v: str | None) -> str | None:
        """The url becomes an IRI in the graph: check it with the store's own IRI parser."""
        if v is None:
            return v
        try:
            NamedNode(v)
        except ValueError as exc:
            raise ValueError(f"{v!r} is not a valid IRI: {exc} (percent-encode spaces and other special "
                             "characters, e.g. a space as %20)") from None
        if not re.match(r"^https?://", v):
            raise ValueError(f"{v!r} is not a web address (start it with https:// or http://)")
        return v

    @model_validator(mode="after")
    def _named(self) -> SourceRecord:
        if not (self.title or self.label):
            raise ValueError("a source needs a title or a label (add title: when the text has one, else label:)")
        return self


ENTITY_TYPES = ACTOR_CLASSES[1:] + PLACE_CLASSES[1:] + ("Post",) + tuple(
    c for c in LEGAL_CLASSES if c not in ("LegalInstrument", "Provision", "TreatyParticipation")
)
EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]


class ProvisionRecord(Strict):
    id: Slug
    label: str
    number: str


class EntityRecord(Strict):
    id: Slug
    type: EntityType
    label: str
    aliases: list[str] = []
    description: str | None = None
    wikidata: Annotated[str, Field(pattern=WIKIDATA)] | None = None
    country_code: Annotated[str, Field(pattern=COUNTRY_CODE)] | None = None
    located_in: Slug | None = None
    sending_state: Slug | None = None
    receiving_state: Slug | None = None
    post_in: Slug | None = None
    organ_of: Slug | None = None
    single_holder: bool | None = None
    provisions: list[ProvisionRecord] = []


class Votes(Strict):
    in_favour: Annotated[int, Field(ge=0, alias="for")]
    against: Annotated[int, Field(ge=0)] | None = None
    abstain: Annotated[int, Field(ge=0)] | None = None


EventType = Literal[EVENT_CLASSES]  # type: ignore[valid-type]


class ClaimBase(Strict):
    evidence: Annotated[Quotes, Field(min_length=1)]
    note: str | None = None
    #: "inferred" when the value is the curator's reading, not what the text says (the note says why)
    basis: Literal["stated", "inferred"] = "stated"
    #: set by `diplograph extract` on machine-extracted claims (how sure the rules are, 0..1)
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    #: set by `diplograph extract`: the extractor stage that proposed the claim (loaders/extract/stages.py),
    #: e.g. "frame:RecallOfAmbassador/recall", "statement:counterpart", "rule:AsylumGrant", "stage:ellipsis"
    proposed_by: Annotated[str, Field(pattern=r"^(?:frame|statement|rule|stage):\S+$", max_length=120)] | None = None


class EventClaim(ClaimBase):
    event: Slug
    type: EventType
    agent: RefList = []
    target: RefList = []
    place: RefList = []
    date: DateSpec | None = None
    announced_by: RefList = []
    legal_basis: RefList = []
    recognized_as: RefList = []
    charge: RefList = []
    penalty: str | None = None
    votes: Votes | None = None
    beneficiary: RefList = []
    quotation: Annotated[str, Field(max_length=200)] | None = None
    deadline: str | None = None
    candidate_for: RefList = []
    on_behalf_of: RefList = []
    office: RefList = []


class TenureKey(Strict):
    holder: Slug
    post: Slug


class TenureClaim(ClaimBase):
    tenure: TenureKey
    at: Annotated[list[Slug], BeforeValidator(_as_list)] = []
    start: DateSpec | None = None
    end: DateSpec | None = None
    acting: bool | None = None


class MembershipKey(Strict):
    member: Slug
    organization: Slug


class MembershipClaim(ClaimBase):
    membership: MembershipKey
    start: DateSpec | None = None
    end: DateSpec | None = None


class ParticipationKey(Strict):
    state: Slug
    instrument: Slug


class ParticipationClaim(ClaimBase):
    party_to: ParticipationKey


CLAIM_KINDS: dict[str, type[ClaimBase]] = {
    "event": EventClaim,
    "tenure": TenureClaim,
    "membership": MembershipClaim,
    "party_to": ParticipationClaim,
}

Claim = EventClaim | TenureClaim | MembershipClaim | ParticipationClaim


class ClaimsFileHeader(Strict):
    source: Slug
    extraction: Literal["curated", "extracted"] = "curated"
    claims: list[Any]
