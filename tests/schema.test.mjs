// docs/swanilai.schema.json against the exchange fixtures: every valid example validates,
// and every invalid one whose fault is structural is rejected at the right place.
// The Rust reader (tests/exchange.rs) is the authority; this keeps the published schema
// honest for other tools. Needs the npm package ajv (draft 2020-12 build).
//
//   node --test tests/schema.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// require() rather than import: it also finds ajv through NODE_PATH when the package is
// installed outside the project.
const require = createRequire(import.meta.url);
const ajvModule = require("ajv/dist/2020.js");
const Ajv2020 = ajvModule.default ?? ajvModule;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "tests", "fixtures", "exchange");
const schema = JSON.parse(readFileSync(join(root, "docs", "swanilai.schema.json"), "utf8"));

const read = (name) => JSON.parse(readFileSync(join(fixtures, name), "utf8"));
const jsonFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

function compile() {
  // strict: the schema uses only standard keywords; a typo in it fails here.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

// Each invalid fixture: the instance path of the error expected, or why the schema cannot
// say it (then the file must validate, so this table notices when that changes).
const INVALID = {
  "not-json.json": { notJson: true },
  "wrong-format.json": { rejectedAt: "/format" },
  "newer-version.json": { accepted: "a newer version only adds fields; refusing it is the reader's policy" },
  "unknown-framework.json": { rejectedAt: "/framework" },
  "unknown-indicator.json": { rejectedAt: "/answers" },
  "out-of-range.json": { rejectedAt: "/answers/36/value" },
  "wrong-type.json": { rejectedAt: "/answers/36/value" },
  "three-decimals.json": { accepted: "multipleOf 0.01 on binary floats would also reject 2.47" },
  "null-value.json": { rejectedAt: "/answers/36/value" },
  "multiple-problems.json": { rejectedAt: "/answers/36/value" },
  "impossible-date.json": { accepted: "a pattern checks the shape of a date, not the calendar" },
  "submission-without-unit.json": { rejectedAt: "" },
  "assignment-lead-and-support.json": { accepted: "no JSON Schema keyword relates two arrays" },
  "decision-own-without-note.json": { rejectedAt: "/decisions/0/note" },
  "consolidated-without-results.json": { rejectedAt: "" },
  "assignment-deadline-not-a-date.json": { rejectedAt: "/assignment/deadline" },
  "support-and-answer.json": { accepted: "no JSON Schema keyword relates the keys of two objects" },
};

test("the schema compiles as draft 2020-12 in strict mode", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  compile();
});

