"""Invented people and the changing cast of a board.

Names are built from syllables so that they never copy a real person's name. A ``Cast`` holds
the posts of one body (a rank, a role and the person holding it) and changes over time: acting
officers are confirmed (``A/DCC`` -> ``DCC``), people leave and are replaced.

    >>> import random
    >>> names = NameMaker(random.Random(1))
    >>> first, last = names.new()
    >>> first[0].isupper() and last[0].isupper()
    True
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST_NAMES = (
    "Alice Amir Anna Arthur Beatrice Ben Carla Conor Daisy Darren Edith Elliot Fay Felix Gemma Gareth "
    "Hannah Hugo Imogen Isaac Jasmine Jonah Karen Kieran Lena Lewis Maria Miles Nadia Neil Olive Owen "
    "Petra Philip Quentin Rachel Rhys Sabrina Simon Tamsin Theo Ursula Victor Wendy Warren Yasmin Zachary"
).split()
_STEMS = "Ash Brad Cor Dun Elm Fen Gar Hal Kem Lind Mar Nor Pen Ross Stan Thorn Wel Yar Brom Cres".split()
_ENDS = "by ford wick ton ley more well field hurst ridge wood combe stock thorpe".split()
SURNAMES = tuple(s + e for s in _STEMS for e in _ENDS)


class NameMaker:
    """Draws invented (first, last) names; a surname is never reused within one maker, so a
    surname alone ("ACC Penwick") names one person of a body."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._used: set[str] = set()

    def new(self) -> tuple[str, str]:
        for _ in range(50):
            last = self._rng.choice(SURNAMES)
            if last not in self._used:
                break
        else:  # a body with hundreds of people: allow a double-barrelled surname
            last = f"{self._rng.choice(SURNAMES)}-{self._rng.choice(SURNAMES)}"
        self._used.add(last)
        return self._rng.choice(FIRST_NAMES), last


@dataclass
class Person:
    first: str
    last: str
    rank: str | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def ranked(self) -> str:
        """"ACC Daniel Okafor" (just the name when there is no rank)."""
        return f"{self.rank} {self.name}" if self.rank else self.name


@dataclass
class Post:
    """A seat at the table: its role and the rank a holder normally has."""

    role: str
    rank: str | None
    holder: Person
    #: the post is being filled on an acting basis ("A/DCC") until ``confirm_at`` meetings pass
    confirm_in: int = 0


@dataclass
class Cast:
    """The posts of one body. ``step`` moves it on by one meeting."""

    posts: list[Post]
    names: NameMaker
    events: list[str] = field(default_factory=list)

    def step(self, rng: random.Random, leave_chance: float = 0.03) -> None:
        """Confirm acting holders whose time has come; now and then someone leaves and an acting
        successor ("A/" + rank) takes the post."""
        for post in self.posts:
            if post.confirm_in > 0:
                post.confirm_in -= 1
                if post.confirm_in == 0:
                    post.holder.rank = post.rank
                    self.events.append(f"confirmed {post.holder.name} as {post.rank}")
            elif rng.random() < leave_chance:
                first, last = self.names.new()
                acting = post.rank is not None and post.rank in ACTING_RANKS and rng.random() < 0.6
                rank = f"A/{post.rank}" if acting else post.rank
                self.events.append(f"{post.holder.name} left; {first} {last} took {post.role}")
                post.holder = Person(first, last, rank)
                post.confirm_in = rng.randint(3, 8) if acting else 0


#: ranks that are filled on an acting basis before a holder is confirmed
ACTING_RANKS = {"DCC", "ACC", "DCO", "ACO"}


def new_cast(rng: random.Random, posts: list[tuple[str | None, str]]) -> Cast:
    """A cast for ``posts`` given as (rank, role) pairs."""
    names = NameMaker(rng)
    return Cast([Post(role, rank, Person(*names.new(), rank)) for rank, role in posts], names)
