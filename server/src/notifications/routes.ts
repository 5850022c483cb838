import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  idSchema,
  listDeliveriesQuery,
  listNotificationsQuery,
  markNotificationsReadInput,
  notificationPreferencesInput,
  UNMUTABLE_KINDS,
  webhookInput,
  webhookUpdateInput,
  type NotificationListView,
  type NotificationPreferencesView,
} from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentDelivery, presentNotification, presentWebhook } from './presenter.js';
import type { NotificationService } from './service.js';

const byId = z.strictObject({ id: idSchema });

export function notificationRoutes(d: { authenticate: RequestHandler; rateLimit: RateLimit; notifications: NotificationService }): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];
  const n = d.notifications;

  const list = { query: listNotificationsQuery };
  r.get('/notifications', ...guard, validate(list), async (req, res) => {
    const page = await n.list(actorOf(req), valid(req, list).query);
    const body: NotificationListView = { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unread: page.unread };
    res.json(body);
  });
  const read = { body: markNotificationsReadInput };
  r.post('/notifications/read', ...guard, validate(read), async (req, res) => {
    res.json(await n.markRead(actorOf(req), valid(req, read).body));
  });
  r.get('/notifications/preferences', ...guard, async (req, res) => {
    const body: NotificationPreferencesView = { muted: await n.preferences(actorOf(req)), unmutable: UNMUTABLE_KINDS };
    res.json(body);
  });
  const prefs = { body: notificationPreferencesInput };
  r.put('/notifications/preferences', ...guard, validate(prefs), async (req, res) => {
    const body: NotificationPreferencesView = {
      muted: await n.setPreferences(actorOf(req), valid(req, prefs).body),
      unmutable: UNMUTABLE_KINDS,
    };
    res.json(body);
  });

  r.get('/webhooks', ...guard, async (req, res) => {
    res.json({ items: (await n.listWebhooks(actorOf(req))).map(presentWebhook), nextCursor: null });
  });
  const create = { body: webhookInput };
  r.post('/webhooks', ...guard, validate(create), async (req, res) => {
    res.status(201).json(presentWebhook(await n.createWebhook(actorOf(req), valid(req, create).body)));
  });
  const update = { params: byId, body: webhookUpdateInput };
  r.patch('/webhooks/:id', ...guard, validate(update), async (req, res) => {
    const v = valid(req, update);
    res.json(presentWebhook(await n.updateWebhook(actorOf(req), v.params.id, v.body)));
  });
  r.delete('/webhooks/:id', ...guard, validate({ params: byId }), async (req, res) => {
    await n.deleteWebhook(actorOf(req), valid(req, { params: byId }).params.id);
    res.status(204).end();
  });

  const deliveries = { query: listDeliveriesQuery };
  r.get('/deliveries', ...guard, validate(deliveries), async (req, res) => {
    const page = await n.deliveries(actorOf(req), valid(req, deliveries).query);
    res.json({ items: page.items.map(presentDelivery), nextCursor: page.nextCursor });
  });
  r.post('/deliveries/:id/retry', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentDelivery(await n.retryDelivery(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  return r;
}
