"""People resolution: every variant of one person is one id; different people never merge."""

from __future__ import annotations

from transforms.people import Attendee, Mention, first_names_compatible, resolve, resolve_owner


def ids(*names: str, context: str = "") -> list[str | None]:
    return resolve([Mention(n, context) for n in names])


def test_short_and_full_first_names_are_one_person():
    a, b = ids("Pete Steenhuis", "Peter Steenhuis")
    assert a == b == "person/peter-steenhuis"


def test_rank_words_are_not_part_of_the_name_so_rank_changes_do_not_split():
    # names arrive without rank ("A/DCC Tracey Harman" -> "Tracey Harman"); a bare surname joins her
    a, b = ids("Tracey Harman", "Harman")
    assert a == b == "person/tracey-harman"


def test_bare_surname_with_a_title_resolves_to_the_full_name():
    a, b = ids("Jonathan Castle", "Castle")
    assert a == b


def test_initial_joins_the_only_matching_person():
    a, b = ids("A Harper", "Adrian Harper")
    assert a == b == "person/adrian-harper"


def test_same_surname_different_first_names_stay_apart():
    a, b = ids("Simon Wilson", "Stuart Wilson")
    assert a != b
    assert {a, b} == {"person/simon-wilson", "person/stuart-wilson"}


def test_an_initial_that_fits_two_people_is_not_merged_into_either():
    adrian, alan, a = ids("Adrian Harper", "Alan Harper", "A Harper")
    assert a not in (adrian, alan)


def test_a_bare_surname_shared_by_two_people_is_left_unresolved():
    simon, stuart, bare = ids("Simon Wilson", "Stuart Wilson", "Wilson")
    assert bare is None


def test_a_bare_surname_resolves_within_its_own_context():
    out = resolve([Mention("Simon Wilson", "Kent Police"), Mention("Stuart Wilson", "Essex Panel"),
                   Mention("Wilson", "Kent Police")])
    assert out[2] == out[0]


def test_short_form_table_and_prefix_rule():
    assert first_names_compatible("rob", "robert")
    assert first_names_compatible("chris", "christopher")
    assert not first_names_compatible("simon", "stuart")
    assert not first_names_compatible("jo", "john")


def test_owner_resolution_by_name_surname_or_role():
    people = [Attendee("person/nigel-brookes", "Nigel Brookes", "Assistant Chief Constable", "Central Operations"),
              Attendee("person/tim-smith", "Tim Smith", "Chief Constable", "Chief Constable"),
              Attendee("person/simon-alland", "Simon Alland", "Chief Superintendent", "Rep: Central Operations")]
    assert resolve_owner("Nigel Brookes", people) == "person/nigel-brookes"
    assert resolve_owner("T/CS Alland", people) == "person/simon-alland"
    assert resolve_owner("Chief Constable", people) == "person/tim-smith"
    assert resolve_owner("OPCC", people) is None
    assert resolve_owner("Kevin Brookes", people) is None
