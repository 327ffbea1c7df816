"""The progress report route: a PDF of the caller's name, job fit, mastery and sessions."""

from __future__ import annotations

from flask import Blueprint

from api.contract import operation
from api.limits import per_account
from api.tokens import account, jwt_required
from services.progress import progress_report

report_bp = Blueprint("report", __name__, url_prefix="/api")


@report_bp.get("/report")
@per_account("RATELIMIT_REPORT")
@jwt_required()
@operation(
    "Download your progress report (PDF)",
    tag="report",
    media_type="application/pdf",
    download_name="progress-report.pdf",
)
def report():
    """Return the caller's progress report as a PDF."""
    return progress_report(account())
