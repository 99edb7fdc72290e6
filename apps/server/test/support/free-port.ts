import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback port nobody listens on now, from the system: a random pick can land on a port
 * another service holds (RabbitMQ's 25672 did, in CI).
 */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
