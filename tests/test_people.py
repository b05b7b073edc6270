"""People resolution: every variant of one person is one id; different people never merge."""

from __future__ import annotations

from transforms.people import Attendee, Mention, first_names_compatible, resolve, resolve_owner


def ids(*names: str, context: str = "") -> list[str | None]:
    return resolve([Mention(n, context) for n in names])


def test_short_and_full_first_names_are_one_person():
    a, b = ids("Pete Varnham", "Peter Varnham")
    assert a == b == "person/peter-varnham"


def test_rank_words_are_not_part_of_the_name_so_rank_changes_do_not_split():
    # names arrive without rank ("A/DCC Tessa Ellwood" -> "Tessa Ellwood"); a bare surname joins her
    a, b = ids("Tessa Ellwood", "Ellwood")
    assert a == b == "person/tessa-ellwood"


def test_bare_surname_with_a_title_resolves_to_the_full_name():
    a, b = ids("Jonah Bexley", "Bexley")
    assert a == b


def test_initial_joins_the_only_matching_person():
    a, b = ids("A Hesketh", "Adam Hesketh")
    assert a == b == "person/adam-hesketh"


def test_same_surname_different_first_names_stay_apart():
    a, b = ids("Simeon Wilby", "Stuart Wilby")
    assert a != b
    assert {a, b} == {"person/simeon-wilby", "person/stuart-wilby"}


def test_an_initial_that_fits_two_people_is_not_merged_into_either():
    adrian, alan, a = ids("Adam Hesketh", "Alan Hesketh", "A Hesketh")
    assert a not in (adrian, alan)


def test_one_written_name_is_one_person_even_when_its_initial_is_ambiguous():
    # "A Hesketh" fits both Adam and Alan, so it stands apart from them, but every mention of it
    # is the same unknown person (it was once split into a-hesketh and a-hesketh-2)
    adam, alan, first, second = ids("Adam Hesketh", "Alan Hesketh", "A Hesketh", "A Hesketh")
    assert first == second == "person/a-hesketh"
    assert len({adam, alan, first}) == 3


def test_a_bare_surname_shared_by_two_people_is_left_unresolved():
    simon, stuart, bare = ids("Simeon Wilby", "Stuart Wilby", "Wilby")
    assert bare is None


def test_a_bare_surname_resolves_within_its_own_context():
    out = resolve([Mention("Simeon Wilby", "Kent Police"), Mention("Stuart Wilby", "Essex Panel"),
                   Mention("Wilby", "Kent Police")])
    assert out[2] == out[0]


def test_short_form_table_and_prefix_rule():
    assert first_names_compatible("rob", "robert")
    assert first_names_compatible("chris", "christopher")
    assert not first_names_compatible("simon", "stuart")
    assert not first_names_compatible("jo", "john")


def test_owner_resolution_by_name_surname_or_role():
    people = [Attendee("person/neil-brockway", "Neil Brockway", "Assistant Chief Constable", "Central Operations"),
              Attendee("person/tim-smith", "Tam Smyth", "Chief Constable", "Chief Constable"),
              Attendee("person/simeon-allard", "Simeon Allard", "Chief Superintendent", "Rep: Central Operations")]
    assert resolve_owner("Neil Brockway", people) == "person/neil-brockway"
    assert resolve_owner("T/CS Allard", people) == "person/simeon-allard"
    assert resolve_owner("Chief Constable", people) == "person/tim-smith"
    assert resolve_owner("OPCC", people) is None
    assert resolve_owner("Kevin Brockway", people) is None


def test_particles_stay_with_the_surname():
    from transforms.people import resolve, split_name

    assert split_name("Jan van Dijk") == (("jan",), "van dijk")
    assert split_name("Van Dijk") == ((), "van dijk")
    mentions = [Mention("Jan van Dijk", "m1"), Mention("van Dijk", "m1")]
    assert resolve(mentions) == ["person/jan-van-dijk", "person/jan-van-dijk"]


def test_one_name_in_two_organisations_is_two_people():
    out = resolve([Mention("Jo Bloggs", "Westbury Council", "Westbury Council"),
                   Mention("Jo Bloggs", "Westbury Council", "Westbury Council"),
                   Mention("Jo Bloggs", "Northvale Police", "Northvale Police"),
                   Mention("Jo Bloggs", "Audit Board")])  # no organisation: nothing says which
    assert out == ["person/jo-bloggs", "person/jo-bloggs", "person/jo-bloggs-northvale-police",
                   "person/jo-bloggs"]
    # the same name with one organisation, or none, stays one person
    assert len(set(resolve([Mention("Jo Bloggs", "a", "Westbury Council"), Mention("Jo Bloggs", "b")]))) == 1


def test_one_organisation_written_two_ways_is_one():
    out = resolve([Mention("Al Penn", "x", "Commissioner's Office"), Mention("Al Penn", "x", "Commissioner’s Office")])
    assert out == ["person/al-penn", "person/al-penn"]


def test_post_nominals_and_particles_in_person_ids():
    # "Alan Hale QPM" is Alan Hale; "Jan van Dijk" keeps the particle in the surname
    hale, hale_bare, dijk = ids("Alan Hale QPM", "Alan Hale", "Jan van Dijk")
    assert hale == hale_bare == "person/alan-hale"
    assert dijk == "person/jan-van-dijk"
