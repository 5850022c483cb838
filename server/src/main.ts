/**
 * Starts the hub: `npm start` runs this. Composition lives in compose.ts, the HTTP and
 * realtime server in server.ts; this file owns the first-start message and shutdown.
 */
import { composeFromEnv } from './compose.js';
import { ConfigError } from './platform/config.js';
import { startServer } from './server.js';

async function main() {
  const { config, deps, services } = await composeFromEnv();
  const { logger, store } = deps;
  const hub = await startServer(deps, services, { port: config.port, host: config.host });
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  logger.info(
    { port: config.port, store: store.kind, dataDir: store.kind === 'sqlite' ? config.dataDir : undefined },
    `CERT Hub listening on ${url}`,
  );

  const setupToken = await services.setup.issueToken();
  if (setupToken) {
    // Printed once, on purpose, to the operator's terminal: the only way in on a new store.
    process.stdout.write(
      `\n  No accounts exist yet. Create the first administrator at:\n\n    ${url}/setup?token=${setupToken}\n\n` +
        `  (or run: npm run create-admin -- <username> "<full name>"), or load the demo province: npm run seed:demo\n\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    void hub
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`CERT Hub failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
