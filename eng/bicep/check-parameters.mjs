// Checks an ARM deployment parameters file against the compiled template (bicep build output), the way ARM would
// at deployment time: unknown and missing parameters, types, allowed values, ranges, lengths, and the properties
// of user-defined types. It also checks the naming rules Bicep has no decorator for (see infra/modules/types.bicep).
// Usage: node check-parameters.mjs <template.json> <parameters.json>. Prints one line per problem; exit 1 if any.
import { readFileSync } from 'node:fs';

const [templatePath, parametersPath] = process.argv.slice(2);
if (!templatePath || !parametersPath) {
  console.error('usage: node check-parameters.mjs <template.json> <parameters.json>');
  process.exit(2);
}

const template = JSON.parse(readFileSync(templatePath, 'utf8'));
const parametersFile = JSON.parse(readFileSync(parametersPath, 'utf8'));
const definitions = template.definitions ?? {};
const problems = [];

const resolve = (schema) => (schema.$ref ? { ...definitions[schema.$ref.replace('#/definitions/', '')], ...schema } : schema);

const typeOf = (value) => {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (Number.isInteger(value)) return 'int';
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // string, object, number (a non-integer)
};

function check(path, value, rawSchema) {
  const schema = resolve(rawSchema);
  if (value === null) {
    if (!schema.nullable) problems.push(`${path}: null is not allowed`);
    return;
  }
  const expected = { securestring: 'string', secureobject: 'object' }[schema.type?.toLowerCase()] ?? schema.type;
  if (expected && typeOf(value) !== expected) {
    problems.push(`${path}: expected ${expected}, got ${typeOf(value)}`);
    return;
  }
  if (schema.allowedValues) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (!schema.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(v))) {
        problems.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.allowedValues)}`);
      }
    }
  }
  if (schema.minValue !== undefined && value < schema.minValue) problems.push(`${path}: ${value} is below ${schema.minValue}`);
  if (schema.maxValue !== undefined && value > schema.maxValue) problems.push(`${path}: ${value} is above ${schema.maxValue}`);
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (length !== undefined && schema.minLength !== undefined && length < schema.minLength) {
    problems.push(`${path}: length ${length} is below ${schema.minLength}`);
  }
  if (length !== undefined && schema.maxLength !== undefined && length > schema.maxLength) {
    problems.push(`${path}: length ${length} is above ${schema.maxLength}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => check(`${path}[${i}]`, item, schema.items));
  }
  if (typeOf(value) === 'object' && (schema.properties || schema.additionalProperties !== undefined)) {
    const properties = schema.properties ?? {};
    for (const [name, propertySchema] of Object.entries(properties)) {
      if (!(name in value) && !resolve(propertySchema).nullable) problems.push(`${path}.${name}: required`);
    }
    for (const [name, propertyValue] of Object.entries(value)) {
      if (name in properties) check(`${path}.${name}`, propertyValue, properties[name]);
      else if (schema.additionalProperties === false) problems.push(`${path}.${name}: not a known property`);
      else if (typeof schema.additionalProperties === 'object') check(`${path}.${name}`, propertyValue, schema.additionalProperties);
    }
  }
}

const declared = template.parameters ?? {};
const supplied = parametersFile.parameters ?? {};
for (const [name, entry] of Object.entries(supplied)) {
  if (!(name in declared)) problems.push(`${name}: not a parameter of the template`);
  else if (entry.reference) continue; // a Key Vault reference, resolved by ARM
  else if (!('value' in entry)) problems.push(`${name}: has no "value"`);
  else check(name, entry.value, declared[name]);
}
for (const [name, schema] of Object.entries(declared)) {
  if (!(name in supplied) && !('defaultValue' in schema) && !resolve(schema).nullable) problems.push(`${name}: required, not supplied`);
}

// Rules Bicep cannot express. A webhook connection name is a URL segment, part of an app setting name (no "-")
// and part of Key Vault secret names (no "_"), so only lowercase letters and digits suit all three.
const connections = supplied.webhookConnections?.value;
if (Array.isArray(connections)) {
  const seen = new Set();
  connections.forEach((connection, i) => {
    const name = connection?.name;
    if (typeof name !== 'string') return;
    if (!/^[a-z0-9]+$/.test(name)) problems.push(`webhookConnections[${i}].name: '${name}' must be lowercase letters and digits only`);
    if (seen.has(name)) problems.push(`webhookConnections[${i}].name: '${name}' is used twice`);
    seen.add(name);
  });
}
const prefix = supplied.namePrefix?.value;
if (typeof prefix === 'string' && !/^[a-z][a-z0-9]*$/.test(prefix)) {
  problems.push(`namePrefix: '${prefix}' must start with a letter and hold only lowercase letters and digits (it is part of the storage account name)`);
}

for (const problem of problems) console.log(`${parametersPath}: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
