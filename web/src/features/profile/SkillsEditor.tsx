import { useId, useState } from "react";
import type { KeyboardEvent } from "react";
import { addSkill, markResumeSkills } from "./skills";

interface Props {
  skills: string[];
  resumeSkills?: string[];
  error?: string;
  onChange(skills: string[]): void;
}

/** Edit the skills list; skills the latest resume gave are marked as such. */
export function SkillsEditor({ skills, resumeSkills, error, onChange }: Props) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const items = markResumeSkills(skills, resumeSkills);
  const fromResume = items.filter((i) => i.fromResume).length;
  function add() {
    const result = addSkill(skills, draft);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setProblem(null);
    setDraft("");
    onChange(result.skills);
  }
  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  }
  const message = problem ?? error;
  return (
    <fieldset className={`field skills-editor${message ? " field--error" : ""}`}>
      <legend>Skills</legend>
      <p className="field__hint" id={`${id}-legend`}>
        {resumeSkills
          ? `${fromResume} of ${skills.length} came from your resume (marked “from resume”).`
          : "Upload a resume to fill these in automatically."}
      </p>
      {items.length ? (
        <ul className="chips" aria-label="Your skills">
          {items.map((item) => (
            <li
              key={item.name}
              className={`chip ${item.fromResume ? "chip--resume" : "chip--neutral"}`}
            >
              {item.name}
              {item.fromResume ? <span className="chip__note"> from resume</span> : null}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${item.name}`}
                onClick={() => onChange(skills.filter((s) => s !== item.name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No skills yet.</p>
      )}
      <div className="inline-form">
        <label htmlFor={`${id}-new`} className="visually-hidden">
          New skill
        </label>
        <input
          id={`${id}-new`}
          value={draft}
          placeholder="Add a skill, e.g. PostgreSQL"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : `${id}-legend`}
        />
        <button type="button" className="button" onClick={add}>
          Add
        </button>
      </div>
      {message ? (
        <p className="field__error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
