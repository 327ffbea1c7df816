"""Tests for resume parsing: sections, skills lists, years of work and entry lists."""

from datetime import date
from pathlib import Path

import pytest

from resume.parse import parse_resume
from resume.sections import heading_name, split_sections

TODAY = date(2026, 11, 24)
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Experience", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience", "experience"),
        ("Employment History", "experience"),
        ("Work  History:", "experience"),
        ("Work Experience(5)", "experience"),
        ("S K I L L S", "skills"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("Projects", "projects"),
        ("Personal Projects", "projects"),
        ("Certifications", "certifications"),
        ("Licenses & Certifications", "certifications"),
        ("E D U C A T I O N", "education"),
        ("Internships", "internships"),
        ("About Experience", "experience"),  # two columns' headings side by side
    ],
)
def test_heading_spellings(line, name):
    assert heading_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "I have experience with many projects and skills.",
        "Skills: Python, Go",
        "projects",  # a wrapped word in prose, not a heading
        "Experience in 2019",
        "",
    ],
)
def test_sentences_and_labels_are_not_headings(line):
    assert heading_name(line) is None


def test_sections_in_document_order_with_preamble():
    text = "Jane Doe\njane@example.com\nSUMMARY\nBuilder.\nEXPERIENCE\nAcme 2019 - 2020\nSKILLS\nGo"
    sections = split_sections(text)
    assert [s.name for s in sections] == ["other", "summary", "experience", "skills"]
    assert sections[0].heading == ""
    assert sections[2].text == "Acme 2019 - 2020"


RESUME = """Alex Example
alex@example.com
Summary
Backend engineer with 6+ years of experience.
Work Experience
Acme Corp
Senior Software Engineer
Mar 2021 - Present
Built services in Go and Python on AWS.
Globex
Software Engineer
Jan 2018 - Jun 2021
Maintained Java services.
Initech
Software Engineer Intern
Jun 2017 - Aug 2017
Wrote tests.
Education
Stanford University
BS Computer Science
2013 - 2017
Skills
Python (Expert), Go, Kubernetes, k8s, Advanced SQL
Intermediate: Terraform
Team leadership and mentoring of junior engineers across three offices worldwide
Projects
Tiny Compiler
A compiler for a toy language, written in Rust.
Weather Bot
A chat bot that reports the weather.
Certifications
AWS Certified Solutions Architect – Associate
Certified Kubernetes Administrator (CKA)
"""


@pytest.fixture(scope="module")
def parsed():
    return parse_resume(RESUME, today=TODAY)


def test_overlapping_jobs_are_merged_and_education_is_not_work(parsed):
    # Jan 2018 .. Nov 2026 without double-counting Mar..Jun 2021; 2013-2017 is study.
    assert parsed.experience_years_exact == pytest.approx(8.83, abs=0.01)
    assert parsed.experience_years == 8


def test_internships_are_counted_apart(parsed):
    assert parsed.internships == ["Software Engineer Intern"]
    assert parsed.internship_years == pytest.approx(2 / 12, abs=0.01)


def test_skills_section_is_cleaned(parsed):
    skills = parsed.skills
    assert "Python" in skills and "Go" in skills and "Terraform" in skills
    assert "Kubernetes" in skills
    assert "k8s" not in skills  # the alias folds into its canonical name
    assert not any("Expert" in s or "Intermediate" in s or "Advanced" in s for s in skills)
    assert all(len(s) <= 40 and len(s.split()) <= 4 for s in skills)
    lower = [s.lower() for s in skills]
    assert len(lower) == len(set(lower))


def test_projects_certifications_education(parsed):
    assert parsed.projects == ["Tiny Compiler", "Weather Bot"]
    assert parsed.certifications == [
        "AWS Certified Solutions Architect – Associate",
        "Certified Kubernetes Administrator (CKA)",
    ]
    assert parsed.education == ["Stanford University — BS Computer Science"]


