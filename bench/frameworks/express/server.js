// Express 5 reference server for the framework benchmark (bench/frameworks/README.md):
// GET /healthz and POST /v1/generate, the body validated with Ajv 8 against the generate request
// schema, answered with the exact bytes `snai serve` gave (fixtures/generate.json).
//
//   node bench/frameworks/express/server.js --port 8084
'use strict';

const express = require('express');
const Ajv = require('ajv');
const { schema, loadFixture, responseFor, ajvError, errorBody, parseArgs } = require('../node_common/generate.js');

const options = parseArgs(process.argv);
const fixture = loadFixture(options.fixture);
const validate = new Ajv({ allErrors: false }).compile(schema);

const app = express();
app.use(express.json({ limit: '1mb' }));

app.get('/healthz', (req, res) => {
  res.json({ status: 'ok' });
});

app.post('/v1/generate', (req, res) => {
  if (!req.is('application/json')) {
    return res.status(415).json(errorBody('unsupported_media_type', 'the body must be JSON (Content-Type: application/json)', 'Content-Type'));
  }
  if (!validate(req.body)) return res.status(400).json(ajvError(validate.errors[0]));
  const [status, bytes] = responseFor(fixture, req.body);
  res.status(status).type('application/json').send(bytes);
});

// body-parser's errors (malformed JSON, too large) in the product's error shape.
app.use((err, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status >= 400 && err.status < 500 ? err.status : 500;
  const message = status === 500 ? 'internal error' : err.type === 'entity.parse.failed' ? 'malformed JSON' : err.message;
  const code = status === 500 ? 'internal' : status === 413 ? 'payload_too_large' : 'invalid_argument';
  res.status(status).json(errorBody(code, message, 'body'));
});

app.listen(options.port, '127.0.0.1', () => {
  console.log(`express listening on 127.0.0.1:${options.port}, ${fixture.size} fixture responses`);
});
