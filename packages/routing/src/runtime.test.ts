import { describe, expect, it } from 'vitest';
import { NodeOnlyError, requireNode } from './node-only';
import { currentRuntime, detectRuntime } from './runtime';

const node = { process: { release: { name: 'node' } } };

describe('the runtime', () => {
  it('is told by the globals, asking those that also define Node’s process first', () => {
    expect(detectRuntime(node)).toBe('node');
    expect(detectRuntime({ ...node, Bun: {} })).toBe('bun');
    expect(detectRuntime({ ...node, Deno: {} })).toBe('deno');
    expect(detectRuntime({ ...node, navigator: { userAgent: 'Cloudflare-Workers' } })).toBe('workerd');
    expect(detectRuntime({ navigator: { userAgent: 'Mozilla/5.0' } })).toBe('other');
    expect(currentRuntime()).toBe('node');
  });

  it('lets Node-only features through on Node, and stops them elsewhere with what to do instead', () => {
    expect(() => requireNode('X', 'do Y.')).not.toThrow();
    const error = new NodeOnlyError('@flama/ml (a native addon)', 'serve models from Node.', 'workerd');
    expect(error.message).toBe(
      '@flama/ml (a native addon) needs Node.js, and this is Cloudflare Workers (workerd): serve models from Node.',
    );
    expect(error.runtime).toBe('workerd');
  });
});