def test_stated_years_used_only_without_dates():
    text = "Summary\nData engineer with 9+ years of experience in Spark.\nSkills\nSpark, SQL"
    assert parse_resume(text, today=TODAY).experience_years == 9
    dated = text + "\nExperience\nAcme\nJan 2024 - Jan 2025"
    assert parse_resume(dated, today=TODAY).experience_years == 1


def test_internship_section_counts_apart():
    text = (
        "Experience\nEngineer, Acme\n2020 - 2022\n"
        "Internships\nResearch Assistant, Lab\nJun 2019 - Sep 2019\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.experience_years_exact == pytest.approx(2.0)
    assert parsed.internship_years == pytest.approx(0.25)


def test_sidebar_skills_list_without_heading_is_found():
    lines = ["Pat Doe", "About", "Berlin DE", "pat@example.com"]
    lines += ["Kubernetes", "Docker", "Terraform", "Ansible", "Grafana", "Prometheus", "Linux"]
    lines += ["Summary", "I keep systems running."]
    skills = parse_resume("\n".join(lines), today=TODAY).skills
    assert {"Kubernetes", "Docker", "Terraform", "Grafana"} <= set(skills)
    assert "pat@example.com" not in skills and "Berlin DE" not in skills


def test_empty_text_parses_to_empty_lists():
    parsed = parse_resume("", today=TODAY)
    assert parsed.skills == [] and parsed.projects == [] and parsed.education == []
    assert parsed.experience_years == 0 and parsed.experience_years_exact == 0.0


def test_hostile_text_does_not_crash():
    junk_line = "– – 2019 — — Present ::: (cid:3) \u0000\n"
    text = "Experience\n" + junk_line * 500 + "Skills\n" + "," * 999
    parsed = parse_resume(text, today=TODAY)
    assert parsed.experience_years_exact == pytest.approx(7.9, abs=0.1)
    assert parsed.skills == []


@pytest.mark.skipif(not (DEV / "048.pdf").exists(), reason="dev set not present")
def test_real_dev_resume_through_extraction():
    from resume.extract import extract_text

    parsed = parse_resume(extract_text(DEV / "048.pdf", "pdf"), today=TODAY)
    names = [s.name for s in parsed.sections]
    assert {"skills", "experience", "projects", "education"} <= set(names)
    assert {"TypeScript", "JavaScript", "Python", "C#", "Java", "Node.js", "Android", "React"} <= {
        s if s != "Typescript" else "TypeScript" for s in parsed.skills
    }
    assert len(parsed.internships) == 4
    assert "Big Island Buses" in parsed.projects
    assert any("University of British Columbia" in e for e in parsed.education)
    # One non-intern job, Oct 2009 - Aug 2015, plus four internships counted apart.
    assert parsed.experience_years == 5
    assert parsed.internship_years > 1


CLASSIC = """JOHN PUBLIC
Seattle, WA | (206) 555-0100 | john@example.com

TECHNICAL SKILLS
Languages: Python, Java, Go
Cloud & DevOps: AWS (EC2, S3), Docker, Kubernetes
Spoken: English (native), Spanish (B2)

PROFESSIONAL EXPERIENCE
Microsoft, Redmond, WA
Software Engineer II, 06/2016 - 12/2019
• Built Azure DevOps features in C# and .NET Core.

EDUCATION
B.S. in Computer Science, University of Washington, 2012 – 2016

PROJECTS
OpenTracer — an open-source tracing library (github.com/jqp/opentracer)
• 2k stars.
ChessBot: a chess engine in Rust.
"""


def test_classic_single_column_resume():
    parsed = parse_resume(CLASSIC, today=TODAY)
    assert {"Python", "Java", "Go", "AWS (EC2, S3)", "Docker", "Kubernetes"} <= set(parsed.skills)
    assert {"C#", ".NET Core"} <= set(parsed.skills)  # named in the work history
    assert "Languages" not in parsed.skills and "Cloud & DevOps" not in parsed.skills
    assert not any(s.startswith(("English", "Spanish")) for s in parsed.skills)
    assert parsed.experience_years_exact == pytest.approx(3.5)
    assert parsed.education == ["University of Washington — B.S. in Computer Science"]
    assert parsed.projects == ["OpenTracer", "ChessBot"]


def test_linkedin_style_export():
    text = (
        "Contact\nwww.linkedin.com/in/alex (LinkedIn)\nTop Skills\nMicroservices\n"
        "Go (Programming Language)\nAlex Kim\nExperience\nShopify\nBackend Engineer\n"
        "October 2021 - Present (5 years 2 months)\nWattpad\nSoftware Engineering Intern\n"
        "May 2017 - August 2017 (4 months)\nEducation\nUniversity of Waterloo\n"
        "Bachelor of Applied Science - BASc, Computer Engineering · (2013 - 2018)\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert "Go" in parsed.skills and "Microservices" in parsed.skills
    assert parsed.experience_years == 5
    assert parsed.internships == ["Software Engineering Intern"]
    assert parsed.internship_years == pytest.approx(0.25)
    assert parsed.education[0].startswith("University of Waterloo — Bachelor of Applied Science")


def test_docx_with_a_table_layout(tmp_path):
    docx = pytest.importorskip("docx")
    from resume.extract import extract_text

    doc = docx.Document()
    doc.add_paragraph("Sam Lee")
    doc.add_heading("EXPERIENCE", 1)
    table = doc.add_table(rows=2, cols=2)
    rows = [
        ("2019 – present", "Staff Engineer, Stripe\nPayments infrastructure in Ruby and Go."),
        ("Summer 2015 – Fall 2015", "Software Engineering Intern, Facebook\nReact Native."),
    ]
    for row, (when, what) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = when, what
    doc.add_heading("SKILLS", 1)
    doc.add_paragraph("Go, Ruby, Rust, Python")
    path = tmp_path / "table.docx"
    doc.save(path)
    parsed = parse_resume(extract_text(path, "docx"), today=TODAY)
    assert parsed.experience_years == 7  # Jan 2019 .. Nov 2026
    assert parsed.internships == ["Software Engineering Intern, Facebook"]
    assert parsed.internship_years == pytest.approx(0.25)
    assert {"Go", "Ruby", "Rust", "Python"} <= set(parsed.skills)


def test_lower_case_headings_only_after_a_break():
    text = "Sam\n\nexperience\nAcme 2019 - 2021\n\nskills\nPython, Go\n"
    assert [s.name for s in split_sections(text)] == ["other", "experience", "skills"]
    wrapped = "Summary\nOwned the marketing roadmap for blockchain\nprojects across Asia.\n"
    assert [s.name for s in split_sections(wrapped)] == ["summary"]


def test_keyword_lines_in_any_case():
    text = "Skills\naws digitalocean vps\nc# Razor SSRS\nPython and Django\n"
    skills = parse_resume(text, today=TODAY).skills
    assert {"AWS", "DigitalOcean", "vps", "C#", "Razor", "SSRS", "Python", "Django"} <= set(skills)
    assert "and" not in skills


def test_two_column_pdf_with_a_sidebar(tmp_path):
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pagesizes import A4

    from resume.extract import extract_text

    path = tmp_path / "sidebar.pdf"
    pdf = canvas_mod.Canvas(str(path), pagesize=A4)
    width, height = A4

    def column(x: float, lines: list[str]) -> None:
        y = height - 120
        for line in lines:
            bold = line.isupper()
            pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 12 if bold else 10)
            pdf.drawString(x, y, line)
            y -= 18 if bold else 14

    column(40, ["SKILLS", "React", "TypeScript", "GraphQL", "Cypress", "", "LANGUAGES", "Hindi"])
    column(
        220,
        [
            "EXPERIENCE",
            "Senior Frontend Engineer",
            "Razorpay | Mar 2021 – Present",
            "Built the merchant dashboard in React.",
            "",
            "Web Development Intern",
            "Zomato | Jan 2018 – Jun 2018",
            "",
            "EDUCATION",
            "Pune Institute of Computer Technology",
            "B.E. Computer Engineering, 2014 – 2018",
        ],
    )
    pdf.save()
    parsed = parse_resume(extract_text(path, "pdf"), today=TODAY)
    assert {"React", "TypeScript", "GraphQL", "Cypress"} <= set(parsed.skills)
    assert "Hindi" not in parsed.skills
    assert parsed.experience_years == 5  # Mar 2021 .. Nov 2026; study and internship apart
    assert parsed.internships == ["Web Development Intern"]
    assert parsed.education == ["Pune Institute of Computer Technology — B.E. Computer Engineering"]


def test_area_subheadings_in_a_skills_list_are_not_skills():
    text = "Skills\nFrontend\nReact, Angular, TypeScript\nBackend\nKotlin, Java\nDevOps\n"
    skills = parse_resume(text, today=TODAY).skills
    assert "Frontend" not in skills and "Backend" not in skills
    assert {"React", "Angular", "TypeScript", "Kotlin", "Java", "DevOps"} <= set(skills)


def test_mentions_beside_a_full_skills_list_need_two_mentions():
    listed = ", ".join(
        ["Python", "Go", "Rust", "Java", "Kotlin", "Scala", "SQL", "Docker", "Kubernetes"]
        + ["Terraform", "Ansible", "Git"]
    )
    work = "Experience\nAcme 2020 - 2022\nUsed Jenkins once. Tuned Kafka; ran Kafka clusters.\n"
    skills = parse_resume(f"Skills\n{listed}\n{work}", today=TODAY).skills
    assert "Kafka" in skills and "Jenkins" not in skills
    few = parse_resume(f"Skills\nPython, Go\n{work}", today=TODAY).skills
    assert {"Kafka", "Jenkins"} <= set(few)


def test_certificate_issuer_lines_join_their_certificate():
    text = (
        "Certificates\nDesign Thinking in 3 Steps\nUdemy\nAWS Concepts\nIssued by Coursera\nITIL\n"
    )
    assert parse_resume(text, today=TODAY).certifications == [
        "Design Thinking in 3 Steps — Udemy",
        "AWS Concepts — Coursera",
        "ITIL",
    ]


def test_project_dates_with_a_printed_length_leave_only_the_names() -> None:
    text = (
        "Projects\n"
        "ledgerlint\n"
        "Jan, 2021 - Present\n"
        "Static checker for bookkeeping invariants.\n"
        "Rate Limiter Toolkit\n"
        "May, 2019 - Dec, 2019 7 months\n"
        "Token bucket limiters for Go services.\n"
        "Hackathon Bot\n"
        "Mar, 2023 - Mar, 2023 1 day\n"
        "Discord bot for team matching.\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.projects == ["ledgerlint", "Rate Limiter Toolkit", "Hackathon Bot"]


def test_undated_detail_line_is_not_a_project_where_names_carry_dates() -> None:
    text = (
        "Projects\n"
        "ledgerlint\n"
        "2021 - Present\n"
        "Static checker for bookkeeping invariants.\n"
        "400 stars on GitHub\n"
        "Rate Limiter Toolkit\n"
        "2019 - 2020\n"
        "Token bucket limiters.\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.projects == ["ledgerlint", "Rate Limiter Toolkit"]


def test_undated_project_list_still_splits_on_title_lines() -> None:
    text = (
        "Projects\n"
        "Weather Bot\n"
        "Posts the forecast to chat every morning.\n"
        "Tiny Compiler\n"
        "Compiles a subset of C to WebAssembly.\n"
    )
    assert parse_resume(text, today=TODAY).projects == ["Weather Bot", "Tiny Compiler"]


def test_listed_skill_keeps_the_resumes_own_whole_word_name() -> None:
    text = "Skills\nRoadmapping, Postgres, JS, k8s, javascript\n"
    skills = parse_resume(text, today=TODAY).skills
    # Whole words stay as written, shorthand and case variants take the canonical name.
    assert skills[:2] == ["Roadmapping", "Postgres"]
    assert "JavaScript" in skills and "Kubernetes" in skills
    assert not {"JS", "k8s", "javascript"} & set(skills)


def test_lone_start_after_every_finished_job_is_the_current_job() -> None:
    text = (
        "Experience\n"
        "Acme | Platform Team Lead Nov 2023\n"
        "Lead a team of six engineers\n"
        "Acme | Site Reliability Engineer Mar 2019 - Oct 2023\n"
        "Ran production clusters\n"
    )
    parsed = parse_resume(text, today=TODAY)
    # Mar 2019 - Oct 2023 (55 months), then the lone Nov 2023 start to today (36 months).
    assert parsed.experience_years_exact == pytest.approx(91 / 12, abs=0.01)


def test_lone_date_before_a_finished_job_or_in_a_bullet_is_not_a_current_job() -> None:
    older = (
        "Experience\n"
        "Globex | Consultant Jan 2015\n"
        "Acme | Engineer Mar 2019 - Oct 2023\n"
        "- Promoted to senior in Jan 2024 after the platform launch\n"
    )
    assert parse_resume(older, today=TODAY).experience_years_exact == pytest.approx(
        4 + 7 / 12, abs=0.01
    )


def test_written_zero_length_range_is_not_extended_to_today() -> None:
    text = "Experience\nCTO at Datarize Jun 2025 - Jun 2025\nAcme | Engineer Mar 2019 - Oct 2023\n"
    assert parse_resume(text, today=TODAY).experience_years_exact == pytest.approx(
        4 + 7 / 12, abs=0.01
    )


def test_skills_and_tech_heading_opens_the_skills_section() -> None:
    text = "Skills and Tech\nData: SQL, Apache Spark, Airflow.\nProgramming: Python, R.\n"
    skills = parse_resume(text, today=TODAY).skills
    assert {"SQL", "Apache Spark", "Airflow", "Python", "R"} <= set(skills)


def test_tab_separated_tags_and_tab_labelled_lists_are_split() -> None:
    text = (
        "Skills\nCritical Care\tPatient Education\tIV Therapy\nENGINEERING\tPython, Docker, ONNX\n"
    )
    skills = parse_resume(text, today=TODAY).skills
    assert skills[:3] == ["Critical Care", "Patient Education", "IV Therapy"]
    assert {"Python", "Docker", "ONNX"} <= set(skills)
    assert "ENGINEERING" not in skills
    assert not any("\t" in s for s in skills)


def test_tab_between_entry_and_dates_does_not_hide_the_dates() -> None:
    text = (
        "Education\nDelft University of Technology\tSep 2015 - Dec 2017\nMSc Computer Science\n"
        "Languages\nEnglish\tDutch\tYoruba\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.education == ["Delft University of Technology — MSc Computer Science"]


def test_lone_year_in_the_year_the_last_job_ended_is_the_current_job() -> None:
    text = "Experience\nCremona Tech | Test Lead 2024\nVetrina | QA Engineer 2019 - 2024\n"
    # 2019-2024 (5 years), then the lone 2024 start runs on to Nov 2026.
    assert parse_resume(text, today=TODAY).experience_years_exact == pytest.approx(
        7 + 10 / 12, abs=0.01
    )


def test_skill_names_holding_a_level_word_are_kept_whole() -> None:
    text = "Skills\nMachine Learning, React Native, BASIC\nPython (Advanced), Go - Intermediate\n"
    skills = parse_resume(text, today=TODAY).skills
    assert {"Machine Learning", "React Native", "BASIC", "Python", "Go"} <= set(skills)
    assert not {"Machine", "React", "Advanced", "Intermediate"} & set(skills)


def test_lone_group_word_is_not_a_skill_but_a_skill_holding_it_is() -> None:
    text = "Skills\nProcess\nJira\nAgile\nMethods\nScrum\nAI Tooling\nBusiness Processes\n"
    skills = parse_resume(text, today=TODAY).skills
    assert {"Jira", "Scrum", "AI Tooling", "Business Processes"} <= set(skills)
    assert not {"Process", "Methods"} & set(skills)


def test_skill_groups_above_a_tools_heading_join_the_skills_list() -> None:
    text = (
        "About\nToronto ON\nmarcus@example.com\nProduct\nProduct Strategy\nRoadmapping\n"
        "A/B Testing\nUser Interviews\nTools\nJira\nConfluence\nLooker\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert {"Product Strategy", "Roadmapping", "A/B Testing", "User Interviews", "Jira"} <= set(
        parsed.skills
    )
    assert not any("@" in s or "Toronto" in s for s in parsed.skills)


def test_prose_above_a_tools_heading_stays_where_it_is() -> None:
    text = "Summary\nI design payment systems and lead small teams.\nTools\nJira\nGit\n"
    parsed = parse_resume(text, today=TODAY)
    assert parsed.skills[:2] == ["Jira", "Git"]


def test_one_line_projects_each_name_an_entry() -> None:
    text = (
        "Projects\n"
        "Tide Clock – A small tool built with Rust to automate a weekly chore.\n"
        "Recipe Box\n"
        "Lantern — Prototype written over a weekend with Go and HTMX to automate a weekly\n"
        "chore.\n"
        "Parcel Tracker. CLI to follow parcels across carriers.\n"
        "allotment planner\n"
        "\nSkills\nPython\n"
    )
    got = parse_resume(text, today=TODAY).projects
    assert got == ["Tide Clock", "Recipe Box", "Lantern", "Parcel Tracker", "allotment planner"]


def test_projects_with_bullets_are_not_read_as_a_one_line_list() -> None:
    text = (
        "Projects\nTide Clock\n• Built a tide predictor used by 40 sailors.\n"
        "Recipe Box\n• Stored recipes offline.\n"
    )
    assert parse_resume(text, today=TODAY).projects == ["Tide Clock", "Recipe Box"]


def test_a_date_column_read_after_the_work_history_gives_each_title_its_dates() -> None:
    text = (
        "Experience\nSenior Data Engineer\nAcme\nData Engineer\nBeta\nData Intern\nGamma\n"
        "Education\nJan 2020 – Present\nMar 2016 – Dec 2019\nJun 2015 – Aug 2015\n\n"
        "University of Leeds\n2011 – 2015\nBSc Mathematics\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.experience_years == 10  # Mar 2016 to Nov 2026; the internship apart
    assert parsed.internships == ["Data Intern"]
    assert parsed.internship_years == 0.17  # Jun to Aug: two months
    assert parsed.education == ["University of Leeds — BSc Mathematics"]


def test_a_dated_work_history_keeps_the_dates_that_follow_it_out() -> None:
    text = (
        "Experience\nData Engineer, Acme\nJan 2020 – Present\nEducation\n"
        "Mar 2010 – Dec 2013\nJun 2006 – Aug 2010\nUniversity of Leeds\n"
    )
    assert parse_resume(text, today=TODAY).experience_years == 6


def test_one_line_projects_named_as_packages_or_sites() -> None:
    text = (
        "Open Source\nreact-a11y-checklist\npierogi.dev\n"
        "symfony-audit-bundle | Audit log bundle for Symfony.\n\nSkills\nGo\n"
    )
    got = parse_resume(text, today=TODAY).projects
    assert got == ["react-a11y-checklist", "pierogi.dev", "symfony-audit-bundle"]


def test_a_link_under_a_project_is_not_a_project() -> None:
    text = "Projects\nTide Clock\nhttps://github.com/ana/tide-clock\n• Predicts tides.\n"
    assert parse_resume(text, today=TODAY).projects == ["Tide Clock"]


def test_one_line_projects_with_a_description_line_or_a_wrapped_tail() -> None:
    text = (
        "Apps\nChai Tracker\nKirana Ledger\nOffline-first bookkeeping app prototype.\n"
        "Ledger Lint: CLI to lint ledgers before they are filed.\n"
        "Learn Unity 4 for iOS Game Development — A small tool built with Tcl and\n"
        "Roadmap Ownership.\nPM Interview Notes\n"
    )
    assert parse_resume(text, today=TODAY).projects == [
        "Chai Tracker",
        "Kirana Ledger",
        "Ledger Lint",
        "Learn Unity 4 for iOS Game Development",
        "PM Interview Notes",
    ]


def test_sidebar_school_wrapped_with_its_year_is_one_name() -> None:
    text = (
        "Education\nCIFP Cesar\nManrique | 2016\nBachelor of Engineering\n"
        "Universidade Federal do Rio\nGrande do Sul (UFRGS) |\n2015\nBacharelado em Ciência\n"
    )
    assert parse_resume(text, today=TODAY).education == [
        "CIFP Cesar Manrique — Bachelor of Engineering",
        "Universidade Federal do Rio Grande do Sul (UFRGS) — Bacharelado em Ciência",
    ]


@pytest.mark.parametrize(
    ("degree", "school"),
    [
        ("Bachillerato", "IES Lluís Vives"),
        ("Grado en Ingeniería Informática", "Universitat Politècnica de València"),
        ("Inżynier, Informatyka", "Politechnika Wrocławska"),
    ],
)
def test_non_english_degree_over_its_school(degree: str, school: str) -> None:
    got = parse_resume(f"Education\n{degree}\n{school}\n2010 – 2014\n", today=TODAY).education
    assert got == [f"{school} — {degree}"]


def test_undated_titles_of_a_partly_dated_history_take_the_date_column() -> None:
    text = (
        "Experience\nSenior Developer\tJan 2022 – Jun 2024\nAcme\nPayments on Camel.\n"
        "Developer\tMay 2016 – Feb 2020\nBeta\nStore systems in Spring.\n\n"
        "Software Developer\nCapita\n\nGraduate Developer\nBT Group\n\n"
        "Education\n\nSeptember 2007 – November 2012\nSeptember 2005 – August 2007\n2002 – 2005\n\n"
        "University of Leeds\nBSc Computing\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert parsed.experience_years == 13  # 2005-2012, 2016-2020 and 2022-2024
    assert parsed.education == ["University of Leeds — BSc Computing"]


def test_a_date_column_with_gaps_between_entries_is_one_column() -> None:
    text = (
        "Experience\nIT Manager\nAcme\nSystems Administrator\nBeta\nHelp Desk Analyst\nGamma\n"
        "Education\n\nJan 2014 – May 2018\nMar 2009 – Dec 2013\n\nJul 2005 – Feb 2009\n\n"
        "1995 – 1999\n\nDePaul University\n"
    )
    assert parse_resume(text, today=TODAY).experience_years == 12  # Jul 2005 to May 2018


def test_skill_items_keep_hyphenated_words_and_short_names_their_brackets() -> None:
    text = (
        "Skills\nGo, C (Programming\nLanguage), Python (Programming Language), "
        "Cloud-native Development, Kubernetes - Advanced\n"
    )
    skills = parse_resume(text, today=TODAY).skills
    assert skills[:2] == ["Go", "C (Programming Language)"]
    assert {"Python", "Cloud-native Development", "Kubernetes"} <= set(skills)
    assert not any("Language)" in s or s.startswith("Language") for s in skills[2:])
    assert "Cloud- Development" not in skills


def test_spoken_languages_in_their_own_names_are_not_skills() -> None:
    text = "Skills\nPython, Docker, Español (nativo), Français, Polski, Deutsch\n"
    assert parse_resume(text, today=TODAY).skills == ["Python", "Docker"]


def test_an_entrys_dates_and_place_in_a_skills_list_are_not_skills() -> None:
    text = (
        "Skills\nDec. 2015 – Present\nAustin, TX\nActive Directory, SQL, PowerShell\n"
        "Análise de dados, Desenvolvimento mobile\n"
    )
    skills = parse_resume(text, today=TODAY).skills
    assert skills == [
        "Active Directory",
        "SQL",
        "PowerShell",
        "Análise de dados",
        "Desenvolvimento mobile",
    ]
