/**
 * `npm run service`: the reference host. It prints one line, `listening on http://HOST:PORT`, once
 * the database is migrated and the port is open; everything else it says goes to stderr. SIGTERM
 * and SIGINT stop it gracefully: requests in flight finish, then the database closes.
 */
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { fileSink, webhookSink } from './relay/sinks';
import { startServer } from './server';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (error) {
  console.error(`service: ${(error as Error).message}`);
  process.exit(2);
}
const db = await openDatabase(config);
const sink = config.outboxWebhook
  ? webhookSink(config.outboxWebhook)
  : config.outboxFile
    ? fileSink(config.outboxFile)
    : undefined;
const server = await startServer({ db, host: config.host, port: config.port, sink });
console.log(`listening on ${server.url}`);
console.error(
  `service: ${db.backend === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}; relay: ${sink?.name ?? 'off'}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.error(`service: ${signal}, stopping`);
  // Requests that never finish must not keep the process alive forever.
  setTimeout(() => process.exit(1), 10_000).unref();
  await server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
