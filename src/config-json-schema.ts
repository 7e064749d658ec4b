// The JSON Schema of .medpostrc.yaml for editors (yaml-language-server), generated from the config schema
// and every built-in rule's options schema, so completion knows each rule's options.
import type { JsonSchema, Rule } from './types.js';
import { CONFIG_SCHEMA } from './config-schema.js';

const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2], description: 'off, warn or error' };

function ruleSettingSchema(rule: Rule): Record<string, unknown> {
  const options = rule.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
  return {
    description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`,
    oneOf: [
      SEVERITY,
      { type: 'array', items: [SEVERITY, options], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  };
}

export function buildConfigJsonSchema(rules: readonly Rule[]): Record<string, unknown> {
  const rulesSchema = {
    type: 'object',
    description: "Rule id -> 'off' | 'warn' | 'error' | [severity, {options}]",
    properties: Object.fromEntries([...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id)).map((rule) => [rule.meta.id, ruleSettingSchema(rule)])),
    // Plugin and pattern rules have ids the schema cannot know.
    additionalProperties: { oneOf: [SEVERITY, { type: 'array', items: [SEVERITY, { type: 'object' }], minItems: 1, maxItems: 2 }] },
  };
  const base = structuredClone(CONFIG_SCHEMA) as JsonSchema & Record<string, unknown>;
  base.properties!.rules = rulesSchema as JsonSchema;
  const overrideItems = base.properties!.overrides!.items!;
  overrideItems.properties!.rules = rulesSchema as JsonSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'medpost configuration (.medpostrc.yaml)',
    ...base,
  };
}
