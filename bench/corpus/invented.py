"""Invented people with real-world mess, for the corpus (no real person, no public resume).

Long careers, gaps, overlapping jobs, unusual headings, one-line certifications, projects
without descriptions, non-English words in skill lists, two pages of content.
"""

from __future__ import annotations


def J(position, company, start, end, *bullets, location=""):  # noqa: N802
    """Return one job entry."""
    return {
        "position": position,
        "company": company,
        "location": location,
        "start": start,
        "end": end,
        "bullets": list(bullets),
    }


def E(institution, degree, start, end):  # noqa: N802
    """Return one education entry."""
    return {"institution": institution, "degree": degree, "start": start, "end": end}


def C(name, issuer="", date=""):  # noqa: N802
    """Return one certification entry."""
    return {"name": name, "issuer": issuer, "date": date}


def P(name, desc=""):  # noqa: N802
    """Return one project entry."""
    return {"name": name, "desc": desc}


def person(pid, name, title, location, role, headings, groups, jobs, certs, projects, edu, **kw):
    """Return one person in the corpus model."""
    return {
        "id": pid,
        "source": "invented",
        "name": name,
        "email": name.lower().replace(" ", ".") + "@example.net",
        "phone": kw.get("phone", "+44 20 7946 0" + pid[-3:]),
        "location": location,
        "title": title,
        "summary": kw.get("summary", ""),
        "role": role,
        "headings": headings,
        "skill_groups": [{"label": lab, "items": items} for lab, items in groups],
        "jobs": jobs,
        "certifications": certs,
        "projects": projects,
        "education": edu,
        "languages": kw.get("languages", []),
    }


