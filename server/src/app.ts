/**
 * Builds the hub from its dependencies. Tests call this with a temp SQLite store and a
 * fake clock; main.ts calls it with the real ones. Nothing here reads the environment.
 */
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { LoginThrottle } from './auth/loginThrottle.js';
import type { PasswordHasher } from './auth/passwords.js';
import { DEFAULT_PASSWORD_RESET_TTL_HOURS, PasswordResetService } from './auth/passwordReset.js';
import { IncidentCountService } from './incidents/count.js';
import { AuthService } from './auth/service.js';
import { SessionCache } from './auth/sessionCache.js';
import { TokenService } from './auth/tokens.js';
import { ApiKeyService } from './apikeys/service.js';
import { AttachmentService } from './incidents/attachments.js';
import { DrillService } from './drills/service.js';
import { drillInjectsJob } from './drills/scheduler.js';
import { PlaybookService } from './incidents/playbooks.js';
import { IncidentService } from './incidents/service.js';
import { EventFeed } from './realtime/feed.js';
import { API_ROUTES } from './http/apiRoutes.js';
import { mountRoutes, type HubContext } from './http/route.js';
import { rejectPollutedBody, requireJson } from './http/bodyGuards.js';
import { compressJson } from './http/compressJson.js';
import { serveConsole } from './http/consoleAssets.js';
import { errorHandler, notFoundHandler } from './http/errorHandler.js';
import { createRateLimit } from './http/rateLimit.js';
import type { Clock } from './platform/clock.js';
import type { EventBus } from './platform/eventBus.js';
import type { IdFactory } from './platform/ids.js';
import type { Logger } from './platform/logger.js';
import type { ServiceDeps } from './platform/unitOfWork.js';
import { AgencyService } from './registry/agencies.service.js';
import { SectorService } from './registry/sectors.service.js';
import { SystemService } from './registry/systems.service.js';
import { TeamService } from './registry/teams.service.js';
import { UserService } from './registry/users.service.js';
import { createLeadersServices, type LeadersServices } from './reports/compose.js';
import { AuditService } from './audit/service.js';
import { smtpMailer, type SmtpSettings } from './notifications/channels.js';
import { DeliveryWorker, outboxJob } from './notifications/deliveryWorker.js';
import { reportRemindersJob } from './reports/reminders.js';
import { NotificationService } from './notifications/service.js';
import { Scheduler } from './platform/scheduler.js';
import { teamRespondersOnCall, withResponderFallback } from './sla/oncall.js';
import { SlaService } from './sla/service.js';
import { slaEscalationJob } from './sla/job.js';
import { OnCallService } from './oncall/service.js';
import { SeriousService } from './routing/serious.js';
import { RoutingService } from './routing/service.js';
import { EVENTS } from '@cert-hub/shared';
import { ReferenceCache } from './platform/referenceCache.js';
import { SetupService } from './setup/service.js';
import type { Store } from './store/port.js';

export interface AppSettings {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  apiRequestsPerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  secureCookies: boolean;
  /** Where evidence files are kept (outside any web root). */
  attachmentsDir: string;
  attachmentMaxBytes: number;
  attachmentMaxCount: number;
  /** How often live sockets' sessions are re-checked. */
  socketRecheckMs: number;
  /** Live sockets one user may hold at once (default 8). */
  socketsPerUser?: number | undefined;
  /** The built console to serve at `/`, if there is one. */
  clientDir?: string | undefined;
  /** Outgoing e-mail; without it notifications are in-app and webhooks only. */
  smtp?: SmtpSettings | undefined;
  /** The address people use to reach the hub (links in e-mails). */
  publicUrl?: string | undefined;
  /**
   * How often (real ms) the scheduler re-reads due times it was not woken for — changes made
   * by another hub node or without an event (default 1000 ms); due work itself runs on time.
   */
  schedulerIntervalMs?: number | undefined;
  /** How long an administrator's password-reset link works (default 24 h). */
  passwordResetTtlHours?: number | undefined;
}

export interface AppDeps {
  store: Store;
  clock: Clock;
  bus: EventBus;
  ids: IdFactory;
  logger: Logger;
  hasher: PasswordHasher;
  settings: AppSettings;
}

export interface Services extends LeadersServices {
  auth: AuthService;
  agencies: AgencyService;
  sectors: SectorService;
  systems: SystemService;
  teams: TeamService;
  users: UserService;
  setup: SetupService;
  passwordReset: PasswordResetService;
  incidentCounts: IncidentCountService;
  incidents: IncidentService;
  attachments: AttachmentService;
  apiKeys: ApiKeyService;
  feed: EventFeed;
  playbooks: PlaybookService;
  drills: DrillService;
  oncall: OnCallService;
  routing: RoutingService;
  serious: SeriousService;
  audit: AuditService;
  notifications: NotificationService;
  sla: SlaService;
  /** The one timer: SLA escalation, the delivery outbox, drill injects, report reminders; started by startServer. */
  scheduler: Scheduler;
}

