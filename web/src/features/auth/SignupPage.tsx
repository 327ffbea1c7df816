import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useSession } from "../../app/session";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";

export function SignupPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ username: "", email: "", password: "", full_name: "" });
  const signup = useMutation({
    mutationFn: () =>
      api.register({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        full_name: form.full_name.trim() || null,
      }),
    onSuccess: (data) => {
      session.start(data.access_token, data.refresh_token);
      navigate("/upload", { replace: true, state: { welcome: true } });
    },
  });
  const error = signup.error instanceof ApiError ? signup.error : null;
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    signup.mutate();
  }
  return (
    <Page
      title="Create your account"
      intro="Upload your resume next, with the job you are aiming for."
    >
      <div className="card card--narrow">
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <form onSubmit={submit} noValidate>
          <TextField
            label="Username"
            name="username"
            autoComplete="username"
            required
            hint="3-20 letters, digits, _ . or -"
            value={form.username}
            onChange={set("username")}
            error={error?.errors.username}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={set("email")}
            error={error?.errors.email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint="8-128 characters"
            value={form.password}
            onChange={set("password")}
            error={error?.errors.password}
          />
          <TextField
            label="Full name (optional)"
            name="full_name"
            autoComplete="name"
            value={form.full_name}
            onChange={set("full_name")}
            error={error?.errors.full_name}
          />
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={signup.isPending}
          >
            {signup.isPending ? "Creating account…" : "Create account"}
          </button>
        </form>
        <p className="card__foot">
          Already registered? <Link to="/login">Log in</Link>
        </p>
      </div>
    </Page>
  );
}
