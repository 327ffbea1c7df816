"""Request and response models: validation at the edge and the source of the OpenAPI document."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)
from werkzeug.datastructures import FileStorage

from config import DEFAULT_JD_MAX_CHARS
from resume.skills import normalise_skills

USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{3,20}$")
PHONE_RE = re.compile(r"^[0-9 +\-().]*$")
MAX_SKILLS = 100
MAX_SKILL_LENGTH = 50
MAX_QUERY_CHARS = 1000
MAX_K = 20


def _absent() -> Any:
    # A default the JSON Schema does not show: the field may be left out, but not set to null.
    return None


class Strict(BaseModel):
    """Refuse unknown fields and never coerce types (no "3" for 3, no true for 1)."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _optional_text(value: str | None, limit: int, field: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise ValueError(f"{field} must be at most {limit} characters")
    return value or None


class RegisterIn(Strict):
    username: str = Field(description="3-20 letters, digits, '_', '.' or '-'; unique (any case)")
    email: str = Field(max_length=254, description="A valid address, at most 120 characters")
    password: str = Field(description="8-128 characters")
    full_name: str | None = Field(default=None, description="At most 100 characters")

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        if not USERNAME_RE.fullmatch(value):
            raise ValueError("must be 3-20 characters of letters, digits, '_', '.' or '-'")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        try:
            email = validate_email(value.strip(), check_deliverability=False).normalized
        except EmailNotValidError as exc:
            raise ValueError(f"is not a valid email address ({exc})") from None
        if len(email) > 120:
            raise ValueError("must be at most 120 characters")
        return email.lower()

    @field_validator("password")
    @classmethod
    def _password(cls, value: str) -> str:
        if not 8 <= len(value) <= 128:
            raise ValueError("must be 8-128 characters")
        return value

    @field_validator("full_name")
    @classmethod
    def _full_name(cls, value: str | None) -> str | None:
        return _optional_text(value, 100, "full_name")


class LoginIn(Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=254)] | None = Field(
        default=None, description="Username or email"
    )
    email: Annotated[str, StringConstraints(min_length=1, max_length=254)] | None = Field(
        default=None, description="Email, as an alternative to username"
    )
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]

    def identifier(self) -> str | None:
        """Return the username or email the client logged in with."""
        return (self.username or self.email or "").strip() or None


class LogoutIn(Strict):
    refresh_token: str | None = Field(default=None, max_length=4096)


