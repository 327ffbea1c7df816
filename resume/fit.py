"""Job-fit analysis: skill overlap, semantic similarity and experience against a job description."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import numpy as np

from rag import embeddings
from rag.chunking import chunk_sections
from resume import skills

EmbedFn = Callable[[list[str]], np.ndarray]
FindSkillsFn = Callable[[str], list[str]]

WINDOW_TOKENS = 256

# Blend weights, measured on the dev set (bench/eval_fit.py): semantic similarity ranks jobs
# best (rank AUC 0.91 alone), a fifth of keyword overlap lifts it, and more dilutes it (0.3:
# 0.89). Years say nothing about the kind of job, so they get a small share: enough for a
# candidate far under the bar to lose a few points.
W_SEMANTIC = 0.7
W_KEYWORD = 0.2
W_EXPERIENCE = 0.1

# MiniLM cosines between a resume and any job description sit well above zero (shared
# register and vocabulary); below FLOOR nothing is related, at CEILING they are about as close
# as a resume and a job text get. The linear map between the two is clamped to [0, 1].
SEMANTIC_FLOOR = 0.10
SEMANTIC_CEILING = 0.70
# Share of the semantic score given to agreement on occupation (the rest is direct cosine), and
# the softmax temperature over occupation similarities (MiniLM cosines differ by a few hundredths
# between neighbouring occupations, so the temperature is small).
OCCUPATION_WEIGHT = 0.5
OCCUPATION_TEMPERATURE = 0.02

# A fixed reference population of short profiles, one per occupation, tech and non-tech alike.
# The agreement term leans on the one profile nearest each text (the temperature is small), so
# a role without a profile falls back to about the direct cosine's ranking: with the three
# profiles nearest a job's family left out, the rank AUC drops by 0.07 (dev and unseen job
# descriptions alike, bench/eval_fit.py --robust), and a random quarter left out costs 0 to
# 0.12 depending on whether it takes "Product Manager". Second profiles per occupation, a
# softer temperature or smoothing over similar profiles narrowed that swing but cost 0.01 to
# 0.04 of AUC on dev and unseen job descriptions, so one profile per occupation it is: add an
# occupation that is missing rather than a second wording of one that is here.
# Job texts carry boilerplate (benefits, company story) that makes some of them look similar
# to every resume; placing both texts among these occupations and comparing where they land
# cancels that. General on purpose: it is a map of occupations, not of any evaluation set.
OCCUPATIONS: tuple[str, ...] = (
    (
        "Backend Software Engineer. 2018 - Present. Designed REST and gRPC services in Python and "
        "Go, PostgreSQL schemas, Redis caching, Kafka event pipelines. Skills: Python, Django, Go, "
        "SQL, Docker, AWS."
    ),
    (
        "Frontend Developer. Built responsive single-page applications with React, TypeScript and "
        "CSS; improved page load time and accessibility; component libraries and design systems. "
        "Skills: JavaScript, React, HTML, CSS, Webpack, Jest."
    ),
    (
        "Mobile Engineer. Shipped iOS and Android apps in Swift and Kotlin to the App Store and "
        "Google Play; offline sync, push notifications, crash monitoring."
    ),
    (
        "Data Scientist. Built machine learning models for churn prediction and forecasting in "
        "Python, pandas, scikit-learn; A/B testing, statistics, SQL dashboards for stakeholders."
    ),
    (
        "Data Engineer. Built batch and streaming ETL pipelines with Spark, Airflow and dbt on "
        "Snowflake and BigQuery; data modeling and data quality checks."
    ),
    (
        "DevOps / Site Reliability Engineer. Managed Kubernetes clusters, Terraform infrastructure "
        "as code, CI/CD pipelines, monitoring with Prometheus and Grafana, on-call incident "
        "response on AWS."
    ),
    (
        "Security Engineer. Penetration testing, threat modeling, vulnerability management, SIEM "
        "alerts, identity and access management, security audits and compliance (SOC 2, ISO 27001)."
    ),
    (
        "QA Engineer. Wrote automated test suites with Selenium and Cypress, regression and "
        "performance testing, bug tracking in Jira, release sign-off."
    ),
    (
        "Full-Stack Developer. Built web applications end to end with Node.js, Express, React and "
        "MongoDB; deployed on Heroku and AWS; REST APIs and authentication."
    ),
    (
        "Machine Learning Researcher. Published papers on deep learning and natural language "
        "processing; trained transformer models with PyTorch on GPU clusters; PhD in Computer "
        "Science."
    ),
    (
        "Product Manager. Owned the roadmap for a B2B SaaS product, gathered customer requirements,"
        " wrote user stories, prioritised the backlog, launched features with engineering and "
        "design, tracked KPIs."
    ),
    (
        "Project Manager. Led cross-functional projects on time and on budget, stakeholder "
        "communication, risk management, Agile and Scrum ceremonies, PMP certified."
    ),
    (
        "UX / Interaction Designer. User research, interviews and usability testing, wireframes and"
        " prototypes in Figma, information architecture, design systems, accessibility."
    ),
    (
        "Graphic Designer. Brand identity, logos, print and digital layouts, illustration, Adobe "
        "Photoshop, Illustrator and InDesign, art direction for campaigns."
    ),
    (
        "Marketing Manager. Ran digital marketing campaigns, SEO and SEM, social media, content "
        "strategy, email marketing, Google Analytics, grew leads and brand awareness."
    ),
    (
        "Sales Representative. Exceeded quarterly quotas, prospecting and cold calling, account "
        "management, CRM (Salesforce), negotiation and closing B2B deals."
    ),
    (
        "Accountant. Prepared financial statements, general ledger reconciliations, accounts "
        "payable and receivable, month-end close, tax filings, audits, CPA, Excel and QuickBooks."
    ),
    (
        "Financial Analyst. Financial modeling, budgeting and forecasting, variance analysis, "
        "investment valuation, reports for senior management, Excel and PowerPoint."
    ),
    (
        "Human Resources Generalist. Recruiting and onboarding, employee relations, payroll and "
        "benefits administration, performance reviews, HR policies and compliance."
    ),
    (
        "Teacher. Taught middle school mathematics and science, lesson planning, classroom "
        "management, student assessment, parent communication, curriculum development."
    ),
    (
        "Registered Nurse. Patient care in a hospital intensive care unit, administered "
        "medications, monitored vital signs, patient education, electronic health records, BLS and "
        "ACLS certified."
    ),
    (
        "Physician. Internal medicine residency, diagnosed and treated patients, clinical rounds, "
        "medical research, board certified."
    ),
    (
        "Lawyer. Corporate law, drafted and negotiated contracts, legal research, litigation "
        "support, regulatory compliance, advised clients, admitted to the bar."
    ),
    (
        "Civil Engineer. Designed roads, bridges and drainage systems, AutoCAD and Civil 3D, site "
        "inspections, construction management, structural calculations, PE license."
    ),
    (
        "Mechanical Engineer. Product design in SolidWorks, CAD drawings, prototyping and testing, "
        "manufacturing processes, finite element analysis, quality control."
    ),
    (
        "Electrician. Installed and repaired electrical wiring, panels and lighting in residential "
        "and commercial buildings, read blueprints, safety codes, licensed journeyman."
    ),
    (
        "Chef. Managed a restaurant kitchen, menu development, food preparation and cost control, "
        "supervised line cooks, food safety and hygiene standards."
    ),
    (
        "Retail Store Manager. Managed store operations and staff scheduling, inventory and "
        "merchandising, customer service, sales targets, loss prevention."
    ),
    (
        "Customer Support Specialist. Resolved customer tickets by phone, chat and email, "
        "troubleshooting, Zendesk, customer satisfaction scores, knowledge base articles."
    ),
    (
        "Logistics Coordinator. Supply chain and warehouse operations, shipment scheduling, "
        "inventory control, vendor coordination, procurement, ERP systems."
    ),
    (
        "Research Scientist, Biology. Laboratory research in molecular biology, PCR, cell culture, "
        "data analysis, published peer-reviewed articles, grant writing."
    ),
    (
        "Journalist and Writer. Reported and wrote news articles and features, interviews, editing,"
        " copywriting, content management systems, social media."
    ),
    (
        "Management Consultant. Strategy engagements for clients, market research, business cases, "
        "process improvement, workshops and presentations to executives."
    ),
    (
        "Operations Manager. Oversaw daily operations, process improvement, budgets, team "
        "leadership, KPIs and reporting, vendor management."
    ),
    (
        "Architect. Designed residential and commercial buildings, Revit and AutoCAD, construction "
        "documents, client presentations, building codes."
    ),
    (
        "Business Analyst. Gathered requirements, process mapping, SQL queries and reports, Tableau"
        " and Power BI dashboards, user acceptance testing, stakeholder workshops."
    ),
    (
        "Embedded Systems Engineer. Firmware in C and C++ for microcontrollers, RTOS, hardware "
        "bring-up, debugging with oscilloscopes, communication protocols (SPI, I2C, CAN)."
    ),
    (
        "Administrative Assistant. Managed calendars and travel, answered phones, prepared "
        "documents and spreadsheets, office supplies, Microsoft Office."
    ),
    (
        "Social Worker. Case management for families and children, needs assessments, crisis "
        "intervention, community resources, documentation, licensed clinical social worker."
    ),
    (
        "Game Developer. Built gameplay systems in Unity and C#, Unreal Engine, 3D graphics, "
        "physics, multiplayer networking, shipped titles on PC and consoles."
    ),
    (
        "Data Analyst. Cleaned and analysed data in SQL and Excel, built Tableau and Power BI "
        "dashboards, reported KPIs and trends to business teams."
    ),
    (
        "Machine Learning Engineer. Deployed models to production, feature pipelines, model "
        "monitoring and MLOps with MLflow, Docker and Kubernetes, Python and TensorFlow."
    ),
    (
        "Database Administrator. Administered PostgreSQL, MySQL and Oracle databases, backups and"
        " replication, query tuning, access control."
    ),
    (
        "Network Engineer. Configured routers, switches and firewalls, TCP/IP, VPN, BGP and OSPF,"
        " network monitoring and troubleshooting, CCNA."
    ),
    (
        "Systems Administrator. Managed Linux and Windows servers, Active Directory, patching, "
        "backups, shell scripting, virtualisation with VMware."
    ),
    (
        "IT Support Technician. Help desk support, set up laptops and accounts, resolved hardware"
        " and software issues, ticketing, printers and networks."
    ),
    (
        "Cloud Architect. Designed cloud architectures on AWS, Azure and GCP, networking, "
        "security, cost optimisation, migrations from on-premises."
    ),
    (
        "Engineering Manager. Managed and grew a team of software engineers, hiring, one-on-ones,"
        " delivery planning, technical direction, career development."
    ),
    (
        "Scrum Master. Facilitated sprint planning, stand-ups and retrospectives, removed "
        "impediments, coached teams in Agile practices, Jira."
    ),
    (
        "Technical Writer. Wrote API documentation, user guides and release notes, docs-as-code "
        "with Markdown and Git, worked with engineers."
    ),
    (
        "Product Designer. Designed end-to-end product experiences, user flows, visual design and"
        " interaction in Figma and Sketch, prototyping with engineers."
    ),
    (
        "Solutions Engineer. Pre-sales technical demos, proofs of concept, integrations with "
        "customer systems, APIs, worked with sales and customers."
    ),
    (
        "Recruiter. Sourced and screened candidates, managed interview pipelines, negotiated "
        "offers, applicant tracking systems, employer branding."
    ),
    (
        "Pharmacist. Dispensed prescriptions, counselled patients on medications, checked drug "
        "interactions, managed pharmacy inventory, licensed pharmacist."
    ),
    (
        "Physical Therapist. Assessed patients, designed rehabilitation and exercise programmes, "
        "treated injuries, documented progress, licensed therapist."
    ),
    (
        "Dental Hygienist. Cleaned teeth, took X-rays, patient education on oral hygiene, "
        "infection control, dental records."
    ),
    (
        "Real Estate Agent. Listed and sold residential properties, client consultations, market "
        "analysis, negotiations, open houses, licensed realtor."
    ),
    (
        "Investment Banking Analyst. Financial models, valuations and pitch books for mergers and"
        " acquisitions, due diligence, capital markets."
    ),
    (
        "Insurance Underwriter. Assessed risk of applications, priced policies, reviewed claims "
        "history, underwriting guidelines."
    ),
    (
        "Construction Manager. Managed building projects on site, schedules, subcontractors, "
        "budgets, safety compliance, inspections."
    ),
    (
        "Electrical Engineer. Designed circuits and power systems, PCB layout, schematics, "
        "testing and validation, MATLAB and SPICE."
    ),
    (
        "Chemical Engineer. Process design and optimisation in a chemical plant, mass and energy "
        "balances, safety reviews, process control."
    ),
    (
        "Airline Pilot. Flew commercial aircraft, flight planning, navigation, safety checks, "
        "crew coordination, ATP licence, type ratings."
    ),
    (
        "Hotel Manager. Ran hotel operations, front desk, housekeeping, guest satisfaction, staff"
        " training, revenue and occupancy."
    ),
    (
        "Event Planner. Planned conferences and weddings, venues, vendors and catering, budgets, "
        "logistics on the day."
    ),
    (
        "Video Editor and Photographer. Shot and edited photos and videos, Adobe Premiere and "
        "After Effects, colour grading, storytelling for clients."
    ),
    (
        "Translator. Translated documents between English, Spanish and French, localisation, "
        "proofreading, terminology management, CAT tools."
    ),
    (
        "Librarian. Managed library collections and catalogues, reference services, information "
        "literacy classes, community programmes."
    ),
    (
        "Personal Trainer. Designed fitness programmes, coached clients in strength and "
        "conditioning, nutrition advice, certified trainer."
    ),
    (
        "Police Officer. Patrolled communities, responded to emergencies, investigations, wrote "
        "reports, testified in court, law enforcement."
    ),
    (
        "Academic Researcher and Lecturer. Taught university courses, supervised students, led "
        "research projects, published journal papers, secured grants."
    ),
    (
        "Policy Analyst. Researched public policy, wrote briefs and reports for government, "
        "stakeholder consultation, data analysis, legislation."
    ),
    (
        "Supply Chain Analyst. Demand forecasting, inventory optimisation, supplier performance, "
        "SAP, Excel models for purchasing decisions."
    ),
    (
        "Content Marketing Specialist. Wrote blog posts, newsletters and social content, SEO "
        "keyword research, editorial calendar, analytics."
    ),
)

# Parts of a job description. Requirements and duties say what the job needs; "nice to have"
# lists say what would help; benefits, company story and equal-opportunity notes say nothing
# about the candidate, and a skill named only there ("remote work", "Salesforce" as the
# employer's CRM in a perks list) is not one the candidate lacks.
CORE = "core"
OPTIONAL = "optional"
BOILERPLATE = "boilerplate"

_OPTIONAL_WORDS = (
    r"nice[\s-]+to[\s-]+have|good[\s-]+to[\s-]+have|bonus(?:\s+points)?|pluses|a\s+plus|"
    r"preferred(?:\s+(?:qualifications|skills|experience))?|desirable|desired|"
    r"(?:it\s+)?would\s+be\s+(?:great|nice)|ideally|extra\s+credit|optional"
)
_BOILERPLATE_WORDS = (
    r"benefits|perks|what\s+we\s+offer|we\s+offer|our\s+offer|what'?s\s+in\s+it|"
    r"compensation|salary|pay(?:\s+range)?|about\s+(?:us|the\s+company|the\s+team\s+and\s+company)|"
    r"about\s+[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)?|who\s+we\s+are|why\s+(?:join|work)|"
    r"life\s+at|our\s+(?:values|culture|mission|story)|equal\s+opportunit\w*|diversity|"
    r"how\s+to\s+apply|application\s+process"
)
# A heading: a short line, perhaps Markdown (#, **), ending with a colon or with no sentence.
_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s*)?[*_]{0,2}(?P<title>[^\n]{2,60}?)[*_]{0,2}\s*:?\s*$")
_OPTIONAL_HEAD = re.compile(rf"^(?:{_OPTIONAL_WORDS})\b", re.I)
_BOILERPLATE_HEAD = re.compile(rf"^(?:{_BOILERPLATE_WORDS})\b")
_BOILERPLATE_HEAD_I = re.compile(rf"^(?:{_BOILERPLATE_WORDS.replace('[A-Z]', '[a-z]')})\b", re.I)
# An inline label opening one line or paragraph: "Nice to have: Kafka", "Perks: gym".
_OPTIONAL_INLINE = re.compile(rf"^\s*[-*•]?\s*(?:{_OPTIONAL_WORDS})\s*(?::|-|–|—)", re.I)
_BOILERPLATE_INLINE = re.compile(
    r"^\s*[-*•]?\s*(?:benefits|perks|compensation|what\s+we\s+offer|we\s+offer|"
    r"our\s+benefits\s+include)\b|equal\s+opportunity\s+employer|do\s+not\s+discriminate",
    re.I,
)
_REQUIREMENT_CUE = re.compile(
    r"\b(?:experience\s+(?:with|in|of)|years?\s+of|proficien\w*|knowledge\s+of|familiar\w*|"
    r"responsib\w*|requirements?|qualifications?|you\s+will|you'll|must\s+have|"
    r"hands-on|expertise)\b",
    re.I,
)
_LABEL_SEPARATOR = re.compile(r"[:–—]\s*\S|\s-\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪●◦]|\d{1,2}[.)])\s")

SCORE_KEYS = ("semantic_score", "keyword_score", "overall_score")

GOOD_FIT = "Good fit"
SLIGHTLY_UNDER = "Slightly under the requirement"
UNDER = "Under the requirement"
ABOVE_RANGE = "Above the stated range"
NOT_STATED = "No experience requirement stated"

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
}
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "5", "2.5", "five", "five (5)".
_NUM = rf"(?:\d{{1,2}}(?:\.\d)?|(?:{_WORD})(?:\s*\(\s*\d{{1,2}}\s*\))?)"
_YEARS = r"(?:years?|yrs?\.?)(?:['’]s?)?"
_DASH = r"(?:-|–|—|to)"
_AT_LEAST = (
    r"(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|no\s+less\s+than"
    r"|not\s+less\s+than)"
)
# "over 20 years" is as often a company's age as a requirement: it needs experience context.
_OVER = r"(?:more\s+than|over|upwards\s+of)"
_RANGE_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*{_DASH}\s*(?P<hi>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_PLUS_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*\+\s*{_YEARS}", re.I)
_AT_LEAST_RE = re.compile(rf"\b{_AT_LEAST}\s+(?P<lo>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_OR_MORE_RE = re.compile(
    rf"\b(?P<lo>{_NUM})\s*{_YEARS}\s+(?:or\s+more|or\s+longer|plus|and\s+above|or\s+above)\b", re.I
)
_OVER_RE = re.compile(rf"\b{_OVER}\s+(?P<lo>{_NUM})\s*\+?\s*{_YEARS}", re.I)
_BARE_RE = re.compile(rf"\b(?P<lo>{_NUM})\s*{_YEARS}", re.I)
# A bare "N years" is a requirement only when experience is what it measures.
_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:[\w/+#.-]+\s+){0,5}?(?:experience|exp\b|work|working|professional|"
    r"industry|hands-on|building|developing|development|programming|engineering|"
    r"in\s+(?:a|an|the)\s+(?:similar|related|relevant))",
    re.I,
)
_EXPERIENCE_BEFORE = re.compile(r"experience(?:\s+level)?\s*(?:of|:)?\s*$", re.I)
# "after 5 years of service", "founded 20 years ago", "a 4+ year degree", "must be 18 years old".
_NOT_EXPERIENCE_AFTER = re.compile(
    r"^\s*(?:of\s+)?(?:\w+\s+){0,2}?(?:service|ago|old|of\s+age|age|history|in\s+business|"
    r"warranty|contract|degree|program|course|leave|tenure|anniversary|running)\b",
    re.I,
)
_NOT_EXPERIENCE_BEFORE = re.compile(
    r"(?:after|every|within|for\s+the\s+(?:past|last)|over\s+the\s+(?:past|last)|per|each|"
    r"first|next|past|last|founded|established|aged?)\s*$",
    re.I,
)
_PREFERRED_RE = re.compile(r"prefer|nice\s+to\s+have|bonus|a\s+plus|ideally|desirable", re.I)
_SENTENCE_END = re.compile(r"[.;!?\n]")


def _number(token: str) -> int | None:
    token = token.strip().lower()
    digits = re.search(r"\((\s*\d{1,2}\s*)\)", token)
    if digits:
        return int(digits.group(1))
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    try:
        # Round half up: "1.5 years" asks for more than one.
        return int(float(token) + 0.5)
    except ValueError:
        return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]


def _is_excluded(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 60]
    return bool(_NOT_EXPERIENCE_AFTER.match(after) or _NOT_EXPERIENCE_BEFORE.search(before))


def required_years(jd_text: str) -> tuple[int | None, int | None]:
    """Return the (minimum, maximum) years of experience a job description asks for."""
    if not jd_text:
        return None, None
    text = jd_text.replace("\u00a0", " ")
    found: list[tuple[int, int | None, bool, int]] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    for pattern, has_max, needs_context in (
        (_RANGE_RE, True, False),
        (_AT_LEAST_RE, False, False),
        (_PLUS_RE, False, False),
        (_OR_MORE_RE, False, False),
        (_OVER_RE, False, True),
        (_BARE_RE, False, True),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if overlaps(start, end) or _is_excluded(text, start, end):
                continue
            if needs_context and not (
                _EXPERIENCE_AFTER.match(text[end : end + 80])
                or _EXPERIENCE_BEFORE.search(text[max(0, start - 30) : start])
            ):
                continue
            low = _number(match.group("lo"))
            high = _number(match.group("hi")) if has_max else None
            if low is None or low > 40 or (high is not None and (high < low or high > 50)):
                continue
            preferred = bool(_PREFERRED_RE.search(_sentence_around(text, start, end)))
            found.append((low, high, preferred, start))
            taken.append((start, end))
    if not found:
        return None, None
    required = [f for f in found if not f[2]] or found
    # Several statements ("5+ years overall, 3+ with AWS"): the strictest floor is the bar.
    low, high, _, _ = max(required, key=lambda f: (f[0], f[1] is not None))
    return low, high


def experience_fit(candidate_years: float, minimum: int | None, maximum: int | None) -> str:
    """Describe how the candidate's years compare with the job's stated range."""
    if minimum is None:
        return NOT_STATED
    if candidate_years >= minimum:
        # Dates give fractional years: 5.6 years is still within "3-5 years".
        if maximum is not None and candidate_years >= maximum + 1:
            return ABOVE_RANGE
        return GOOD_FIT
    if minimum - candidate_years <= 1:
        return SLIGHTLY_UNDER
    return UNDER


def _experience_score(candidate_years: float, minimum: int | None) -> float:
    if minimum is None or minimum <= 0:
        return 1.0
    return float(min(1.0, max(0.0, candidate_years) / minimum))


def chunk_texts(text: str) -> list[str]:
    """Split a long text into model-window chunks, so nothing is silently truncated."""
    chunks = chunk_sections([("", text)], embeddings.count_tokens, max_tokens=WINDOW_TOKENS)
    return [c.text for c in chunks]


def pooled(vectors: np.ndarray) -> np.ndarray:
    """Mean-pool unit chunk vectors into one unit vector for the whole text."""
    mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def semantic_similarity(resume_vectors: np.ndarray, jd_vectors: np.ndarray) -> float:
    """Return the raw cosine between the mean-pooled resume and job-description chunk vectors."""
    if len(resume_vectors) == 0 or len(jd_vectors) == 0:
        return 0.0
    return float(pooled(resume_vectors) @ pooled(jd_vectors))


def semantic_score_from_cosine(cosine: float) -> float:
    """Map a resume-to-job cosine onto [0, 1] linearly between the floor and ceiling, clamped."""
    scaled = (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)
    return float(min(1.0, max(0.0, scaled)))


_reference_lock = threading.Lock()
_reference_cache: dict[tuple[object, str], np.ndarray] = {}


def _occupation_vectors(embed: EmbedFn) -> np.ndarray:
    """Embed the occupation profiles once per embedding function and model."""
    key = (embed, embeddings.model_name())
    with _reference_lock:
        cached = _reference_cache.get(key)
        if cached is None:
            cached = np.asarray(embed(list(OCCUPATIONS)), dtype=np.float32)
            _reference_cache[key] = cached
    return cached


def warm_up(embed: EmbedFn = embeddings.embed) -> None:
    """Embed the occupation profiles now, so no user's first fit pays for it."""
    _occupation_vectors(embed)


