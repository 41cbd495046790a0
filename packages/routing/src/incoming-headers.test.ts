import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { IncomingHeaders } from './incoming-headers';

function incoming(rawHeaders: string[]): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.rawHeaders = rawHeaders;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    const previous = message.headers[name];
    message.headers[name] = previous === undefined ? value : `${previous}, ${value}`;
  }
  return message;
}

describe('IncomingHeaders', () => {
  const raw = ['Accept-Language', 'en-GB', 'X-Tag', 'a', 'X-Tag', 'b', 'Content-Type', 'application/json'];

  it('reads like the web Headers built from the same request, without building them', () => {
    const headers = new IncomingHeaders(incoming(raw));
    const web = new Headers();
    for (let i = 0; i < raw.length; i += 2) web.append(raw[i]!, raw[i + 1]!);
    expect(headers).toBeInstanceOf(Headers);
    for (const name of ['accept-language', 'ACCEPT-LANGUAGE', 'x-tag', 'content-type', 'missing']) {
      expect(headers.get(name)).toBe(web.get(name));
      expect(headers.has(name)).toBe(web.has(name));
    }
    expect([...headers]).toEqual([...web]);
    expect(Object.fromEntries(headers.entries())).toEqual(Object.fromEntries(web.entries()));
  });

  it('changes like a web Headers once changed', () => {
    const headers = new IncomingHeaders(incoming(raw));
    headers.set('x-tag', 'c');
    headers.delete('content-type');
    headers.append('x-new', '1');
    expect(headers.get('x-tag')).toBe('c');
    expect(headers.has('content-type')).toBe(false);
    expect([...headers.keys()]).toEqual(['accept-language', 'x-new', 'x-tag']);
  });
});
