import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeApi, renderSignedIn } from "../../test/render";
import { UploadPage } from "./UploadPage";

/** An XMLHttpRequest that answers every upload with one status and body, reporting progress. */
function fakeUpload(status: number, body: unknown) {
  const sent: { url: string; auth: string | null; form: FormData }[] = [];
  class FakeXHR {
    status = 0;
    responseText = "";
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private url = "";
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(form: FormData) {
      sent.push({ url: this.url, auth: this.headers.Authorization ?? null, form });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 } as ProgressEvent);
      setTimeout(() => {
        this.status = status;
        this.responseText = JSON.stringify(body);
        this.onload?.();
      }, 0);
    }
  }
  vi.stubGlobal("XMLHttpRequest", FakeXHR);
  return sent;
}

async function fillAndSend(fileName = "resume.pdf") {
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(
    screen.getByLabelText("Resume file"),
    new File(["%PDF-1.4"], fileName, { type: "application/pdf" }),
  );
  await user.type(screen.getByLabelText("Job description"), "Senior Python developer, 5+ years");
  await user.click(screen.getByRole("button", { name: "Upload and analyse" }));
}

describe("UploadPage", () => {
  it.each([
    [413, "The upload is larger than the allowed maximum size.", /at most 10 MB/],
    [415, "Only PDF or DOCX resumes are accepted.", /\.docx/],
    [422, "The PDF is encrypted; upload a version without a password.", /password-protected/],
    [422, "No text could be read from the file.", /not a scan/],
  ])("shows the server's message and a hint for %i", async (status, message, hint) => {
    fakeApi({});
    fakeUpload(status, { success: false, message });
    renderSignedIn(<UploadPage />, "/upload");
    await fillAndSend();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The upload was refused");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toMatch(hint);
  });

  it("puts field errors beside the fields", async () => {
    fakeApi({});
    fakeUpload(422, {
      success: false,
      message: "The job description is too long.",
      errors: { job_description: "must be at most 20000 characters" },
    });
    renderSignedIn(<UploadPage />, "/upload");
    await fillAndSend();
    expect(await screen.findByText("must be at most 20000 characters")).toBeTruthy();
    expect(screen.getByLabelText("Job description").getAttribute("aria-invalid")).toBe("true");
  });

  it("sends the file and the job description with the bearer token", async () => {
    fakeApi({});
    const sent = fakeUpload(200, {
      success: true,
      message: "Resume uploaded and analyzed successfully",
      data: {},
    });
    renderSignedIn(<UploadPage />, "/upload");
    await fillAndSend("cv.pdf");
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].url).toBe("/api/upload_resume");
    expect(sent[0].auth).toBe("Bearer access-token");
    expect((sent[0].form.get("resume") as File).name).toBe("cv.pdf");
    expect(sent[0].form.get("job_description")).toBe("Senior Python developer, 5+ years");
  });

  it("says what is missing before sending anything", async () => {
    const user = userEvent.setup();
    fakeApi({});
    const sent = fakeUpload(200, {});
    renderSignedIn(<UploadPage />, "/upload");
    await user.click(screen.getByRole("button", { name: "Upload and analyse" }));
    expect(screen.getByText("Choose your resume file.")).toBeTruthy();
    expect(screen.getByText("Paste the job description you are aiming for.")).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