def occupation_profile(vector: np.ndarray, occupations: np.ndarray) -> np.ndarray:
    """Return a softmax distribution of a pooled text vector over the occupation profiles."""
    sims = occupations @ vector
    weights = np.exp((sims - sims.max()) / OCCUPATION_TEMPERATURE)
    return weights / weights.sum()


def occupation_agreement(
    resume_vectors: np.ndarray, jd_vectors: np.ndarray, occupations: np.ndarray
) -> float:
    """Return the cosine, in [0, 1], between the two texts' distributions over occupations."""
    if len(resume_vectors) == 0 or len(jd_vectors) == 0:
        return 0.0
    a = occupation_profile(pooled(resume_vectors), occupations)
    b = occupation_profile(pooled(jd_vectors), occupations)
    return float(min(1.0, (a @ b) / (np.linalg.norm(a) * np.linalg.norm(b))))


def semantic_score(
    resume_vectors: np.ndarray, jd_vectors: np.ndarray, occupations: np.ndarray
) -> float:
    """Blend the mapped direct cosine with occupation agreement into one score in [0, 1]."""
    direct = semantic_score_from_cosine(semantic_similarity(resume_vectors, jd_vectors))
    agreement = occupation_agreement(resume_vectors, jd_vectors, occupations)
    return (1 - OCCUPATION_WEIGHT) * direct + OCCUPATION_WEIGHT * agreement


