"""One resolver per claim attribute: pure functions of a :class:`~..context.Context`.

Each module reads one attribute of the claim an amount makes (``relevance``: is it a trade
value of the pair at all; ``direction``; ``quantity``; ``bound``; ``balance``; ``share``;
``period``; ``base_period``; ``reporter``; ``scope``). None keeps state: a resolver sees the
immutable document and the amount's context and returns a value, or None when the text does
not say (the caller then lists the field in ``Claim.unsure``).
"""
