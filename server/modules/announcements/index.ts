// Announcements (اطلاعیه‌ها) from managers to staff with per-person read status. Other modules import only this.
export { announcementsRoutes } from './announcements.routes.js';
export { announcements, announcementRecipients } from './announcements.table.js';