def blend(
    semantic: float,
    keyword: float,
    candidate_years: float,
    minimum: int | None,
    has_jd_skills: bool = True,
) -> float:
    """Combine semantic, keyword and experience evidence into the overall score in [0, 1]."""
    experience = _experience_score(candidate_years, minimum)
    if has_jd_skills:
        overall = W_SEMANTIC * semantic + W_KEYWORD * keyword + W_EXPERIENCE * experience
    else:
        # A job that names no known skill gives no keyword evidence: do not count it as zero.
        overall = (W_SEMANTIC + W_KEYWORD) * semantic + W_EXPERIENCE * experience
    return float(min(1.0, max(0.0, overall)))


def _rows(vectors: np.ndarray | None, start: int, stop: int) -> np.ndarray:
    if vectors is None or stop <= start:
        return np.zeros((0, 1), dtype=np.float32)
    return np.asarray(vectors[start:stop], dtype=np.float32)


def _heading_kind(line: str) -> str | None:
    """Classify a heading line by what its section holds, or None if it is not a heading."""
    if _LIST_ITEM.match(line):
        return None
    match = _HEADING_RE.match(line)
    if not match:
        return None
    title = match.group("title").strip().strip("*_#").strip()
    # A sentence is not a heading: headings are short and do not end a statement.
    if not title or len(title.split()) > 8 or title.endswith((".", "!", "?", ",")):
        return None
    if _OPTIONAL_HEAD.match(title):
        return OPTIONAL
    # "About the role" describes the job; "About Acme" or "About us" describes the employer.
    if re.match(r"about\s+(?:the\s+)?(?:role|job|position|team|opportunity|you)\b", title, re.I):
        return CORE
    if _BOILERPLATE_HEAD.match(title) or _BOILERPLATE_HEAD_I.match(title.lower()):
        return BOILERPLATE
    return CORE


