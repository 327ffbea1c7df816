// Skills editor logic: the server trims, caps and de-duplicates too; doing it here gives the
// user the answer before a round trip.
export const MAX_SKILLS = 100;
export const MAX_SKILL_LENGTH = 50;

const key = (skill: string) => skill.trim().replace(/\s+/g, " ").toLowerCase();

export interface SkillItem {
  name: string;
  fromResume: boolean;
}

/** Mark each profile skill that the latest resume analysis extracted. */
export function markResumeSkills(
  skills: string[],
  resumeSkills: string[] | undefined,
): SkillItem[] {
  const fromResume = new Set((resumeSkills ?? []).map(key));
  return skills.map((name) => ({ name, fromResume: fromResume.has(key(name)) }));
}

export type AddResult = { ok: true; skills: string[] } | { ok: false; error: string };

/** Add one typed skill, or say why it cannot be added. */
export function addSkill(skills: string[], raw: string): AddResult {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) return { ok: false, error: "Type a skill first." };
  if (name.length > MAX_SKILL_LENGTH) {
    return { ok: false, error: `A skill is at most ${MAX_SKILL_LENGTH} characters.` };
  }
  if (skills.some((s) => key(s) === key(name))) {
    return { ok: false, error: `${name} is already in your skills.` };
  }
  if (skills.length >= MAX_SKILLS) return { ok: false, error: `At most ${MAX_SKILLS} skills.` };
  return { ok: true, skills: [...skills, name] };
}

/** Fold the server's field errors ("skills.3") onto the form's fields ("skills"). */
export function fieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const [field, ...rest] = path.split(".");
    const text = rest.length ? `item ${Number(rest[0]) + 1}: ${message}` : message;
    out[field] ??= text;
  }
  return out;
}

export interface ProfileForm {
  full_name: string;
  phone: string;
  experience_years: string;
  skills: string[];
}

/** Turn the form into the update body; an empty name or phone clears it (null). */
export function updateBody(form: ProfileForm) {
  const years = form.experience_years.trim();
  return {
    full_name: form.full_name.trim() || null,
    phone: form.phone.trim() || null,
    // Blank leaves the years unchanged; a non-integer is sent as typed so that the server's
    // message explains it beside the field.
    experience_years:
      years === "" ? undefined : /^\d+$/.test(years) ? Number(years) : (years as unknown as number),
    skills: form.skills,
  };
}
