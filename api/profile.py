"""The caller's profile: read it, update it partially."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask_jwt_extended import current_user, jwt_required

from api.openapi import operation
from api.schemas import ProfileOut, ProfileUpdateIn, ProfileUpdateOut
from api.validation import parse_json
from models import db

profile_bp = Blueprint("profile", __name__, url_prefix="/api")


@profile_bp.get("/profile")
@jwt_required()
@operation("Read your profile", tag="profile", responses={200: ProfileOut})
def get_profile():
    """Return the caller's profile."""
    return jsonify({"user": current_user.to_dict()})


@profile_bp.post("/update_profile")
@jwt_required()
@operation(
    "Update your profile (partial)",
    tag="profile",
    body=ProfileUpdateIn,
    responses={200: ProfileUpdateOut},
)
def update_profile():
    """Apply the fields given and leave the others as they were."""
    changes = parse_json(ProfileUpdateIn).model_dump(exclude_unset=True)
    user = current_user
    for field in ("full_name", "phone", "experience_years"):
        if field in changes:
            setattr(user, field, changes[field])
    if "skills" in changes:
        # What the user sets by hand is their list; it survives future uploads.
        user.skills = changes["skills"]
        user.manual_skills = changes["skills"]
    db.session.commit()
    return jsonify(
        {"success": True, "message": "Profile updated successfully", "user": user.to_dict()}
    )
