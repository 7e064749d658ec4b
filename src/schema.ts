// Validation of configuration values against the JSON Schema subset medpost's rules declare.
// Hand-written rather than ajv: the subset is small, start-up time matters for pre-commit runs, and the
// messages can say "did you mean …" in the words of a config file rather than of a schema.
import type { JsonSchema } from './types.js';
import { didYouMean } from './suggest.js';

export interface SchemaProblem {
  /** Path to the value, e.g. ['rules', 'no-medical-advice', 1, 'strictReplies'] */
  path: Array<string | number>;
  message: string;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export function validateAgainstSchema(value: unknown, schema: JsonSchema, path: Array<string | number> = []): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((option) => validateAgainstSchema(value, option, path).length === 0);
    if (passing.length === 0) {
      const closest = schema.oneOf
        .map((option) => validateAgainstSchema(value, option, path))
        .sort((a, b) => a.length - b.length)[0];
      problems.push(...closest);
    }
    return problems;
  }
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => matchesType(value, type))) {
      problems.push({ path, message: `expected ${types.join(' or ')}, found ${typeOf(value)} ${preview(value)}` });
      return problems;
    }
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    const hint = typeof value === 'string' ? didYouMean(value, schema.enum.map(String)) : '';
    problems.push({ path, message: `expected one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}, found ${preview(value)}${hint}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push({ path, message: `must be at least ${schema.minimum}, found ${value}` });
    if (schema.maximum !== undefined && value > schema.maximum) problems.push({ path, message: `must be at most ${schema.maximum}, found ${value}` });
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push({ path, message: `does not match the expected form ${schema.pattern}: ${preview(value)}` });
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push({ path, message: `needs at least ${schema.minItems} item(s)` });
    if (schema.items) value.forEach((item, index) => problems.push(...validateAgainstSchema(item, schema.items!, [...path, index])));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in object)) problems.push({ path, message: `missing required key '${key}'` });
    }
    const properties = schema.properties ?? {};
    for (const [key, child] of Object.entries(object)) {
      if (key in properties) {
        problems.push(...validateAgainstSchema(child, properties[key], [...path, key]));
      } else if (schema.additionalProperties === false) {
        problems.push({ path: [...path, key], message: `unknown key '${key}'${didYouMean(key, Object.keys(properties))}; known: ${Object.keys(properties).join(', ') || '(none)'}` });
      } else if (typeof schema.additionalProperties === 'object') {
        problems.push(...validateAgainstSchema(child, schema.additionalProperties, [...path, key]));
      }
    }
  }
  return problems;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Defaults declared by a rule's options schema. */
export function schemaDefaults(schema: JsonSchema | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema?.properties ?? {})) {
    if (property.default !== undefined) defaults[key] = structuredClone(property.default);
  }
  return defaults;
}
