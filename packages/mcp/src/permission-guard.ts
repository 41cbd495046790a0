import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { Guarded } from './authorization';
import { currentRequest } from './request-context';
import { errorResult, isObject } from './results';

export type DeclarationKind = 'tool' | 'resource' | 'prompt';

/** A declared tool, resource or prompt, as the guard sees it. */
export interface Declaration extends Guarded {
  readonly kind: DeclarationKind;
  /** A tool's or prompt's name, a resource's URI or URI template. */
  readonly key: string;
  /** The key is a URI template (`notes://{id}`). */
  readonly template: boolean;
}

/** Whether `uri` is one of the URIs of a URI template. */
export type TemplateMatch = (template: string, uri: string) => boolean;

/** The JSON-RPC error code of a refused resource read or prompt (a refused tool call is an error result). */
export const refusedCode = -32003;

const calls: Record<string, { kind: DeclarationKind; param: string; label: string }> = {
  'tools/call': { kind: 'tool', param: 'name', label: 'Tool' },
  'prompts/get': { kind: 'prompt', param: 'name', label: 'Prompt' },
  'resources/read': { kind: 'resource', param: 'uri', label: 'Resource' },
};

/** Each list, what it lists and the field naming each item. */
const lists: Record<string, { field: string; kind: DeclarationKind; key: string; template: boolean }> = {
  'tools/list': { field: 'tools', kind: 'tool', key: 'name', template: false },
  'prompts/list': { field: 'prompts', kind: 'prompt', key: 'name', template: false },
  'resources/list': { field: 'resources', kind: 'resource', key: 'uri', template: false },
  'resources/templates/list': {
    field: 'resourceTemplates',
    kind: 'resource',
    key: 'uriTemplate',
    template: true,
  },
};

type Request = { jsonrpc: '2.0'; id: RequestId; method: string; params?: Record<string, unknown> };

function isRequest(message: JSONRPCMessage): message is Request {
  return 'method' in message && 'id' in message;
}

/**
 * Checks `meta.permissions` where messages enter the SDK server and leave it: a caller who lacks what a tool,
 * resource or prompt asks for doesn't see it listed, and calling it anyway is refused, saying why, before its
 * input is even validated (a tool call as an error result, a resource read or prompt as a JSON-RPC error).
 * Decisions are the current MCP request's (see McpRequest).
 */
export function guardPermissions(
  transport: Transport,
  declarations: readonly Declaration[],
  match: TemplateMatch,
): void {
  if (!declarations.some((declaration) => declaration.permissions.length > 0)) return;
  const deliver = transport.onmessage;
  const send = transport.send.bind(transport);
  /** The lists asked for and not answered yet: which of their items the caller may see. */
  const listed = new Map<
    RequestId,
    { field: string; keep: Promise<(item: Record<string, unknown>) => boolean> }
  >();
  if (!deliver) throw new Error('guardPermissions() needs a transport connected to its server.');

  transport.onmessage = (message, extra) => {
    if (!isRequest(message)) return deliver(message, extra);
    const call = calls[message.method];
    const list = lists[message.method];
    if (list) listed.set(message.id, { field: list.field, keep: visible(declarations, list) });
    const target = call && find(declarations, call.kind, message.params?.[call.param], match);
    if (!call || !target || target.permissions.length === 0) return deliver(message, extra);
    currentRequest()
      .refusal(target)
      .then((reason) => {
        if (reason === undefined) return deliver(message, extra);
        const refused = `${call.label} ${target.key} is refused: ${reason}`;
        const answer: JSONRPCMessage =
          call.kind === 'tool'
            ? { jsonrpc: '2.0', id: message.id, result: errorResult(refused) }
            : { jsonrpc: '2.0', id: message.id, error: { code: refusedCode, message: refused } };
        return send(answer, { relatedRequestId: message.id });
      })
      .catch((error: unknown) =>
        transport.onerror?.(error instanceof Error ? error : new Error(String(error))),
      );
  };

  transport.send = async (message, options) => {
    const id = 'id' in message ? message.id : undefined;
    const pending = id === undefined ? undefined : listed.get(id);
    if (id === undefined || !pending) return send(message, options);
    listed.delete(id);
    if (!('result' in message)) return send(message, options);
    const keep = await pending.keep;
    const items = message.result[pending.field];
    if (!Array.isArray(items)) return send(message, options);
    const result = {
      ...message.result,
      [pending.field]: items.filter((item) => !isObject(item) || keep(item)),
    };
    return send({ ...message, result }, options);
  };
}

/** The declaration a call names: a tool or prompt by name, a resource by URI, else by the first matching template. */
function find(
  declarations: readonly Declaration[],
  kind: DeclarationKind,
  key: unknown,
  match: TemplateMatch,
): Declaration | undefined {
  if (typeof key !== 'string') return undefined;
  const ofKind = declarations.filter((declaration) => declaration.kind === kind);
  return (
    ofKind.find((declaration) => !declaration.template && declaration.key === key) ??
    ofKind.find((declaration) => declaration.template && match(declaration.key, key))
  );
}

/** Which listed items the current caller may use: decided when the list is asked for, applied when it's answered. */
async function visible(
  declarations: readonly Declaration[],
  { kind, key, template }: (typeof lists)[string],
): Promise<(item: Record<string, unknown>) => boolean> {
  const request = currentRequest();
  const refused = new Set<string>();
  const ofKind = declarations.filter(
    (declaration) => declaration.kind === kind && declaration.template === template,
  );
  await Promise.all(
    ofKind.map(async (declaration) => {
      if ((await request.refusal(declaration)) !== undefined) refused.add(declaration.key);
    }),
  );
  return (item) => !refused.has(String(item[key]));
}
