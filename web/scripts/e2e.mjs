// Run the Playwright tests against a real gunicorn serving the built client: a free loopback
// port, a fresh SQLite database and fresh upload and index folders, migrated with
// `flask db upgrade`. Everything it starts is stopped and removed at the end.
// Usage: npm run e2e [-- playwright args]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(fileURLToPath(import.meta.url), "../..");
const repo = resolve(web, "..");
const bin = (name) => {
  const venv = join(repo, ".venv/bin", name);
  return existsSync(venv) ? venv : name;
};

if (!existsSync(join(web, "dist/index.html"))) {
  console.error("web/dist is not built: run `make web` (or `npm run build`) first.");
  process.exit(1);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), "web-e2e-"));
const port = await freePort();
const env = {
  ...process.env,
  APP_ENV: "development",
  HOST: "127.0.0.1",
  PORT: String(port),
  DATABASE_URL: `sqlite:///${join(tmp, "e2e.db")}`,
  INSTANCE_DIR: join(tmp, "instance"),
  UPLOAD_FOLDER: join(tmp, "uploads"),
  DATA_DIR: join(tmp, "data"),
  // Many sign-ups and logins from one address in a few minutes; limits have their own tests.
  RATELIMIT_ENABLED: "0",
  WEB_CONCURRENCY: "1",
  GUNICORN_THREADS: "4",
  HF_HUB_OFFLINE: "1",
  TRANSFORMERS_OFFLINE: "1",
};

const migrate = spawnSync(bin("flask"), ["--app", "app", "db", "upgrade"], {
  cwd: repo,
  env,
  stdio: "inherit",
});
if (migrate.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  process.exit(migrate.status ?? 1);
}

// Its own process group, so that the master and its workers are stopped together.
const server = spawn(bin("gunicorn"), ["-c", "gunicorn.conf.py", "app:create_app()"], {
  cwd: repo,
  env,
  detached: true,
  stdio: ["ignore", "ignore", "pipe"],
});
let serverLog = "";
server.stderr.on("data", (chunk) => {
  serverLog = (serverLog + chunk).slice(-20000);
});

function stop() {
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

async function stopAndWait() {
  if (server.exitCode !== null) return;
  const exited = new Promise((done) => server.once("exit", done));
  stop();
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 15000);
  await exited;
  clearTimeout(timer);
}

process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

const base = `http://127.0.0.1:${port}`;
let status = 1;
try {
  // Ready means the model is loaded too: the first upload should not wait for it.
  const deadline = Date.now() + 180_000;
  let ready = false;
  while (!ready && Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(`${base}/api/health`);
      ready = response.ok && (await response.json()).model === "ready";
    } catch {
      // Not listening yet.
    }
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) {
    console.error(`gunicorn did not become ready on ${base}:\n${serverLog}`);
  } else {
    console.log(`e2e: gunicorn ready on ${base} (database and folders in ${tmp})`);
    const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
      cwd: web,
      env: { ...process.env, E2E_BASE_URL: base },
      stdio: "inherit",
    });
    status = run.status ?? 1;
    if (status !== 0) console.error(`gunicorn's log (last lines):\n${serverLog.slice(-4000)}`);
  }
} finally {
  await stopAndWait();
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(status);
