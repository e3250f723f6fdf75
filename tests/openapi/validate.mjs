// Validates an OpenAPI document with a real validator: the OpenAPI 3.1 schema
// (@seriousme/openapi-schema-validator), then every $ref resolved and every schema in the
// document compiled as JSON Schema 2020-12 (Ajv), which the 3.1 schema alone does not check.
// Run by the openapi_test ctest test on the document a real server serves.
//
//   node validate.mjs served-openapi.json    # exit 0 valid; 1 invalid (errors on stderr); 2 usage
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs OPENAPI.json");
  process.exit(2);
}

const text = readFileSync(file, "utf8");
const validator = new Validator();
const result = await validator.validate(JSON.parse(text));
if (!result.valid) {
  console.error(`${file}: not a valid OpenAPI document`);
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
if (!validator.version.startsWith("3.1")) {
  console.error(`${file}: OpenAPI ${validator.version}, expected 3.1`);
  process.exit(1);
}

let resolved;
try {
  resolved = validator.resolveRefs(); // throws on a $ref that points nowhere
} catch (e) {
  console.error(`${file}: unresolvable $ref: ${e.message}`);
  process.exit(1);
}

// Every schema object in the document: components, parameters, request and response bodies.
const schemas = [];
const collect = (node, path) => {
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "schema" && value && typeof value === "object") schemas.push([`${path}/schema`, value]);
    else collect(value, `${path}/${key}`);
  }
};
collect(resolved.paths, "#/paths");
for (const [name, schema] of Object.entries(resolved.components?.schemas ?? {})) {
  schemas.push([`#/components/schemas/${name}`, schema]);
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let failures = 0;
for (const [where, schema] of schemas) {
  try {
    ajv.compile(schema);
  } catch (e) {
    console.error(`${where}: invalid JSON Schema: ${e.message}`);
    failures++;
  }
}
if (failures > 0) process.exit(1);
console.log(`${file}: valid OpenAPI ${validator.version}, ${Object.keys(resolved.paths).length} paths, ${schemas.length} schemas compiled`);
