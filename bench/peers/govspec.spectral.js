// Spectral ruleset for the benchmark: each document is validated against the project's JSON Schema of its kind,
// through Spectral's own `schema` function. The schemas are the bundled copies bench/lib/schemas.ts writes
// (refs inlined, no network); their folder comes from GOVSPEC_BENCH_SCHEMAS.
const fs = require('node:fs');
const path = require('node:path');
const { createRulesetFunction } = require('@stoplight/spectral-core');
const { schema } = require('@stoplight/spectral-functions');

const dir = process.env.GOVSPEC_BENCH_SCHEMAS;
if (!dir) throw new Error('GOVSPEC_BENCH_SCHEMAS is not set');
const KINDS = { Service: 'service', Catalog: 'catalog', SharingAgreement: 'agreement', Agency: 'agency' };
const schemas = {};
for (const [kind, name] of Object.entries(KINDS)) {
  schemas[kind] = JSON.parse(fs.readFileSync(path.join(dir, `${name}.schema.json`), 'utf8'));
}

const byKind = createRulesetFunction({ input: null, options: null }, (input, _options, context) => {
  if (input === null || typeof input !== 'object' || input.apiVersion !== 'govspec/v1') return [];
  const kindSchema = schemas[input.kind];
  if (kindSchema === undefined) return [{ message: `unknown kind ${String(input.kind)}` }];
  return schema(input, { schema: kindSchema, dialect: 'draft7', allErrors: true }, context);
});

module.exports = {
  rules: {
    'govspec-schema': {
      description: 'The document matches the JSON Schema of its kind',
      message: '{{error}}',
      severity: 'error',
      given: '$',
      then: { function: byKind },
    },
  },
};
