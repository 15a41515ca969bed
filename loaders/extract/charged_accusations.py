"""An accusation that is a coded Charge is not also a Statement: "Prosecutors had accused X of paying for
a plot", "X is accused by U.S. prosecutors of taking bribes".  The codebook makes "accused by prosecutors
of ..." a Charge (the frames code it: ``frames.yaml``, Charge, the ``accuse`` triggers by prosecuting
bodies or of a crime); the Statement coder, reading the same verb as a speech verb, proposed the
prosecutors' words about the accused as well.  One verb tells one act: where the Statement's speech verb
is the very trigger of a Charge the extractor coded, the Statement goes.  A government's accusation the
frames leave to the Statement coder ("accused the West of meddling") has no Charge there and stays, as
do remarks about a charge told by other verbs ("called the charges politically motivated").
"""

from __future__ import annotations

#: the acts whose trigger, read as a speech verb, makes no Statement besides them
ACCUSATION_ACTS = frozenset({"Charge"})


def accusations_charged(events: list) -> list:
    """``events`` without the Statements whose speech verb is the trigger of a coded Charge."""
    charged = {e.told_at for e in events if e.type in ACCUSATION_ACTS and e.told_at >= 0}
    return [e for e in events if not (e.type == "Statement" and e.spoken_at >= 0 and e.spoken_at in charged)]
