// Shared by the Express and Fastify reference servers (no dependencies): the generate request
// JSON Schema, the normalised cache key, the fixture map (fixtures/generate.json, the exact bytes
// `snai serve` answered) and the command line. Keep in step with common/generate_contract.cpp.
//
//   const { schema, loadFixture, responseFor, parseArgs } = require('../node_common/generate.js');
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const STYLES = ['dictionary', 'compound', 'blend', 'affix', 'invented', 'respelling', 'multiword', 'rhyme', 'foreign'];
const stringList = (maxItems) => ({ type: 'array', maxItems, items: { type: 'string' } });
const length = { type: 'integer', minimum: 2, maximum: 30 };
const filter = { type: 'string', maxLength: 30 };

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['description'],
  properties: {
    description: { type: 'string', minLength: 1, maxLength: 2000 },
    keywords: stringList(20),
    styles: { type: 'array', maxItems: STYLES.length, items: { type: 'string', enum: STYLES } },
    count: { type: 'integer', minimum: 1, maximum: 100 },
    min_length: length,
    max_length: length,
    contains: filter,
    starts_with: filter,
    ends_with: filter,
    exclude: stringList(50),
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    shared_roots: { type: 'boolean' },
    allow_similar_brands: { type: 'boolean' },
  },
};

// Case (ASCII) and runs of whitespace folded, ends trimmed: the same as the C++ fold().
const fold = (s) => s.replace(/[ \t\n\r]+/g, ' ').trim().replace(/[A-Z]/g, (c) => c.toLowerCase());

function normalise(body) {
  const out = {};
  for (const key of Object.keys(body).sort()) {
    const v = body[key];
    if (typeof v === 'string') out[key] = fold(v);
    else if (Array.isArray(v)) {
      const items = v.map(fold);
      if (key === 'keywords') items.sort();
      out[key] = items;
    } else out[key] = v;
  }
  return JSON.stringify(out);
}

function loadFixture(file = path.join(__dirname, '..', 'fixtures', 'generate.json')) {
  const map = new Map();
  for (const { request, response } of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    map.set(normalise(request), Buffer.from(response, 'utf8'));
  }
  return map;
}

const NOT_FOUND = Buffer.from(JSON.stringify({ error: { code: 'not_found', message: 'request is not in the fixture' } }));

// [status, body bytes] for a body that passed the schema.
function responseFor(map, body) {
  const bytes = map.get(normalise(body));
  return bytes ? [200, bytes] : [404, NOT_FOUND];
}

// An Ajv error as the product's {"error":{"code","message","field"}}.
function ajvError(error) {
  let field = error.instancePath.split('/')[1] || '';
  let message = `${field} ${error.message}`;
  if (error.keyword === 'additionalProperties') {
    field = error.params.additionalProperty;
    message = `unknown field "${field}"`;
  } else if (error.keyword === 'required') {
    field = error.params.missingProperty;
    message = `${field} is required`;
  } else if (!field) {
    field = 'body';
    message = `the body ${error.message}`;
  }
  return { error: { code: 'invalid_argument', message, field } };
}

const errorBody = (code, message, field) => ({ error: field ? { code, message, field } : { code, message } });

function parseArgs(argv) {
  const options = { port: 8080, fixture: undefined };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--port' && i + 1 < argv.length) options.port = Number(argv[++i]);
    else if (argv[i] === '--fixture' && i + 1 < argv.length) options.fixture = argv[++i];
    else {
      console.error(`usage: node ${path.relative(process.cwd(), argv[1])} [--port N] [--fixture PATH]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    console.error('--port must be 1-65535');
    process.exit(2);
  }
  return options;
}

module.exports = { schema, normalise, loadFixture, responseFor, ajvError, errorBody, parseArgs };
