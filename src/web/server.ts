/**
 * Listening and stopping. On SIGTERM/SIGINT Lantern stops taking connections, lets in-flight
 * requests finish (up to the grace period), then closes the database: nothing acknowledged is lost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  server: Server;
  url: string;
  /** Finishes in-flight requests, then stops. */
  stop(): Promise<void>;
}

export async function listen(
  app: Express,
  options: { port: number; host: string; graceMs: number },
): Promise<RunningServer> {
  const server = createServer(app);
  // Slow-client protection: a request must arrive in full within 30 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  let stopping: Promise<void> | undefined;
  return {
    server,
    url: `http://${shownHost}:${port}`,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), options.graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
