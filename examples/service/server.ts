/**
 * A running service: the HTTP server over a migrated database, with the outbox relay when a sink
 * is given. `main.ts` starts one from the environment; tests and the benchmark start their own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createService } from './app';
import type { Db } from './db/db';
import { migrate } from './db/schema';
import { type Relay, startRelay } from './relay/relay';
import type { Sink } from './relay/sinks';

export interface ServerOptions {
  readonly db: Db;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly sink?: Sink | undefined;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://HOST:PORT`, with the real port. */
  readonly url: string;
  /** Stops taking requests, lets the ones in flight finish, stops the relay. The database stays open. */
  close(): Promise<void>;
}

export async function startServer({
  db,
  host = '127.0.0.1',
  port = 0,
  sink,
  log = (line) => console.error(line),
}: ServerOptions): Promise<RunningServer> {
  await migrate(db);
  const relay: Relay | undefined = sink ? startRelay({ db, sink, log }) : undefined;
  const server = createServer(
    createService(db, {
      onOutbox: () => relay?.nudge(),
      logError: (error) => log(`error: ${error instanceof Error ? error.stack : String(error)}`),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await relay?.stop();
    },
  };
}
