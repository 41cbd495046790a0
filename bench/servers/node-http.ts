// (a) Bare node:http: the floor every framework adds to. Writes the JSON by hand.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce } from './announce';
import { HELLO } from './greeting';

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/') {
    const body = JSON.stringify({ message: HELLO.message });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('404 Not Found');
});
server.listen(0, '127.0.0.1', () => announce((server.address() as AddressInfo).port));
