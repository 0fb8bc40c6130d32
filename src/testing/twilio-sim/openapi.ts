import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/** Twilio's OpenAPI descriptions, copied into ./openapi so the tests run on a clean clone. */
type Spec = { paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: Record<string, unknown> } };
type OpenApiOperation = {
  responses?: Record<string, { content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
};

const specs = {
  api: load('twilio_api_v2010.json'),
  content: load('twilio_content_v1.json'),
};
export type SpecName = keyof typeof specs;

function load(name: string): Spec {
  return JSON.parse(readFileSync(new URL(`../../twilio-sim/openapi/${name}`, import.meta.url), 'utf8')) as Spec;
}

type SchemaNode = Record<string, unknown>;
const ignored = new Set(['description', 'example', 'examples', 'x-twilio', 'title']);
const nested = new Set(['items', 'not', 'additionalProperties']);
const nestedLists = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `$ref`s inlined, `nullable` turned into a
 * null type. `exact` also forbids properties the description does not name and requires
 * every one it does, so a response must carry exactly Twilio's fields.
 */
function toJsonSchema(spec: Spec, node: unknown, exact: boolean, seen: readonly string[] = []): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const source = node as SchemaNode;
  if (typeof source.$ref === 'string') {
    const name = source.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`Recursive schema ${name}`);
    return toJsonSchema(spec, spec.components.schemas[name], exact, [...seen, name]);
  }
  const schema: SchemaNode = {};
  for (const [key, value] of Object.entries(source)) {
    if (ignored.has(key)) continue;
    if (key === 'properties') {
      schema.properties = Object.fromEntries(Object.entries(value as SchemaNode).map(([name, property]) => [name, toJsonSchema(spec, property, exact, seen)]));
    } else if (nested.has(key)) {
      schema[key] = toJsonSchema(spec, value, exact, seen);
    } else if (nestedLists.has(key)) {
      schema[key] = (value as unknown[]).map((item) => toJsonSchema(spec, item, exact, seen));
    } else {
      schema[key] = value;
    }
  }
  if (schema.nullable === true) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...(schema.enum as unknown[]), null];
  }
  delete schema.nullable;
  if (exact && schema.properties && schema.additionalProperties === undefined) {
    schema.additionalProperties = false;
    schema.required = Object.keys(schema.properties as SchemaNode);
  }
  return schema;
}

function operation(spec: SpecName, path: string, method: string): OpenApiOperation {
  const found = specs[spec].paths[path]?.[method.toLowerCase()];
  if (!found) throw new Error(`Twilio's ${spec} description has no ${method} ${path}`);
  return found;
}

const responseAjv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
// Form values arrive as strings; Twilio's descriptions type them (number, boolean, array).
const requestAjv = new Ajv({ strict: false, validateFormats: false, allErrors: true, coerceTypes: true });

/** The validator of a response body for this path, method and status, as Twilio describes it. */
export function responseValidator(spec: SpecName, path: string, method: string, status: number): ValidateFunction {
  const described = operation(spec, path, method).responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!described) throw new Error(`Twilio's ${spec} description has no JSON ${status} response for ${method} ${path}`);
  return responseAjv.compile(toJsonSchema(specs[spec], described, true) as object);
}

/** Checks form parameters against the request body Twilio describes: known names, required ones present, types. */
export function requestFormValidator(spec: SpecName, path: string, method: string) {
  const described = operation(spec, path, method).requestBody?.content['application/x-www-form-urlencoded']?.schema;
  if (!described) throw new Error(`Twilio's ${spec} description has no form body for ${method} ${path}`);
  const schema = toJsonSchema(specs[spec], described, false) as SchemaNode;
  schema.additionalProperties = false;
  const validate = requestAjv.compile(schema);
  const properties = schema.properties as Record<string, { type?: unknown }>;
  return (params: Record<string, string | string[]>) => {
    const data = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, properties[name]?.type === 'array' && !Array.isArray(value) ? [value] : value]),
    );
    return { valid: validate(data), errors: validate.errors ?? [] };
  };
}

/** Throws with Ajv's findings, so a failing test says which field drifted. */
export function assertValid(validate: ValidateFunction, data: unknown): void {
  if (!validate(data)) throw new Error(`Does not match Twilio's description: ${JSON.stringify(validate.errors, null, 2)}`);
}