export function createServices(deps: AppDeps): Services {
  // One process sees every change on its bus only with the embedded store (see referenceCache.ts).
  const references = new ReferenceCache(deps.store.kind === 'sqlite');
  references.watch(deps.bus);
  const base: ServiceDeps = { store: deps.store, clock: deps.clock, bus: deps.bus, ids: deps.ids, references };
  const s = deps.settings;
  const users = new UserService(base, deps.hasher);
  const playbooks = new PlaybookService(base);
  const oncall = new OnCallService(base);
  const routing = new RoutingService(base, oncall);
  const serious = new SeriousService(base);
  const incidents = new IncidentService(base, playbooks, routing);
  const drills = new DrillService(base, incidents);
  // One process sees every change on its bus only with the embedded store (see sessionCache.ts).
  const sessionCache = new SessionCache(deps.store.kind === 'sqlite');
  sessionCache.watch(deps.bus);
  // R2: a system's level or critical flag changing re-assesses its open incidents.
  deps.bus.subscribe((event) => {
    if (event.type !== EVENTS.systemUpdated) return;
    const changes = (event.data.changes ?? {}) as Record<string, unknown>;
    if (!('level' in changes) && !('nationalCritical' in changes)) return;
    serious.reassessSystem(event.entityId).catch((error: unknown) => deps.logger.error({ err: error }, 'serious re-assessment failed'));
  });
  // Escalation reaches the team's rostered on-call; a team without a roster falls back to its responders (R6: always someone).
  const rosterOrResponders = withResponderFallback(oncall, teamRespondersOnCall(deps.store));
  const sla = new SlaService(base, rosterOrResponders);
  const notifications = new NotificationService(base, { emailEnabled: Boolean(s.smtp), publicUrl: s.publicUrl });
  const deliveries = new DeliveryWorker(base, s.smtp ? smtpMailer(s.smtp) : null, deps.logger);
  // Both follow committed events on the bus; neither is called by the services that change incidents.
  sla.attach(deps.bus, deps.logger);
  notifications.attach(deps.bus, deps.logger);
  const attachments = new AttachmentService(base, incidents, s.attachmentsDir, {
    maxBytes: s.attachmentMaxBytes,
    maxCount: s.attachmentMaxCount,
  });
  const leaders = createLeadersServices(base, incidents, drills, notifications, attachments);
  const scheduler = new Scheduler(
    [
      slaEscalationJob(sla, deps.store.slaTimers),
      outboxJob(deliveries, deps.store.deliveries),
      drillInjectsJob(drills, deps.store.drills),
      reportRemindersJob(deps.store, leaders.reports),
    ],
    { clock: deps.clock, logger: deps.logger, bus: deps.bus, recheckMs: s.schedulerIntervalMs ?? 1000, boot: () => sla.rearmAll() },
  );
  notifications.onDeliveriesQueued(() => void scheduler.wake());
  return {
    oncall,
    routing,
    serious,
    ...leaders,
    audit: new AuditService(base),
    notifications,
    sla,
    scheduler,
    incidents,
    drills,
    attachments,
    apiKeys: new ApiKeyService(base),
    feed: new EventFeed(deps.store),
    playbooks,
    auth: new AuthService({
      ...base,
      tokens: new TokenService(s.jwtSecret, s.accessTokenTtlSeconds, deps.clock),
      hasher: deps.hasher,
      throttle: new LoginThrottle({
        maxFailuresPerAccount: s.loginMaxFailuresPerAccount,
        maxFailuresPerAddress: s.loginMaxFailuresPerAddress,
        windowSeconds: s.loginFailureWindowSeconds,
      }),
      refreshTtlDays: s.refreshTokenTtlDays,
      sessionCache,
    }),
    agencies: new AgencyService(base),
    sectors: new SectorService(base),
    systems: new SystemService(base),
    teams: new TeamService(base),
    users,
    setup: new SetupService(users),
    incidentCounts: new IncidentCountService(deps),
    passwordReset: new PasswordResetService({
      ...base,
      hasher: deps.hasher,
      ttlHours: s.passwordResetTtlHours ?? DEFAULT_PASSWORD_RESET_TTL_HOURS,
    }),
  };
}

export function createApp(deps: AppDeps, services: Services = createServices(deps)): Express {
  const s = deps.settings;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', s.trustProxy);
  // Flat query strings only: `?q[$ne]=x` stays a string and fails validation.
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"], // the component library injects its styles
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Provinces often serve the hub on plain HTTP inside their network.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  const api = express.Router();
  api.use(compressJson);
  const rateLimit = createRateLimit(s.apiRequestsPerMinute);
  const hub: HubContext = { services, settings: s, store: deps.store, routes: API_ROUTES };
  // Multipart uploads first: everything after this point speaks JSON only.
  mountRoutes(
    api,
    API_ROUTES.filter((r) => r.multipart),
    { hub, rateLimit },
  );
  api.use(requireJson);
  api.use(express.json({ limit: s.bodyLimitBytes, strict: true }));
  api.use(rejectPollutedBody);
  api.use(cookieParser());
  mountRoutes(
    api,
    API_ROUTES.filter((r) => !r.multipart),
    { hub, rateLimit },
  );
  api.use(notFoundHandler);
  api.use(errorHandler(deps.logger));
  app.use('/api', api);

  serveConsole(app, s.clientDir);
  app.use(errorHandler(deps.logger));
  return app;
}
