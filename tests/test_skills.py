"""Tests for the skills taxonomy and whole-word skill matching."""

from resume.skills import (
    canonical_skill,
    find_skills,
    normalise_skills,
    same_skill,
    taxonomy_size,
)


def test_taxonomy_has_at_least_a_thousand_skills():
    assert taxonomy_size() >= 1000


def test_aliases_map_to_canonical_names():
    assert canonical_skill("JS") == "JavaScript"
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("Postgres") == "PostgreSQL"
    assert canonical_skill("ReactJS") == "React"
    assert canonical_skill("React.js") == "React"
    assert canonical_skill("NodeJS") == "Node.js"
    assert canonical_skill("node") == "Node.js"
    assert canonical_skill("golang") == "Go"


def test_canonical_skill_ignores_case_spacing_and_punctuation():
    assert canonical_skill("PYTHON") == "Python"
    assert canonical_skill("vue js") == "Vue.js"
    assert canonical_skill("  Docker  ") == "Docker"


def test_unknown_names_are_none():
    assert canonical_skill("Underwater Basket Weaving") is None
    assert canonical_skill("") is None


def test_java_is_not_found_inside_javascript():
    assert find_skills("Five years of JavaScript and TypeScript.") == ["JavaScript", "TypeScript"]


def test_symbol_names_match_whole():
    found = find_skills("Built services in C++, C# and .NET, an ASP.NET site, Node.js and CI/CD.")
    for name in ("C++", "C#", ".NET", "ASP.NET", "Node.js", "CI/CD"):
        assert name in found
    assert "Node.js" in find_skills("Ported the app from Objective-C to Swift and Node.js.")
    assert "Objective-C" in find_skills("Ported the app from Objective-C to Swift and Node.js.")


def test_c_is_not_taken_from_c_level_or_letters():
    found = find_skills("Got C-level buy-in. Grade: C. Plan A, plan B and plan C.")
    assert "C" not in found


def test_go_needs_context():
    assert "Go" not in find_skills("We go to the office. Let's go!")
    assert "Go" not in find_skills("Go to market in Q3.")
    assert "Go" in find_skills("Wrote microservices in Go.")
    assert "Go" in find_skills("Python, Go, Rust")
    assert "Go" in find_skills("Senior Go developer")


def test_r_and_swift_need_context():
    assert "R" not in find_skills("R. Smith wrote the report.")
    assert "R" in find_skills("Statistics in R and Python")
    assert "Swift" not in find_skills("A swift response to incidents.")
    assert "Swift" in find_skills("iOS apps with Swift, SwiftUI and Objective-C")


def test_everyday_words_are_not_skills_in_prose():
    found = find_skills("We excel at training people and the sales team helped.")
    assert "Excel" not in found
    assert "Training" not in found
    assert "Sales" not in found


def test_order_is_by_count_then_position():
    text = "Docker first. Then Python. Python again, and Python. Docker twice."
    assert find_skills(text) == ["Python", "Docker"]


def test_empty_and_hostile_text():
    assert find_skills("") == []
    assert find_skills("+++ ### ... /// ---") == []
    assert find_skills("x" * 10000) == []


def test_everyday_words_in_prose_are_not_skills():
    text = "Solid knowledge of Python; make sure the service works; a product team building an app."
    assert find_skills(text) == ["Python"]


def test_marked_names_still_count_as_written():
    found = find_skills("We follow SOLID principles and build with GNU Make and Django REST.")
    assert {"SOLID", "Make", "Django REST Framework"} <= set(found)


def test_django_rest_spellings_are_one_skill():
    assert canonical_skill("Django REST") == canonical_skill("DRF") == "Django REST Framework"


def test_normalise_skills_trims_drops_empty_and_case_repeats_keeping_first_spelling() -> None:
    names = ["  Python ", "", "   ", "python", "Machine   Learning", "k8s", "Kubernetes", "PYTHON"]
    assert normalise_skills(names) == ["Python", "Machine Learning", "k8s", "Kubernetes"]


def test_same_skill_sees_aliases_case_and_punctuation_as_one() -> None:
    assert same_skill("k8s", "Kubernetes")
    assert same_skill("Power BI", "powerbi")
    assert same_skill("Amazon Web Services", "AWS")
    assert not same_skill("C", "C++")
    assert not same_skill("Java", "JavaScript")
    # Names with no Latin letter or digit identify nothing, so they never match each other.
    assert not same_skill("Русский", "Deutsch")
