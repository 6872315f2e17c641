import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/http/request-ctx.js';
import {
  listNotificationsQuery, listNotificationsResponse, notificationIdParams, unreadCountResponse,
} from './notifications.contract.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.js';

const tags = ['notifications'];

/** The current user's own notifications; nobody reads or changes another user's. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/notifications', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'My notifications, newest first, with the unread count',
      querystring: listNotificationsQuery,
      response: { 200: listNotificationsResponse },
    },
  }, async (req) => {
    const { unread, limit, cursor } = req.query;
    return listNotifications(ctxOf(req), { unread: unread === 'true', limit, cursor });
  });

  app.post('/api/notifications/:id/read', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Mark one of my notifications read', params: notificationIdParams, response: { 200: unreadCountResponse } },
  }, async (req) => markNotificationRead(ctxOf(req), req.params.id));

  app.post('/api/notifications/read-all', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Mark all my notifications read', response: { 200: unreadCountResponse } },
  }, async (req) => markAllNotificationsRead(ctxOf(req)));
};
