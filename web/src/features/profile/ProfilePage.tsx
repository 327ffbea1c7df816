import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import { api, type User } from "../../api/endpoints";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { SkillsEditor } from "./SkillsEditor";
import { fieldErrors, updateBody, type ProfileForm } from "./skills";

function formFrom(user: User): ProfileForm {
  return {
    full_name: user.full_name ?? "",
    phone: user.phone ?? "",
    experience_years: String(user.experience_years),
    skills: user.skills,
  };
}

export function ProfilePage() {
  const profile = useQuery({ queryKey: ["profile"], queryFn: api.profile });
  const analysis = useQuery({
    queryKey: ["analysis"],
    queryFn: api.analysis,
    retry: false,
  });
  return (
    <Page
      title="Profile"
      intro="Your details shape the interview questions and the fit of your resume."
    >
      {profile.isPending ? <p className="muted">Loading your profile…</p> : null}
      {profile.error ? <Alert tone="error">{profile.error.message}</Alert> : null}
      {profile.data ? (
        <ProfileEditor
          key={profile.data.user.id}
          user={profile.data.user}
          resumeSkills={analysis.data?.data.skills}
        />
      ) : null}
    </Page>
  );
}

function ProfileEditor({ user, resumeSkills }: { user: User; resumeSkills?: string[] }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProfileForm>(() => formFrom(user));
  const save = useMutation({
    mutationFn: () => api.updateProfile(updateBody(form)),
    onSuccess: (data) => {
      queryClient.setQueryData(["profile"], { user: data.user });
      // Show what the server kept (trimmed, de-duplicated).
      setForm(formFrom(data.user));
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const errors = error ? fieldErrors(error.errors) : {};
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <div className="grid grid--profile">
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        <dl className="facts">
          <div>
            <dt>Username</dt>
            <dd>{user.username}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Resume</dt>
            <dd>{user.resume_filename ?? <Link to="/upload">None yet: upload one</Link>}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>{new Date(user.created_at).toLocaleDateString()}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        {save.isSuccess ? <Alert tone="success">{save.data.message}</Alert> : null}
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <form onSubmit={submit} noValidate>
          <TextField
            label="Full name"
            name="full_name"
            autoComplete="name"
            value={form.full_name}
            onChange={(e) => setForm({ ...form, full_name: e.target.value })}
            error={errors.full_name}
            hint="At most 100 characters"
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
            error={errors.phone}
            hint="Digits, spaces and + - ( ) . ; at most 20"
          />
          <TextField
            label="Years of experience"
            name="experience_years"
            inputMode="numeric"
            value={form.experience_years}
            onChange={(e) => setForm({ ...form, experience_years: e.target.value })}
            error={errors.experience_years}
            hint="A whole number from 0 to 70"
          />
          <SkillsEditor
            skills={form.skills}
            resumeSkills={resumeSkills}
            error={errors.skills}
            onChange={(skills) => setForm({ ...form, skills })}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save profile"}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
