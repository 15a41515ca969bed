"""Groups a Statement's words are about: a description standing for several actors told before ("the two
governments", "the bloc": coref.py's described groups) or a counted group of persons ("the pair", "the two
men": person_groups.counted_persons); the first outside the speaker's side stands for them, and
``group_members`` gives them all.  A part of ``statement_targets.StatementTargets``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import Mention
from .person_groups import counted_persons

if TYPE_CHECKING:
    from .mentions import TokenMentions


class SpokenGroups:
    """The groups a Statement's words name, and their members."""

    # per-article state, set up in pipeline._Extractor.__init__
    _token_index: TokenMentions | None   # the frames' mentions index (frame_events.py sets it before Statements)
    counted_groups: dict[int, list[str]]  # end of "the pair", "the two men" → the persons it stands for

    def group_ids(self, end: int) -> list[str]:
        """The known actors the group description ending at ``end`` stands for (coref.py)."""
        return [i for i in getattr(self, "described_groups", {}).get(end, ()) if self.gaz.entities.get(i) is not None]

    def _described_group(self, token, own_side: set = frozenset()) -> Mention | None:
        """'the two governments', 'the bloc' (coref.py): the first of the actors the description
        stands for outside the speaker's ``own_side`` ("the two countries" said by one of them: the
        other); ``group_members`` gives them all."""
        end = token.idx + len(token.text)
        ids = self.group_ids(end)
        if not ids:
            return None
        entity = self.gaz.entities[next((i for i in ids if self._outside(i, own_side)), ids[0])]
        return Mention(token.idx, end, entity.id, entity.type, token.text, "group-ref")

    def _counted_persons(self, token, own_side: set) -> Mention | None:
        """'the pair', 'the two men', 'both reporters' (person_groups.counted_persons, as the frames
        read them): the persons named together before, outside the speaker's ``own_side``; the first
        stands for them, ``group_members`` gives them all."""
        if self._token_index is None:
            return None
        ids = [i for i, _ in counted_persons(self._token_index, token, "person") if self._outside(i, own_side)]
        if not ids or self.gaz.entities.get(ids[0]) is None:
            return None
        end = token.idx + len(token.text)
        self.counted_groups[end] = ids
        return Mention(token.idx, end, ids[0], self.gaz.entities[ids[0]].type, token.text, "group-ref")

    def group_members(self, mention: Mention) -> list[str]:
        """Every actor a description stands for ("the two governments", "the pair": both)."""
        if mention.kind != "group-ref":
            return [mention.entity]
        return self.counted_groups.get(mention.end) or self.group_ids(mention.end)