def _inline_kind(line: str) -> str | None:
    """Classify a line that opens with a label and goes on after it, or return None."""
    for kind, pattern in ((BOILERPLATE, _BOILERPLATE_INLINE), (OPTIONAL, _OPTIONAL_INLINE)):
        match = pattern.search(line)
        if match and line[match.end() :].strip(" \t:-–—*_"):
            return kind
    return None


def jd_sections(jd_text: str) -> list[tuple[str, str]]:
    """Split a job description into (kind, text) parts: core, optional or boilerplate."""
    parts: list[tuple[str, str]] = []
    section = CORE
    for line in (jd_text or "").splitlines():
        if not line.strip():
            continue
        # A label with text after it ("Nice to have: Kafka") marks that line only; a bare
        # heading ("Compensation and benefits") opens a section.
        inline = _inline_kind(line)
        kind = _heading_kind(line)
        if inline is not None and (kind is None or _LABEL_SEPARATOR.search(line)):
            parts.append((inline, line))
            continue
        if kind is not None:
            section = kind
            # The heading line itself still names the role ("Senior Python Developer").
            if kind == CORE:
                parts.append((CORE, line))
            continue
        # A section we took for company boilerplate may run on into the job itself when the
        # next heading is missing; a line that talks requirements is the job's, not the perks'.
        if section == BOILERPLATE and _REQUIREMENT_CUE.search(line):
            parts.append((CORE, line))
            continue
        parts.append((section, line))
    return parts


