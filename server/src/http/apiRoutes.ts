/**
 * Every API route of the hub, in the order Express tries them (an earlier, more specific path
 * wins: the leaders' `/incidents/export.xlsx` comes before `/incidents/:id`). One list: app.ts
 * mounts it, the OpenAPI document is built from it. A new feature adds its list here.
 */
import { apiKeyRoutes } from '../apikeys/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { passwordResetRoutes } from '../auth/passwordResetRoutes.js';
import { authRoutes } from '../auth/routes.js';
import { drillRoutes } from '../drills/routes.js';
import { healthRoutes } from '../health/routes.js';
import { incidentCountRoutes } from '../incidents/countRoutes.js';
import { incidentRoutes } from '../incidents/routes.js';
import { notificationRoutes } from '../notifications/routes.js';
import { onCallRoutes } from '../oncall/routes.js';
import { eventRoutes } from '../realtime/routes.js';
import { registryRoutes } from '../registry/routes.js';
import { reportAttachmentRoutes } from '../reports/attachmentRoutes.js';
import { leadersRoutes } from '../reports/routes.js';
import { routingRoutes } from '../routing/routes.js';
import { setupRoutes } from '../setup/routes.js';
import { slaRoutes } from '../sla/routes.js';
import type { Route } from './route.js';

export const API_ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...setupRoutes,
  ...authRoutes,
  ...registryRoutes,
  ...passwordResetRoutes,
  ...leadersRoutes,
  ...reportAttachmentRoutes,
  ...incidentCountRoutes,
  ...incidentRoutes,
  ...drillRoutes,
  ...routingRoutes,
  ...onCallRoutes,
  ...apiKeyRoutes,
  ...eventRoutes,
  ...auditRoutes,
  ...notificationRoutes,
  ...slaRoutes,
];
