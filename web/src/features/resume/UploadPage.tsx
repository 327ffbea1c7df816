import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { DragEvent, FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { Alert } from "../../components/Alert";
import { TextArea } from "../../components/Field";
import { Page } from "../../components/Page";
import { ACCEPTED, uploadHint } from "./scores";

const JD_MAX = 20000;

function size(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function UploadPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const welcome = Boolean((useLocation().state as { welcome?: boolean } | null)?.welcome);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [jd, setJd] = useState("");
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState(0);
  const [missing, setMissing] = useState<{ resume?: string; job_description?: string }>({});
  const upload = useMutation({
    mutationFn: () => api.uploadResume(file!, jd, setProgress),
    onMutate: () => setProgress(0),
    onSuccess: (data) => {
      queryClient.setQueryData(["analysis"], data);
      queryClient.invalidateQueries({ queryKey: ["profile"] });
      navigate("/analysis", { state: { uploaded: true } });
    },
  });
  const error = upload.error instanceof ApiError ? upload.error : null;
  // What the form found missing, else what the server said about each field.
  const errors = {
    resume: missing.resume ?? error?.errors.resume,
    job_description: missing.job_description ?? error?.errors.job_description,
  };

  function choose(files: FileList | null) {
    const picked = files?.[0];
    if (picked) {
      setFile(picked);
      setMissing((m) => ({ ...m, resume: undefined }));
      upload.reset();
    }
  }
  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      resume: file ? undefined : "Choose your resume file.",
      job_description: jd.trim() ? undefined : "Paste the job description you are aiming for.",
    };
    setMissing(next);
    if (next.resume || next.job_description) return;
    upload.mutate();
  }
  const sending = upload.isPending && progress < 1;
  const hint = error ? uploadHint(error.status) : null;
  return (
    <Page
      title="Upload your resume"
      intro="A PDF or Word (.docx) resume, and the job description you are aiming for."
    >
      {welcome ? (
        <Alert tone="success">Your account is ready. Start with your resume.</Alert>
      ) : null}
      <form className="card" onSubmit={submit} noValidate aria-busy={upload.isPending}>
        {error ? (
          <Alert tone="error" title="The upload was refused">
            <p>{error.message}</p>
            {hint ? <p>{hint}</p> : null}
          </Alert>
        ) : null}
        <div className={`field${errors.resume ? " field--error" : ""}`}>
          <span className="field__label" id={`${id}-label`}>
            Resume file
          </span>
          {/* Dropping is the mouse's shortcut; the file input inside is the keyboard's way. */}
          {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
          <div
            className={`dropzone${dragging ? " dropzone--active" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input
              ref={input}
              id={`${id}-file`}
              className="dropzone__input"
              type="file"
              name="resume"
              accept={ACCEPTED}
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-name ${id}-drop ${errors.resume ? `${id}-file-error` : ""}`.trim()}
              aria-invalid={errors.resume ? true : undefined}
              onChange={(e) => choose(e.target.files)}
            />
            <label htmlFor={`${id}-file`} className="dropzone__label">
              <span className="dropzone__icon" aria-hidden="true">
                ⇪
              </span>
              <strong id={`${id}-name`}>{file ? file.name : "Drop your resume here"}</strong>
              <span id={`${id}-drop`} className="muted">
                {file
                  ? `${size(file.size)} · choose another or drop a new file`
                  : "or press to choose a PDF or DOCX (up to 10 MB)"}
              </span>
            </label>
          </div>
          {errors.resume ? (
            <p className="field__error" id={`${id}-file-error`}>
              {errors.resume}
            </p>
          ) : null}
        </div>
        <TextArea
          label="Job description"
          name="job_description"
          rows={9}
          maxLength={JD_MAX}
          value={jd}
          onChange={(e) => {
            setJd(e.target.value);
            setMissing((m) => ({ ...m, job_description: undefined }));
          }}
          error={errors.job_description}
          hint={`${jd.length.toLocaleString()} / ${JD_MAX.toLocaleString()} characters`}
          placeholder="Paste the whole job ad: responsibilities, requirements, nice-to-haves."
        />
        {upload.isPending ? (
          <div className="progress" role="status">
            <label htmlFor={`${id}-progress`}>
              {sending
                ? `Uploading… ${Math.round(progress * 100)}%`
                : "Reading and analysing your resume…"}
            </label>
            <progress id={`${id}-progress`} max={1} value={sending ? progress : undefined} />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? "Working…" : "Upload and analyse"}
          </button>
        </div>
      </form>
    </Page>
  );
}
