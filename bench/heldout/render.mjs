// Render one JSON Resume file through a theme: node THEMES_DIR/render.mjs THEME IN.json OUT.html
// render.sh copies this file into the directory where `npm install jsonresume-theme-*` ran, so
// bare imports resolve there for CommonJS and ESM themes alike.
import fs from "node:fs";

const [theme, input, output] = process.argv.slice(2);
const resume = JSON.parse(fs.readFileSync(input, "utf8"));
const mod = await import(`jsonresume-theme-${theme}`);
const render = mod.render || (mod.default && mod.default.render) || mod.default;
fs.writeFileSync(output, await render(resume));