test("every valid example validates", () => {
  const validate = compile();
  const files = jsonFiles(fixtures);
  assert.ok(files.length >= 5, `valid fixtures found: ${files}`);
  for (const name of files) {
    const ok = validate(read(name));
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors, null, 2)}`);
  }
});

test("unknown fields are allowed everywhere", () => {
  const validate = compile();
  const file = read("submission-bkpsdm-spbe-2020.json");
  file.x_signed_by = { name: "Kepala BKPSDM" };
  file.unit.x_code = "4.03.01";
  file.answers["36"].x_reviewed = true;
  file.answers["36"].evidence[0].x_pages = [3, 4];
  assert.ok(validate(file), JSON.stringify(validate.errors, null, 2));
});

test("invalid examples with a structural fault are rejected at their place", () => {
  const validate = compile();
  for (const [name, expect] of Object.entries(INVALID)) {
    const text = readFileSync(join(fixtures, "invalid", name), "utf8");
    if (expect.notJson) {
      assert.throws(() => JSON.parse(text), SyntaxError, name);
      continue;
    }
    const ok = validate(JSON.parse(text));
    if (expect.accepted) {
      assert.ok(ok, `${name} is not expected to be caught by the schema (${expect.accepted})`);
      continue;
    }
    assert.ok(!ok, `${name} was accepted`);
    const at = validate.errors.map((e) => e.instancePath);
    assert.ok(
      at.some((p) => p === expect.rejectedAt || p.startsWith(`${expect.rejectedAt}/`)),
      `${name}: no error at ${expect.rejectedAt}; got ${JSON.stringify(at)}`,
    );
  }
});

test("every invalid example has a row", () => {
  assert.deepEqual(jsonFiles(join(fixtures, "invalid")), Object.keys(INVALID).sort());
});

test("values follow each framework's range", () => {
  const validate = compile();
  const cases = [
    ["submission-spbe-2018.json", "16", 0, true],
    ["submission-bkpsdm-spbe-2020.json", "36", 0, false],
    ["submission-bkpsdm-spbe-2020.json", "36", 2.5, false],
    ["submission-diskominfo-pemdi-2026.json", "13", 1, true],
    ["submission-diskominfo-pemdi-2026.json", "13", 4.99, true],
    ["submission-diskominfo-pemdi-2026.json", "13", 0.99, false],
    ["submission-diskominfo-pemdi-2026.json", "13", 5.01, false],
  ];
  for (const [name, id, value, valid] of cases) {
    const file = read(name);
    file.answers[id].value = value;
    assert.equal(validate(file), valid, `${name} ${id} = ${value}`);
  }
});

test("documents listed on evidence: a SHA-256 of 64 lowercase hex digits, a safe path", () => {
  const validate = compile();
  const base = "submission-bkpsdm-documents-spbe-2020.json";
  const at = "/answers/36/evidence/0/documents/0";
  const cases = [
    [(d) => { d.sha256 = d.sha256.toUpperCase(); }, `${at}/sha256`],
    [(d) => { d.sha256 = "abc"; }, `${at}/sha256`],
    [(d) => { d.path = "../luar.pdf"; }, `${at}/path`],
    [(d) => { d.path = "dokumen/../../luar.pdf"; }, `${at}/path`],
    [(d) => { d.path = "/etc/passwd"; }, `${at}/path`],
    [(d) => { d.path = "dokumen\\36\\a.pdf"; }, `${at}/path`],
    [(d) => { d.path = "C:/a.pdf"; }, `${at}/path`],
    [(d) => { delete d.size; }, at],
    [(d) => { d.name = ""; }, `${at}/name`],
  ];
  for (const [change, where] of cases) {
    const file = read(base);
    change(file.answers["36"].evidence[0].documents[0]);
    assert.ok(!validate(file), `${change} was accepted`);
    assert.ok(validate.errors.some((e) => e.instancePath === where), `${change}: ${JSON.stringify(validate.errors)}`);
  }
  const plain = read(base);
  delete plain.answers["36"].evidence[0].documents[0].path;
  assert.ok(validate(plain), "a plain .json lists documents without a path");
});

// One truth (issue 9): tests/one_truth.rs mutates every valid fixture field by field and
// records, per case, whether the Rust reader and the serde types accept it. Here the
// schema judges the same cases: what the reader accepts, the schema accepts; what the
// reader refuses for a reason the schema can express, the schema refuses too. Run after
// `cargo test` (make test does): the cases are in target/one-truth/.
test("the schema agrees with the reader on every mutated fixture", () => {
  const dir = join(root, "target", "one-truth");
  const files = ["sweep.jsonl", "random.jsonl"].map((f) => join(dir, f));
  for (const f of files) {
    assert.ok(existsSync(f), `${f} is missing: run \`cargo test --test one_truth\` first`);
  }
  const validate = compile();
  const originals = {};
  let checked = 0;
  for (const f of files) {
    for (const line of readFileSync(f, "utf8").split("\n").filter(Boolean)) {
      const c = JSON.parse(line);
      originals[c.fixture] ??= read(c.fixture);
      const file = applyOp(originals[c.fixture], c);
      const schema = validate(file);
      const what = `${c.fixture} ${c.op} ${c.pointer} = ${JSON.stringify(c.value)}`;
      if (c.reader) {
        assert.ok(schema, `${what}: the reader accepts, the schema refuses: ${JSON.stringify(validate.errors)}`);
      } else if (!c.reader_only) {
        assert.ok(!schema, `${what}: the reader refuses, the schema accepts`);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 1500, `only ${checked} cases`);
});

/** The mutation of tests/one_truth.rs `apply`, on a copy. */
function applyOp(original, c) {
  if (c.pointer === "") return structuredClone(c.value);
  const file = structuredClone(original);
  const keys = c.pointer.slice(1).split("/").map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = keys.pop();
  let parent = file;
  for (const k of keys) parent = parent[k];
  if (c.op === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    // defineProperty: "__proto__" is an ordinary key in JSON.
    Object.defineProperty(parent, last, { value: c.value, enumerable: true, writable: true, configurable: true });
  }
  return file;
}

test("supporting input and the assignment's guidance follow the framework's ids and ranges", () => {
  const validate = compile();
  const file = read("submission-bkpsdm-spbe-2020.json");
  assert.ok(validate(file), JSON.stringify(validate.errors, null, 2));
  const unknown = structuredClone(file);
  unknown.support["48"] = { justification: "Fakta: …" };
  assert.ok(!validate(unknown), "indicator 48 does not exist in SPBE 2020");
  const proposal = structuredClone(file);
  proposal.support["27"].value = 4;
  assert.ok(validate(proposal), "a proposed level within 1–5");
  proposal.support["27"].value = 7;
  assert.ok(!validate(proposal));
  assert.ok(validate.errors.some((e) => e.instancePath === "/support/27/value"), JSON.stringify(validate.errors));
  const asg = read("assignment-bkpsdm-spbe-2020.json");
  asg.assignment.contact.whatsapp = 812;
  assert.ok(!validate(asg));
  assert.ok(validate.errors.some((e) => e.instancePath === "/assignment/contact/whatsapp"), JSON.stringify(validate.errors));
});