PEOPLE = [
    person(
        "x01",
        "Margarethe Vollmer",
        "Principal Backend Engineer",
        "Munich, Germany",
        "backend",
        {
            "experience": "Where I've worked",
            "certifications": "Credentials",
            "projects": "Things I built",
            "skills": "Kompetenzen",
        },
        [
            ("Languages", ["Java", "Kotlin", "Go", "Python", "C (Programming Language)"]),
            ("Data", ["PostgreSQL", "Oracle Database", "Apache Kafka", "Redis", "Datenbanken"]),
            (
                "Practices",
                [
                    "Domain-Driven Design",
                    "Cloud-native Development",
                    "Code Review",
                    "Projektmanagement",
                    "Feature Flags",
                    "A/B Testing",
                ],
            ),
        ],
        [
            J(
                "Principal Engineer",
                "Lindwurm Payments GmbH",
                "2019-04",
                "",
                "Set the technical direction for the settlement platform (12 teams).",
                "Replaced nightly batch reconciliation with event streams on Apache Kafka.",
                "Chaired the architecture guild and the hiring committee.",
            ),
            J(
                "Engineering Lead (part-time, advisory)",
                "Stadtwerke Digital",
                "2021-01",
                "2022-06",
                "Advised on the move from Oracle Database to PostgreSQL.",
            ),
            J(
                "Senior Software Engineer",
                "Allianz Technology",
                "2014-09",
                "2019-03",
                "Owned the policy pricing service written in Java and Kotlin.",
                "Introduced Domain-Driven Design workshops for three product lines.",
            ),
            J(
                "Software Engineer",
                "Siemens AG",
                "2009-02",
                "2014-08",
                "Maintained industrial control dashboards; C and Python tooling.",
            ),
            J(
                "Junior Developer",
                "Kreativwerk Agentur",
                "2005-10",
                "2008-01",
                "Built websites for regional clients.",
            ),
            J(
                "Working Student",
                "Fraunhofer IIS",
                "2003-04",
                "2005-09",
                "Signal-processing test harnesses.",
            ),
        ],
        [
            C("Oracle Certified Professional, Java SE 11 Developer", "Oracle", "2020"),
            C("Certified Kubernetes Application Developer (CKAD)", "CNCF", "2022"),
            C("iSAQB Certified Professional for Software Architecture"),
        ],
        [
            P("ledger-lint"),
            P("Kafka Offset Inspector", "CLI to inspect consumer lag per partition."),
            P("Hausbau Planner"),
        ],
        [E("Technische Universität München", "Diplom-Informatikerin", "1999", "2005")],
        summary="Twenty years of building payment and insurance back ends; a gap in 2008 "
        "for a sabbatical.",
        languages=["Deutsch (Muttersprache)", "English (C2)", "Français (B1)"],
    ),
    person(
        "x02",
        "Rafael Quintero Ibáñez",
        "Data Engineer",
        "Valencia, Spain",
        "data",
        {
            "experience": "Experiencia / Experience",
            "skills": "Toolbox",
            "education": "Formación",
            "projects": "Side Projects",
        },
        [
            (
                None,
                [
                    "Python",
                    "SQL",
                    "Apache Spark",
                    "Airflow",
                    "dbt",
                    "BigQuery",
                    "Análisis de datos",
                    "Aprendizaje automático",
                    "Gestión de proyectos",
                    "Power BI",
                    "Tableau",
                    "Docker",
                ],
            )
        ],
        [
            J(
                "Senior Data Engineer",
                "Mercadona Tech",
                "2021-03",
                "",
                "Own the orders warehouse on BigQuery and dbt.",
                "Cut pipeline failures by 60% with Airflow sensors and data contracts.",
            ),
            J(
                "Data Engineer",
                "Cabify",
                "2018-01",
                "2020-11",
                "Streaming trips data with Apache Spark.",
            ),
            J(
                "BI Analyst",
                "Banco Sabadell",
                "2015-06",
                "2017-12",
                "Reports in Power BI and Tableau for risk teams.",
            ),
            J("Data Analyst Intern", "Telefónica I+D", "2014-09", "2015-03"),
        ],
        [
            C("Google Cloud Professional Data Engineer"),
            C("dbt Analytics Engineering Certification"),
            C("Databricks Certified Associate Developer for Apache Spark"),
        ],
        [
            P("paella-index"),
            P("Metro Valencia Delays", "Dashboard of train delays from open data."),
            P("Spark Tuning Notes"),
        ],
        [
            E(
                "Universitat Politècnica de València",
                "Grado en Ingeniería Informática",
                "2010",
                "2014",
            ),
            E("IES Lluís Vives", "Bachillerato", "2008", "2010"),
        ],
        languages=["Español (nativo)", "English (C1)", "Valencià"],
    ),
    person(
        "x03",
        "Olusegun Adebayo-Clarke",
        "Site Reliability Engineer",
        "Lagos, Nigeria",
        "devops",
        {"experience": "Career History", "certifications": "Licenses & Certifications"},
        [
            ("Cloud", ["AWS", "Google Cloud Platform (GCP)", "Terraform", "Kubernetes", "Helm"]),
            ("Observability", ["Prometheus", "Grafana", "OpenTelemetry", "PagerDuty"]),
            ("Scripting", ["Bash", "Python", "Go"]),
        ],
        [
            J(
                "Senior SRE",
                "Flutterwave",
                "2020-07",
                "",
                "On-call lead for the payments gateway; 99.99% availability.",
                "Moved 40 services to Kubernetes with Helm charts.",
            ),
            J(
                "Cloud Consultant (freelance)",
                "Self-employed",
                "2019-01",
                "2021-06",
                "Terraform landing zones for four startups.",
            ),
            J(
                "Systems Administrator",
                "Interswitch",
                "2013-02",
                "2018-10",
                "Linux fleet of 300 hosts; Bash and Python automation.",
            ),
            J("IT Support Technician", "Access Bank", "2009-05", "2012-12"),
            J("IT Intern", "MTN Nigeria", "2008-06", "2008-12"),
        ],
        [
            C("AWS Certified Solutions Architect – Professional", "Amazon Web Services", "2021"),
            C("Certified Kubernetes Administrator (CKA)", "CNCF", "2020"),
            C("HashiCorp Certified: Terraform Associate", "HashiCorp", "2022"),
            C("ITIL 4 Foundation", "Axelos", "2016"),
            C("CompTIA Linux+"),
        ],
        [],
        [E("University of Lagos", "B.Sc. Computer Engineering", "2004", "2008")],
    ),
    person(
        "x04",
        "Ingrid Sørensen",
        "Engineering Manager",
        "Copenhagen, Denmark",
        "backend",
        {
            "experience": "Professional Experience",
            "projects": "Selected Work",
            "certifications": "Courses & Certificates",
        },
        [
            (
                None,
                [
                    "Team Leadership",
                    "Hiring",
                    "OKRs",
                    "Ruby on Rails",
                    "Elixir",
                    "PostgreSQL",
                    "Event Sourcing",
                    "Microservices",
                    "Stakeholder Management",
                    "Scrum",
                    "Kanban",
                    "Ledelse",
                ],
            )
        ],
        [
            J(
                "Engineering Manager",
                "Pleo",
                "2022-02",
                "",
                "Manage two squads (11 engineers) on card spend.",
                "Introduced quarterly OKRs and a career ladder.",
            ),
            J(
                "Tech Lead",
                "Trustpilot",
                "2017-05",
                "2021-08",
                "Led the reviews ingestion platform in Ruby on Rails and Elixir.",
            ),
            J(
                "Senior Developer",
                "Trustpilot",
                "2015-01",
                "2017-04",
                "Moved billing to event sourcing on PostgreSQL.",
            ),
            J(
                "Developer",
                "Netcompany",
                "2008-08",
                "2012-03",
                "Public-sector case handling systems.",
            ),
            J("Developer", "Netcompany", "2013-09", "2014-12", "Returned after parental leave."),
            J("Student Programmer", "Danske Bank", "2006-01", "2008-06"),
        ],
        [C("Certified ScrumMaster (CSM)"), C("Leading Teams – Copenhagen Business School")],
        [P("Ladder: an open engineering career framework"), P("Elixir Meetup Copenhagen")],
        [E("Danmarks Tekniske Universitet (DTU)", "M.Sc. Engineering", "2003", "2008")],
        languages=["Dansk", "English", "Svenska"],
    ),
    person(
        "x05",
        "Priya Raghunathan",
        "Product Manager",
        "Bengaluru, India",
        "product",
        {
            "experience": "Work History",
            "projects": "Things I built",
            "certifications": "Credentials",
            "skills": "What I use",
        },
        [
            (
                "Product",
                [
                    "Product Strategy",
                    "Roadmapping",
                    "User Research",
                    "A/B Testing",
                    "Feature Flags",
                    "Pricing",
                ],
            ),
            ("Tools", ["Jira", "Confluence", "Amplitude", "Figma", "SQL", "Mixpanel"]),
        ],
        [
            J(
                "Senior Product Manager",
                "Razorpay",
                "2021-10",
                "",
                "Own the merchant onboarding funnel; raised activation 18%.",
            ),
            J(
                "Product Manager",
                "Swiggy",
                "2018-04",
                "2021-09",
                "Launched scheduled orders in 12 cities.",
            ),
            J("Associate Product Manager", "Flipkart", "2016-07", "2018-03"),
            J(
                "Business Analyst",
                "Infosys",
                "2012-08",
                "2015-01",
                "Requirements for a retail banking client.",
            ),
            J("Product Intern", "Zoho", "2011-05", "2011-07"),
        ],
        [
            C("Pragmatic Institute PMC Level III"),
            C("Google Analytics Individual Qualification"),
            C("Certified Scrum Product Owner (CSPO)"),
        ],
        [
            P("Chai Tracker"),
            P("Kirana Ledger", "Offline-first bookkeeping app prototype."),
            P("PM Interview Notes"),
        ],
        [
            E("Indian Institute of Management Bangalore", "MBA", "2015", "2016"),
            E("PES University", "B.E. Computer Science", "2008", "2012"),
        ],
        summary="Career break 2015 (MBA).",
    ),
    person(
        "x06",
        "Tomasz Wiśniewski",
        "Frontend Developer",
        "Wrocław, Poland",
        "frontend",
        {"skills": "Technologie", "projects": "Open Source", "experience": "Employment"},
        [
            (
                None,
                [
                    "TypeScript",
                    "React",
                    "Next.js",
                    "Vue.js",
                    "CSS-in-JS",
                    "Webpack",
                    "Vite",
                    "Storybook",
                    "Jest",
                    "Cypress",
                    "Accessibility (WCAG 2.1)",
                    "Programowanie obiektowe",
                    "Node.js",
                    "GraphQL",
                    "Tailwind CSS",
                ],
            )
        ],
        [
            J(
                "Senior Frontend Developer",
                "Allegro",
                "2020-01",
                "",
                "Design system in React and Storybook used by 40 teams.",
            ),
            J(
                "Frontend Developer",
                "Nokia Wrocław",
                "2016-03",
                "2019-12",
                "Network dashboards with Vue.js and D3.",
            ),
            J("Web Developer", "Freelance", "2014-01", "2016-06"),
            J("Frontend Intern", "Tooploox", "2013-07", "2013-09"),
        ],
        [C("Meta Front-End Developer Professional Certificate")],
        [P("react-a11y-checklist"), P("vite-plugin-svg-sprite"), P("pierogi.dev")],
        [E("Politechnika Wrocławska", "Inżynier, Informatyka", "2010", "2014")],
        languages=["Polski", "English"],
    ),
    person(
        "x07",
        "Catherine O'Donnell-Reyes",
        "Director of IT Operations",
        "Chicago, IL",
        "devops",
        {"experience": "Experience", "certifications": "Credentials", "education": "Schooling"},
        [
            (
                None,
                [
                    "ITIL",
                    "Vendor Management",
                    "Budgeting",
                    "VMware vSphere",
                    "Microsoft 365",
                    "Active Directory",
                    "Cisco Networking",
                    "Disaster Recovery",
                    "ServiceNow",
                    "PowerShell",
                    "Azure",
                    "Change Management",
                ],
            )
        ],
        [
            J(
                "Director of IT Operations",
                "Midwest Health Partners",
                "2018-06",
                "",
                "Budget of $14M; 45 staff across three sites.",
                "Consolidated two data centres into Azure.",
            ),
            J("IT Operations Manager", "Midwest Health Partners", "2014-01", "2018-05"),
            J(
                "Infrastructure Manager",
                "Grainger",
                "2009-03",
                "2013-12",
                "VMware vSphere estate of 900 VMs.",
            ),
            J("Network Administrator", "Grainger", "2005-07", "2009-02"),
            J("Systems Administrator", "Loyola University Chicago", "2001-09", "2005-06"),
            J("Help Desk Analyst", "Loyola University Chicago", "1999-06", "2001-08"),
        ],
        [
            C("ITIL v3 Expert"),
            C("PMP"),
            C("CCNA Routing and Switching"),
            C("MCSE: Core Infrastructure"),
            C("VMware Certified Professional (VCP6-DCV)"),
            C("Microsoft Certified: Azure Administrator Associate"),
        ],
        [],
        [
            E("DePaul University", "M.S. Information Systems", "2003", "2006"),
            E("Loyola University Chicago", "B.S. Computer Science", "1995", "1999"),
        ],
    ),
    person(
        "x08",
        "Hiroshi Nakamura",
        "Machine Learning Engineer",
        "Tokyo, Japan",
        "data",
        {"projects": "Research & Projects", "skills": "Skills", "experience": "Experience"},
        [
            (
                "ML",
                [
                    "PyTorch",
                    "TensorFlow",
                    "scikit-learn",
                    "Computer Vision",
                    "Natural Language Processing",
                    "MLOps",
                ],
            ),
            ("Eng", ["Python", "C++", "CUDA", "Kubernetes", "gRPC"]),
            ("Other", ["機械学習", "Japanese Business Etiquette"]),
        ],
        [
            J(
                "Staff ML Engineer",
                "Preferred Networks",
                "2022-04",
                "",
                "Inference serving for vision models with gRPC and CUDA.",
            ),
            J(
                "ML Engineer",
                "Mercari",
                "2018-10",
                "2022-03",
                "Listing-photo classification; PyTorch training pipelines.",
            ),
            J("Research Assistant", "University of Tokyo", "2016-04", "2018-09"),
            J(
                "Software Engineer",
                "Rakuten",
                "2011-04",
                "2016-03",
                "Search ranking features in C++.",
            ),
            J("Research Intern", "NTT Communication Science Laboratories", "2010-07", "2010-09"),
        ],
        [C("TensorFlow Developer Certificate"), C("AWS Certified Machine Learning – Specialty")],
        [
            P("Kanji OCR"),
            P("tiny-diffusion", "Minimal diffusion model for teaching."),
            P("Sake label classifier"),
        ],
        [
            E(
                "University of Tokyo",
                "Ph.D. candidate (withdrawn), Information Science",
                "2016",
                "2018",
            ),
            E("Kyoto University", "B.Eng. Electrical Engineering", "2007", "2011"),
        ],
        languages=["日本語", "English"],
    ),
    person(
        "x09",
        "Amélie Laurent-Dubois",
        "Full-Stack Developer",
        "Lyon, France",
        "fullstack",
        {
            "experience": "Expériences / Experience",
            "skills": "Compétences",
            "projects": "Projets",
            "education": "Formation",
        },
        [
            ("Front", ["React", "Angular", "TypeScript", "HTML5", "CSS3"]),
            ("Back", ["Node.js", "Symfony", "PHP", "PostgreSQL", "MongoDB"]),
            (
                "Méthodes",
                [
                    "Méthodes agiles",
                    "Développement web",
                    "Gestion de projet",
                    "Test-Driven Development",
                ],
            ),
        ],
        [
            J(
                "Développeuse Full-Stack Senior",
                "Doctolib",
                "2021-09",
                "",
                "Booking flows in React and Node.js.",
            ),
            J(
                "Full-Stack Developer",
                "Cegid",
                "2017-02",
                "2021-08",
                "Payroll SaaS in Symfony and Angular.",
            ),
            J("Développeuse PHP", "Agence Web Lumière", "2013-10", "2016-12"),
            J("Stagiaire Développement (Intern)", "Sopra Steria", "2013-02", "2013-07"),
        ],
        [C("Symfony Certified Developer"), C("MongoDB Certified Developer Associate")],
        [
            P("Vélo'v Tracker"),
            P("Recettes de Mamie"),
            P("symfony-audit-bundle", "Audit log bundle for Symfony."),
        ],
        [E("INSA Lyon", "Diplôme d'ingénieur, Informatique", "2008", "2013")],
        languages=["Français", "English", "Italiano"],
    ),
    person(
        "x10",
        "Daniel Whitfield",
        "Senior Java Developer",
        "Leeds, UK",
        "backend",
        {
            "experience": "Employment History",
            "certifications": "Certifications",
            "projects": "Projects",
        },
        [
            (
                None,
                [
                    "Java",
                    "Spring Boot",
                    "Hibernate",
                    "Oracle",
                    "JMS",
                    "Apache Camel",
                    "Maven",
                    "Jenkins",
                    "Microservices",
                    "REST APIs",
                    "SOAP",
                    "Linux",
                    "Agile",
                ],
            )
        ],
        [
            J(
                "Senior Java Developer (Contract)",
                "HSBC",
                "2022-01",
                "2024-06",
                "Payments messaging on Apache Camel and JMS.",
            ),
            J(
                "Java Developer (Contract)",
                "Sky",
                "2021-03",
                "2022-03",
                "Overlapped with HSBC for three months.",
            ),
            J(
                "Java Developer",
                "Asda",
                "2016-05",
                "2020-02",
                "Store systems in Spring Boot and Hibernate.",
            ),
            J("Software Developer", "Capita", "2007-09", "2012-11"),
            J("Graduate Developer", "BT Group", "2005-09", "2007-08"),
        ],
        [
            C("Oracle Certified Professional Java Programmer"),
            C("Spring Professional Certification"),
        ],
        [P("camel-route-visualiser"), P("Allotment planner")],
        [E("University of Leeds", "BSc Computing", "2002", "2005")],
        summary="Gap 2012-2016: carer for a family member; 2020-2021: retraining.",
    ),
    person(
        "x11",
        "Zanele Mokoena",
        "QA Automation Engineer",
        "Cape Town, South Africa",
        "backend",
        {"experience": "Experience", "certifications": "Training", "skills": "Tools & Skills"},
        [
            (
                None,
                [
                    "Selenium WebDriver",
                    "Playwright",
                    "Cypress",
                    "Java",
                    "Python",
                    "Postman",
                    "JMeter",
                    "Test Automation",
                    "Qualitätssicherung",
                    "Manual Testing",
                    "ISTQB",
                    "CI/CD",
                    "GitHub Actions",
                ],
            )
        ],
        [
            J(
                "Lead QA Automation Engineer",
                "Takealot",
                "2020-02",
                "",
                "Playwright suite of 2,400 tests in GitHub Actions.",
            ),
            J("QA Automation Engineer", "Yoco", "2017-06", "2020-01"),
            J("QA Analyst", "Discovery", "2012-03", "2017-05"),
            J("QA Intern", "Entelect", "2011-06", "2011-12"),
        ],
        [
            C("ISTQB Certified Tester Foundation Level"),
            C("ISTQB Advanced Test Automation Engineer"),
            C("Postman API Fundamentals Student Expert"),
        ],
        [P("playwright-visual-diff"), P("Loadshedding Scheduler")],
        [E("University of Cape Town", "BSc Information Systems", "2007", "2010")],
    ),
    person(
        "x12",
        "Mateus Carvalho",
        "Mobile Developer",
        "Porto Alegre, Brazil",
        "frontend",
        {
            "experience": "Experiência Profissional",
            "skills": "Habilidades",
            "projects": "Apps",
            "education": "Educação",
        },
        [
            (
                None,
                [
                    "Kotlin",
                    "Swift",
                    "Flutter",
                    "Dart",
                    "React Native",
                    "Firebase",
                    "Jetpack Compose",
                    "SwiftUI",
                    "Análise de dados",
                    "Desenvolvimento mobile",
                ],
            )
        ],
        [
            J(
                "Senior Mobile Developer",
                "Nubank",
                "2021-05",
                "",
                "Card screens in Flutter and Kotlin.",
            ),
            J("Mobile Developer", "iFood", "2018-02", "2021-04"),
            J("Android Developer", "Zenvia", "2015-08", "2018-01"),
            J(
                "Estagiário de Desenvolvimento (Intern)",
                "Thoughtworks Brasil",
                "2014-03",
                "2015-06",
            ),
        ],
        [C("Associate Android Developer (Google)")],
        [
            P("Chimarrão Timer"),
            P("Busão POA", "Live bus positions for Porto Alegre."),
            P("flutter-pix-qr"),
        ],
        [
            E(
                "Universidade Federal do Rio Grande do Sul (UFRGS)",
                "Bacharelado em Ciência da Computação",
                "2011",
                "2015",
            )
        ],
        languages=["Português", "English", "Español"],
    ),
]
