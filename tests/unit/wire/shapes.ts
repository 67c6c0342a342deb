/**
 * The part of a JSON Schema two descriptions of one API must agree on: which properties an object
 * has, which of them are required, and what is an object, an array or a plain value. Formats,
 * patterns and limits are left out: the yaml documents some, the zod schemas enforce more.
 */
export type Shape =
  | {
      readonly kind: 'object';
      /** The yaml lists only some properties (`additionalProperties: true`): the rest is the schema's. */
      readonly open: boolean;
      readonly props: ReadonlyMap<string, Shape>;
      readonly required: ReadonlySet<string>;
    }
  | { readonly kind: 'array'; readonly items: Shape }
  | { readonly kind: 'value' }
  /** Described without its parts (`type: object` alone, `z.unknown()`): nothing to compare. */
  | { readonly kind: 'opaque' };

type Node = Record<string, unknown>;
type ObjectShape = Extract<Shape, { kind: 'object' }>;

const OPAQUE: Shape = { kind: 'opaque' };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullOnly(node: unknown): boolean {
  return isNode(node) && node['type'] === 'null';
}

/** Alternatives (oneOf/anyOf): a property any of them has, required only where all require it. */
function union(shapes: readonly Shape[]): Shape {
  const objects = shapes.filter((s): s is ObjectShape => s.kind === 'object');
  if (objects.length !== shapes.length || objects.length === 0) {
    return shapes[0] ?? OPAQUE;
  }
  return combine(objects, (sets) => sets.reduce((all, set) => new Set([...all].filter((name) => set.has(name)))));
}

/** allOf: every part's properties, required where any part requires it. */
function intersection(shapes: readonly Shape[]): Shape {
  const objects = shapes.filter((s): s is ObjectShape => s.kind === 'object');
  if (objects.length === 0) {
    return shapes[0] ?? OPAQUE;
  }
  return combine(objects, (sets) => new Set(sets.flatMap((set) => [...set])));
}

function combine(
  objects: readonly ObjectShape[],
  required: (sets: ReadonlySet<string>[]) => ReadonlySet<string>,
): Shape {
  const props = new Map<string, Shape[]>();
  for (const object of objects) {
    for (const [name, shape] of object.props) {
      props.set(name, [...(props.get(name) ?? []), shape]);
    }
  }
  return {
    kind: 'object',
    open: objects.some((o) => o.open),
    props: new Map([...props].map(([name, shapes]) => [name, union(shapes)])),
    required: required(objects.map((o) => o.required)),
  };
}

/** A JSON Schema node (the yaml's, or zod's `toJSONSchema`) as a shape; `resolve` follows `$ref`s. */
export function shapeOfJsonSchema(raw: unknown, resolve: (node: unknown) => unknown): Shape {
  const node = resolve(raw);
  if (!isNode(node)) {
    return OPAQUE;
  }
  const shape = (child: unknown) => shapeOfJsonSchema(child, resolve);
  if (Array.isArray(node['allOf'])) {
    return intersection(node['allOf'].map(shape));
  }
  const alternatives = node['oneOf'] ?? node['anyOf'];
  if (Array.isArray(alternatives)) {
    return union(alternatives.filter((a) => !isNullOnly(resolve(a))).map(shape));
  }
  const types = (Array.isArray(node['type']) ? node['type'] : [node['type']]).filter((t) => t !== 'null');
  if (types.includes('array')) {
    return { kind: 'array', items: shape(node['items']) };
  }
  const properties = node['properties'];
  if (types.includes('object') || isNode(properties)) {
    if (!isNode(properties)) {
      return OPAQUE;
    }
    const required = Array.isArray(node['required']) ? node['required'].map(String) : [];
    return {
      kind: 'object',
      open: node['additionalProperties'] === true,
      props: new Map(Object.entries(properties).map(([name, child]) => [name, shape(child)])),
      required: new Set(required),
    };
  }
  return types.length === 0 || types[0] === undefined ? OPAQUE : { kind: 'value' };
}

/** Where the yaml and the schema differ, one line each (empty when they agree). */
export function compareShapes(path: string, yaml: Shape, schema: Shape): string[] {
  if (yaml.kind === 'opaque' || schema.kind === 'opaque') {
    return [];
  }
  if (yaml.kind !== schema.kind) {
    return [`${path}: ${yaml.kind} in the yaml, ${schema.kind} in the schema`];
  }
  if (yaml.kind === 'array' && schema.kind === 'array') {
    return compareShapes(`${path}[]`, yaml.items, schema.items);
  }
  if (yaml.kind !== 'object' || schema.kind !== 'object') {
    return [];
  }
  const problems: string[] = [];
  for (const name of schema.props.keys()) {
    if (!yaml.props.has(name) && !yaml.open) {
      problems.push(`${path}: ${name} is in the schema, not in the yaml`);
    }
  }
  for (const [name, shape] of yaml.props) {
    const other = schema.props.get(name);
    if (other === undefined) {
      problems.push(`${path}: ${name} is in the yaml, not in the schema`);
      continue;
    }
    const inYaml = yaml.required.has(name);
    const inSchema = schema.required.has(name);
    if (inYaml !== inSchema) {
      const says = (required: boolean) => (required ? 'required' : 'optional');
      problems.push(`${path}.${name}: ${says(inYaml)} in the yaml, ${says(inSchema)} in the schema`);
    }
    problems.push(...compareShapes(`${path}.${name}`, shape, other));
  }
  return problems;
}
