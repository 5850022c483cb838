/**
 * The running hub: the express app and the realtime layer on one HTTP server. main.ts
 * starts it from configuration; the reliability and browser tests start (and restart) it
 * on a temp store.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps, type Services } from './app.js';
import { attachRealtime } from './realtime/socketServer.js';

export interface RunningHub {
  httpServer: http.Server;
  port: number;
  /** The socket.io server, for tests that observe the server side of a connection. */
  io: ReturnType<typeof attachRealtime>['io'];
  close: () => Promise<void>;
}

export async function startServer(deps: AppDeps, services: Services, listen: { port: number; host: string }): Promise<RunningHub> {
  const httpServer = http.createServer(createApp(deps, services));
  const adapter = deps.store.socketAdapter ? await deps.store.socketAdapter() : undefined;
  const realtime = attachRealtime(httpServer, {
    auth: services.auth,
    incidents: services.incidents,
    feed: services.feed,
    bus: deps.bus,
    logger: deps.logger,
    recheckMs: deps.settings.socketRecheckMs,
    ...(deps.settings.socketsPerUser ? { maxSocketsPerUser: deps.settings.socketsPerUser } : {}),
    ...(adapter ? { adapter } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  // Work that fell due while the hub was down (escalations, deliveries, drill injects,
  // reminders) runs now; the rest on time, from the due times in the store.
  services.scheduler.start();
  return {
    httpServer,
    port: (httpServer.address() as AddressInfo).port,
    io: realtime.io,
    close: async () => {
      // Stop accepting first, then cut keep-alive connections: otherwise an idle browser
      // connection keeps the server (and socket.io's close, which waits for it) open.
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await services.scheduler.stop();
      await realtime.close();
      await stopped;
    },
  };
}
