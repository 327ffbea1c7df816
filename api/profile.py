"""The caller's profile: read it, update it partially."""

from __future__ import annotations

from flask import Blueprint

from api.contract import operation
from api.schemas import ProfileOut, ProfileUpdateIn, ProfileUpdateOut
from api.tokens import account, caller, jwt_required
from models import db

profile_bp = Blueprint("profile", __name__, url_prefix="/api")


@profile_bp.get("/profile")
@jwt_required()
@operation("Read your profile", tag="profile", response=ProfileOut)
def get_profile():
    """Return the caller's profile."""
    return {"user": caller()}


@profile_bp.post("/update_profile")
@jwt_required()
@operation(
    "Update your profile (partial)", tag="profile", body=ProfileUpdateIn, response=ProfileUpdateOut
)
def update_profile(body: ProfileUpdateIn):
    """Apply the fields given and leave the others as they were."""
    changes = body.model_dump(exclude_unset=True)
    user = account()
    for field in ("full_name", "phone", "experience_years"):
        if field in changes:
            setattr(user, field, changes[field])
    if "skills" in changes:
        user.set_skills_by_hand(changes["skills"])
    db.session.commit()
    return {"message": "Profile updated successfully", "user": user}
