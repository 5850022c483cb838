/** The bell and channel preferences (every user); webhooks and deliveries (administrator). */
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
import { route, type Route } from '../http/route.js';
import { presentDelivery, presentNotification, presentWebhook } from './presenter.js';

const byId = z.strictObject({ id: idSchema });
const preferencesView = (muted: string[]): NotificationPreferencesView => ({ muted, unmutable: UNMUTABLE_KINDS });

export const notificationRoutes: Route[] = [
  route({
    method: 'get',
    path: '/notifications',
    tag: 'notifications',
    summary: 'Own notifications, newest first, with the unread count',
    auth: 'signed-in',
    query: listNotificationsQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.notifications.list(actor, query);
      const body: NotificationListView = { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unread: page.unread };
      return body;
    },
  }),
  route({
    method: 'post',
    path: '/notifications/read',
    tag: 'notifications',
    summary: 'Mark some (ids) or all own notifications read',
    auth: 'signed-in',
    body: markNotificationsReadInput,
    handler: ({ services, actor, body }) => services.notifications.markRead(actor, body),
  }),
  route({
    method: 'get',
    path: '/notifications/preferences',
    tag: 'notifications',
    summary: 'Own channel preferences (muted kind:channel pairs)',
    auth: 'signed-in',
    present: preferencesView,
    handler: ({ services, actor }) => services.notifications.preferences(actor),
  }),
  route({
    method: 'put',
    path: '/notifications/preferences',
    tag: 'notifications',
    summary: 'Set own channel preferences (serious alerts cannot be muted)',
    auth: 'signed-in',
    body: notificationPreferencesInput,
    present: preferencesView,
    handler: ({ services, actor, body }) => services.notifications.setPreferences(actor, body),
  }),
  route({
    method: 'get',
    path: '/webhooks',
    tag: 'notifications',
    summary: 'Outgoing webhooks (admin)',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({
      items: (await services.notifications.listWebhooks(actor)).map(presentWebhook),
      nextCursor: null,
    }),
  }),
  route({
    method: 'post',
    path: '/webhooks',
    tag: 'notifications',
    summary: 'Add a webhook signed with HMAC-SHA256 (admin)',
    auth: 'signed-in',
    body: webhookInput,
    status: 201,
    present: presentWebhook,
    handler: ({ services, actor, body }) => services.notifications.createWebhook(actor, body),
  }),
  route({
    method: 'patch',
    path: '/webhooks/:id',
    tag: 'notifications',
    summary: 'Change a webhook (admin)',
    auth: 'signed-in',
    params: byId,
    body: webhookUpdateInput,
    present: presentWebhook,
    handler: ({ services, actor, params, body }) => services.notifications.updateWebhook(actor, params.id, body),
  }),
  route({
    method: 'delete',
    path: '/webhooks/:id',
    tag: 'notifications',
    summary: 'Delete a webhook (admin)',
    auth: 'signed-in',
    params: byId,
    status: 204,
    handler: ({ services, actor, params }) => services.notifications.deleteWebhook(actor, params.id),
  }),
  route({
    method: 'get',
    path: '/deliveries',
    tag: 'notifications',
    summary: 'E-mail and webhook deliveries with their attempts (admin)',
    auth: 'signed-in',
    query: listDeliveriesQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.notifications.deliveries(actor, query);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/deliveries/:id/retry',
    tag: 'notifications',
    summary: 'Send a failed delivery again (admin)',
    auth: 'signed-in',
    params: byId,
    present: presentDelivery,
    handler: ({ services, actor, params }) => services.notifications.retryDelivery(actor, params.id),
  }),
];