def jd_skills_ranked(
    jd_text: str, find_skills: FindSkillsFn = skills.find_skills
) -> list[tuple[str, str]]:
    """Return a job's skills as (name, core|optional), required ones first, most prominent first.

    Skills named only in benefits or company boilerplate are left out.
    """
    parts = jd_sections(jd_text)
    text = {
        kind: "\n".join(t for k, t in parts if k == kind) for kind in (CORE, OPTIONAL, BOILERPLATE)
    }
    ranked: dict[str, str] = {}
    for name in find_skills(text[CORE]) if text[CORE] else []:
        ranked.setdefault(name, CORE)
    for name in find_skills(text[OPTIONAL]) if text[OPTIONAL] else []:
        ranked.setdefault(name, OPTIONAL)
    boiler = set(find_skills(text[BOILERPLATE])) if text[BOILERPLATE] else set()
    # Splitting can cost a name the list context it had in the whole text: keep those too,
    # unless the boilerplate is where they came from.
    whole = find_skills(jd_text or "")
    for name in whole:
        if name not in ranked and name not in boiler:
            ranked[name] = CORE
    # Everything looked like boilerplate: the split failed, not the job; trust the whole text.
    if not ranked:
        return [(name, CORE) for name in whole]
    return list(ranked.items())


def analyze_fit(
    *,
    resume_text: str,
    resume_skills: list[str],
    candidate_years: float,
    jd_text: str,
    embed: EmbedFn = embeddings.embed,
    find_skills: FindSkillsFn = skills.find_skills,
    resume_vectors: np.ndarray | None = None,
    jd_vectors: np.ndarray | None = None,
) -> dict:
    """Score how well a resume fits a job description, as the job_fit_analysis object."""
    ranked = jd_skills_ranked(jd_text or "", find_skills)
    jd_skills = [name for name, _ in ranked]
    have = {skills.skill_key(s) for s in list(resume_skills) + find_skills(resume_text or "") if s}
    matching = [s for s in jd_skills if skills.skill_key(s) in have]
    missing = [s for s in jd_skills if skills.skill_key(s) not in have]
    # Nice-to-have skills count in full: halving them lowered the dev keyword AUC (0.80 to 0.76)
    # and left the new-JD figure unchanged; they only go after the required ones in the lists.
    keyword = len(matching) / len(jd_skills) if jd_skills else 0.0

    have_resume = resume_vectors is not None and len(resume_vectors) > 0
    have_jd = jd_vectors is not None and len(jd_vectors) > 0
    # Embed only what the caller has not already embedded, in one batched call.
    resume_chunks = [] if have_resume else chunk_texts(resume_text or "")
    jd_chunks = [] if have_jd else chunk_texts(jd_text or "")
    vectors = embed(resume_chunks + jd_chunks) if resume_chunks + jd_chunks else None
    if not have_resume:
        resume_vectors = _rows(vectors, 0, len(resume_chunks))
    if not have_jd:
        jd_vectors = _rows(vectors, len(resume_chunks), len(resume_chunks) + len(jd_chunks))
    semantic = semantic_score(resume_vectors, jd_vectors, _occupation_vectors(embed))

    minimum, maximum = required_years(jd_text or "")
    years = max(0.0, float(candidate_years or 0.0))
    fit_label = experience_fit(years, minimum, maximum)

    overall = blend(semantic, keyword, years, minimum, bool(jd_skills))

    return {
        "keyword_score": round(keyword, 4),
        "semantic_score": round(semantic, 4),
        "matching_skills": matching,
        "missing_skills": missing,
        "experience_fit": fit_label,
        "required_years": minimum,
        "required_years_max": maximum,
        "candidate_years": round(years, 1),
        "overall_score": round(overall, 4),
    }