class ProfileUpdateIn(Strict):
    full_name: str | None = Field(default=None, description="At most 100 characters; null clears")
    phone: str | None = Field(
        default=None, description="At most 20 of digits, spaces and + - ( ) .; null clears"
    )
    # Not nullable: a profile always has years and a (possibly empty) skill list.
    experience_years: int = Field(default_factory=_absent, ge=0, le=70)
    skills: list[str] = Field(default_factory=_absent, max_length=MAX_SKILLS)

    @field_validator("full_name")
    @classmethod
    def _full_name(cls, value: str | None) -> str | None:
        return _optional_text(value, 100, "full_name")

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        value = _optional_text(value, 20, "phone")
        if value is not None and not PHONE_RE.fullmatch(value):
            raise ValueError("may contain only digits, spaces and + - ( ) .")
        return value

    @field_validator("experience_years", mode="before")
    @classmethod
    def _not_null_years(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("must be an integer from 0 to 70")
        return value

    @field_validator("skills", mode="before")
    @classmethod
    def _not_null_skills(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("must be a list of strings")
        return value

    @field_validator("skills")
    @classmethod
    def _skills(cls, value: list[str]) -> list[str]:
        for i, skill in enumerate(value):
            if not 1 <= len(skill.strip()) <= MAX_SKILL_LENGTH:
                raise ValueError(f"item {i} must be 1-{MAX_SKILL_LENGTH} characters after trimming")
        return normalise_skills(value)


class JobDescriptionIn(Strict):
    job_description: str = Field(
        min_length=1,
        # Documented only: the service checks the configured limit (JOB_DESCRIPTION_MAX_CHARS).
        json_schema_extra={"maxLength": DEFAULT_JD_MAX_CHARS},
        description="The job description text; not blank once control characters are removed",
    )


def _file_part(value: Any) -> FileStorage:
    if not isinstance(value, FileStorage) or not value.filename:
        raise ValueError("is required as a file part (PDF or DOCX)")
    return value


UploadedFile = Annotated[
    Any,
    WithJsonSchema({"type": "string", "format": "binary", "description": "PDF or DOCX"}),
]


class UploadForm(BaseModel):
    """The multipart form of an upload: the file and the job it is aimed at."""

    model_config = ConfigDict(extra="ignore")

    resume: UploadedFile
    job_description: str = Field(
        min_length=1,
        # Documented only: the service checks the configured limit (JOB_DESCRIPTION_MAX_CHARS).
        json_schema_extra={"maxLength": DEFAULT_JD_MAX_CHARS},
        description="The job description text; not blank once control characters are removed",
    )

    _resume = field_validator("resume")(_file_part)

    @field_validator("job_description", mode="before")
    @classmethod
    def _jd_text(cls, value: Any) -> Any:
        # Length and blankness are checked by the service against the configured limit.
        if not isinstance(value, str):
            raise ValueError("must be text")
        return value


class SearchQuery(BaseModel):
    """The query string of a search: the question and how many chunks to return."""

    model_config = ConfigDict(extra="ignore")

    q: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, description="The question")
    k: int = Field(default=5, ge=1, le=MAX_K, description="How many chunks to return")

    @field_validator("q", mode="before")
    @classmethod
    def _query(cls, value: Any) -> str:
        query = value.strip() if isinstance(value, str) else ""
        if not query:
            raise ValueError("is required and must not be blank")
        if len(query) > MAX_QUERY_CHARS:
            raise ValueError(f"must be at most {MAX_QUERY_CHARS} characters")
        return query

    @field_validator("k", mode="before")
    @classmethod
    def _k(cls, value: Any) -> int:
        # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and re.fullmatch(r"[0-9]{1,3}", value):
            number = int(value)
        else:
            number = 0
        if not 1 <= number <= MAX_K:
            raise ValueError(f"must be an integer from 1 to {MAX_K}")
        return number


# ---- responses -------------------------------------------------------------------------


class ErrorOut(BaseModel):
    success: bool = False
    message: str
    errors: dict[str, str] | None = None


Timestamp = Annotated[
    datetime,
    PlainSerializer(lambda d: d.replace(microsecond=0).isoformat(), return_type=str),
]


class UserOut(BaseModel):
    """The public profile, exactly as the docs page shows it; read from a User row."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    email: str
    full_name: str | None
    phone: str | None
    experience_years: int
    skills: list[str]
    resume_filename: str | None
    created_at: Timestamp


class ProfileOut(BaseModel):
    user: UserOut


class AuthOut(BaseModel):
    success: bool = True
    user: UserOut
    access_token: str
    refresh_token: str


class AccessTokenOut(BaseModel):
    access_token: str


class MessageOut(BaseModel):
    success: bool = True
    message: str


class ProfileUpdateOut(MessageOut):
    user: UserOut


class JobFitOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    keyword_score: float
    semantic_score: float
    matching_skills: list[str]
    missing_skills: list[str]
    required_skills: list[str] = Field(
        default_factory=list,
        description="The job's skills named as requirements, not as nice-to-have or in boilerplate",
    )
    experience_fit: str
    required_years: int | None = None
    required_years_max: int | None = None
    candidate_years: float | None = None
    overall_score: float | None = None


class AnalysisData(BaseModel):
    model_config = ConfigDict(extra="allow")

    skills: list[str]
    experience_years: int
    projects: list[str]
    certifications: list[str]
    internships: list[str]
    education: list[str]
    job_fit_analysis: JobFitOut
    chunks_processed: int
    rag_ready: bool
    jd_embedding_stored: bool
    experience_years_exact: float | None = None
    internship_years: float | None = None
    warnings: list[str] = Field(
        default_factory=list,
        description="What the parser could not read, as sentences saying what to check "
        "(e.g. job titles without dates, no education section); empty when nothing was missed",
    )


class AnalysisOut(BaseModel):
    success: bool = True
    message: str
    data: AnalysisData


class FitOut(BaseModel):
    success: bool = True
    job_fit_analysis: JobFitOut


class SearchHit(BaseModel):
    text: str
    section: str
    position: int
    score: float


class SearchOut(BaseModel):
    success: bool = True
    query: str
    results: list[SearchHit]


class HealthOut(BaseModel):
    status: str
    database: str
    model: str
