import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config.js';
import { authRoutes, installAuthentication } from './auth/auth.routes.js';
import { apiKeyRoutes } from './auth/api-keys.routes.js';
import { accessRoutes } from './access/index.js';
import { orgRoutes } from './org/index.js';
import { staffRoutes } from './staff/index.js';
import { settingsRoutes } from './settings/index.js';
import { geoRoutes } from './geo/index.js';
import { searchRoutes } from './search/index.js';
import { notificationsPlugin } from './notifications/index.js';
import { customersRoutes } from './customers/index.js';
import { inventoryRoutes } from './inventory/index.js';
import { productsRoutes } from './products/index.js';
import { lookupsRoutes } from './settings/index.js';
import { smsRoutes } from './sms/index.js';
import { activitiesRoutes } from './activities/index.js';
import { remindersRoutes } from './reminders/index.js';
import { notesRoutes } from './notes/index.js';
import { wallRoutes } from './wall/index.js';
import { announcementsRoutes } from './announcements/index.js';

/** The explicit list of modules; order matters only where a module decorates the app for others. */
export async function registerModules(app: FastifyInstance, config: Config) {
  installAuthentication(app);
  await app.register(authRoutes, { sessionDays: config.sessionDays, secureCookies: config.secureCookies });
  await app.register(apiKeyRoutes);
  await app.register(accessRoutes);
  await app.register(orgRoutes);
  await app.register(staffRoutes);
  await app.register(settingsRoutes);
  await app.register(geoRoutes);
  await app.register(searchRoutes);
  await app.register(notificationsPlugin);
  await app.register(lookupsRoutes);
  await app.register(customersRoutes);
  await app.register(inventoryRoutes);
  await app.register(productsRoutes);
  await app.register(smsRoutes);
  await app.register(activitiesRoutes);
  await app.register(remindersRoutes);
  await app.register(notesRoutes);
  await app.register(wallRoutes);
  await app.register(announcementsRoutes);
}
