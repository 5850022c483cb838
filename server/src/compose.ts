/**
 * Wires the real dependencies from configuration. Used by main.ts (the server) and by the
 * operator scripts (seed, create-admin) so that they all see the same store and rules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type AppDeps, type Services } from './app.js';
import { bcryptHasher } from './auth/passwords.js';
import { systemClock } from './platform/clock.js';
import { loadConfig, loadDotEnv, type Config } from './platform/config.js';
import { EventBus } from './platform/eventBus.js';
import { randomId } from './platform/ids.js';
import { createLogger } from './platform/logger.js';
import { openStore } from './store/openStore.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Composition {
  config: Config;
  deps: AppDeps;
  services: Services;
}

export async function composeFromEnv(): Promise<Composition> {
  loadDotEnv();
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const store = await openStore(config);
  const deps: AppDeps = {
    store,
    clock: systemClock,
    bus: new EventBus(),
    ids: randomId,
    logger,
    hasher: bcryptHasher(config.bcryptCost),
    settings: {
      ...config,
      secureCookies: config.cookieSecure,
      clientDir: path.resolve(here, '../../client/dist'),
    },
  };
  const services = createServices(deps);
  await services.sectors.ensureCriticalSectors();
  await services.reportTypes.ensureDefaults();
  return { config, deps, services };
}
