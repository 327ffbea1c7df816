import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useSession } from "../../app/session";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";

interface LocationState {
  from?: string;
  notice?: string;
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LocationState;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({
    mutationFn: () => api.login({ username: username.trim(), password }),
    onSuccess: (data) => {
      session.start(data.access_token, data.refresh_token);
      navigate(state.from && state.from !== "/login" ? state.from : "/analysis", { replace: true });
    },
  });
  const error = login.error instanceof ApiError ? login.error : null;
  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate();
  }
  return (
    <Page title="Log in" intro="Welcome back. Log in to see your resume's fit and practise.">
      <div className="card card--narrow">
        {session.expired && !error ? (
          <Alert tone="info">Your session has ended. Please log in again.</Alert>
        ) : null}
        {state.notice && !login.isPending && !error ? (
          <Alert tone="success">{state.notice}</Alert>
        ) : null}
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <form onSubmit={submit} noValidate>
          <TextField
            label="Username or email"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={error?.errors.username}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.errors.password}
          />
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={login.isPending}
          >
            {login.isPending ? "Logging in…" : "Log in"}
          </button>
        </form>
        <p className="card__foot">
          New here? <Link to="/signup">Create an account</Link>
        </p>
      </div>
    </Page>
  );
}
