import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An MCP error result: what a tool answers when it can't do what it was asked, saying why. */
export function errorResult(error: unknown): CallToolResult {
  return { content: [{ type: 'text', text: errorMessage(error) }], isError: true };
}

/** A tool's value as a result: an object is structured content and JSON text, anything else text. */
export function toolResult(value: unknown): CallToolResult {
  if (isObject(value) && Array.isArray(value.content)) return value as CallToolResult;
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const result: CallToolResult = { content: [{ type: 'text', text }] };
  if (isObject(value)) result.structuredContent = value;
  return result;
}

export function resourceResult(uri: URL, value: unknown, mimeType: string | undefined): ReadResourceResult {
  if (isObject(value) && Array.isArray(value.contents)) return value as ReadResourceResult;
  if (typeof value === 'string')
    return { contents: [{ uri: uri.href, mimeType: mimeType ?? 'text/plain', text: value }] };
  return {
    contents: [{ uri: uri.href, mimeType: mimeType ?? 'application/json', text: JSON.stringify(value) }],
  };
}

export function promptResult(value: unknown): GetPromptResult {
  if (isObject(value) && Array.isArray(value.messages)) return value as GetPromptResult;
  return { messages: [{ role: 'user', content: { type: 'text', text: String(value) } }] };
}
