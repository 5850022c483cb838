import { Router } from 'express';
import type { HealthView } from '@cert-hub/shared';
import { openApiDocument } from '../openapi/document.js';
import type { Store } from '../store/port.js';
import type { SetupService } from '../setup/service.js';

/** Liveness and which store is in use; 503 when the store does not answer. */
export function healthRoutes(store: Store, setup: SetupService): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    try {
      await store.ping();
      const body: HealthView = { status: 'ok', store: store.kind, setupRequired: await setup.required() };
      res.json(body);
    } catch {
      res.status(503).json({ error: { code: 'internal', message: 'The store is not answering' } });
    }
  });
  const document = openApiDocument();
  r.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return r;
}
