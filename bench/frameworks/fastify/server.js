// Fastify 5 reference server for the framework benchmark (bench/frameworks/README.md):
// GET /healthz and POST /v1/generate, the body validated by Fastify's own Ajv (route JSON Schema;
// unknown fields rejected, no type coercion), answered with the exact bytes `snai serve` gave
// (fixtures/generate.json).
//
//   node bench/frameworks/fastify/server.js --port 8085
'use strict';

const Fastify = require('fastify');
const { schema, loadFixture, responseFor, ajvError, errorBody, parseArgs } = require('../node_common/generate.js');

const options = parseArgs(process.argv);
const fixture = loadFixture(options.fixture);

// Fastify's defaults would strip unknown fields (removeAdditional) and coerce types: the product
// rejects both, so the reference server must too.
const app = Fastify({
  logger: false,
  bodyLimit: 1024 * 1024,
  ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
});

// Only JSON bodies (Fastify also parses text/plain by default): anything else is 415.
app.removeContentTypeParser('text/plain');

app.get('/healthz', async () => ({ status: 'ok' }));

app.post('/v1/generate', { schema: { body: schema } }, (request, reply) => {
  const [status, bytes] = responseFor(fixture, request.body);
  reply.code(status).type('application/json').send(bytes);
});

app.setErrorHandler((err, request, reply) => {
  if (err.validation) return reply.code(400).send(ajvError(err.validation[0]));
  if (err.statusCode === 415) {
    return reply.code(415).send(errorBody('unsupported_media_type', 'the body must be JSON (Content-Type: application/json)', 'Content-Type'));
  }
  if (err.statusCode >= 400 && err.statusCode < 500) {
    const message = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'malformed JSON' : err.message;
    const code = err.statusCode === 413 ? 'payload_too_large' : 'invalid_argument';
    return reply.code(err.statusCode).send(errorBody(code, message, 'body'));
  }
  return reply.code(500).send(errorBody('internal', 'internal error'));
});

app.listen({ port: options.port, host: '127.0.0.1' }).then(() => {
  console.log(`fastify listening on 127.0.0.1:${options.port}, ${fixture.size} fixture responses`);
}, (err) => {
  console.error(err.message);
  process.exit(1);
});
