// The floor: bare node:http reading the body of `POST /churn/predict/` and answering the constant prediction,
// no parsing, no framework. What this machine's HTTP path alone costs, latency tail included.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announce } from './announce';
import { CHURN_PREDICTION } from './serving-rows';

const body = JSON.stringify(CHURN_PREDICTION);
const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => announce((server.address() as AddressInfo).port));
