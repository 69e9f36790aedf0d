/** Builds /api/openapi.json from the same route definitions (and zod schemas) that validate requests. */
import { z } from 'zod';
import type { AnyRouteDef } from './route.ts';
import { PERMISSIONS } from '../../src/contract/permissions.ts';

/** "Needs `offers.write` (owner, admin)." — the permission a route checks, from the one table. */
function permissionNote(def: AnyRouteDef): string {
  if (def.auth === 'public') return '';
  const roles = PERMISSIONS[def.permission];
  return ` Needs \`${def.permission}\` (${roles.length ? roles.join(', ') : 'the operator key only'}).`;
}

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), permission: z.string().optional() }),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

function pathParameters(def: AnyRouteDef) {
  const names = [...def.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const shapes = (def.params as z.ZodObject | undefined)?.shape ?? {};
  return names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: shapes[name] ? jsonSchema(shapes[name], 'input') : { type: 'string' },
    ...(name === 'siteId' && { description: 'The site id (UUID) or its subdomain.' }),
  }));
}

function queryParameters(def: AnyRouteDef) {
  const shape = (def.query as z.ZodObject | undefined)?.shape ?? {};
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
}

export function buildOpenApiDocument(routes: AnyRouteDef[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = def.url.replace(/:(\w+)/g, '{$1}');
    const content: Record<string, unknown> = {};
    if (def.body) content['application/json'] = { schema: jsonSchema(def.body, 'input') };
    for (const type of def.consumes ?? []) content[type] = { schema: { type: 'string' } };
    const status = String(def.status ?? 200);
    (paths[path] ??= {})[def.method.toLowerCase()] = {
      summary: def.summary,
      description: def.summary + permissionNote(def),
      'x-permission': def.permission,
      'x-roles': PERMISSIONS[def.permission],
      tags: [def.tag],
      security: def.auth === 'public' ? [] : [{ bearer: [] }, { staffSession: [] }],
      parameters: [...pathParameters(def), ...queryParameters(def)],
      ...(Object.keys(content).length && { requestBody: { required: true, content } }),
      responses: {
        [status]: {
          description: 'Success',
          ...(def.response && { content: { 'application/json': { schema: jsonSchema(def.response, 'output') } } }),
        },
        default: {
          description: 'Error: `{ error: { code, message, field? } }`',
          content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'memberlink admin API',
      version: '0.1.0',
      description: 'Sites, contacts, offers, access grants and magic links of memberlink.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (npm run cli -- api-key create --site <subdomain>).' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'ml_staff' },
      },
    },
    paths,
  };
}
