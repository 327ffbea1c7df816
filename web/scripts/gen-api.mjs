// Generate src/api/schema.d.ts from the Flask app's OpenAPI document (`npm run gen:api`),
// or, with --check, fail when the committed file differs from a fresh generation.
// The document comes from the app itself (create_app with TestConfig), so no server is needed.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, "..");
const repo = resolve(web, "..");
const target = resolve(web, "src/api/schema.d.ts");
const check = process.argv.includes("--check");

const DUMP = `
import json
from app import create_app
from config import TestConfig

app = create_app(TestConfig())
response = app.test_client().get("/api/openapi.json")
assert response.status_code == 200, response.status_code
print(json.dumps(response.get_json()))
`;

function python() {
  if (process.env.PYTHON) return process.env.PYTHON;
  const venv = resolve(repo, ".venv/bin/python");
  return existsSync(venv) ? venv : "python3";
}

const raw = execFileSync(python(), ["-c", DUMP], {
  cwd: repo,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, HF_HUB_OFFLINE: "1", TRANSFORMERS_OFFLINE: "1" },
});
const spec = JSON.parse(raw);
const header =
  "// Generated from /api/openapi.json by `npm run gen:api` (web/scripts/gen-api.mjs).\n" +
  "// Do not edit: regenerate after changing the API.\n\n";
const fresh =
  header + astToString(await openapiTS(spec, { alphabetize: true, defaultNonNullable: false }));

if (check) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== fresh) {
    console.error(
      "src/api/schema.d.ts is stale: the API's OpenAPI document changed. " +
        "Run `make web-types` (or `cd web && npm run gen:api`) and commit the result.",
    );
    process.exit(1);
  }
  console.log(`API types are current (${Object.keys(spec.paths).length} paths).`);
} else {
  writeFileSync(target, fresh);
  console.log(`Wrote ${target} (${Object.keys(spec.paths).length} paths).`);
}
