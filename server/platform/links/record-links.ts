import type { Ctx } from '../context.js';
import type { Tx } from '../db/types.js';

/**
 * Records other records can be attached to: activities now; reminders, notes and the discussion wall
 * later. A module registers each of its record types once; the attaching module stores
 * `(link_type, link_id)` plus the record's customer, and never reads the other module's tables.
 */
export type LinkedRecord = {
  /** How the record is named in lists («مشتری: شرکت فولاد»). */
  title: string;
  /** Its customer, so attached items reach the customer's 360° timeline. */
  customerId: string | null;
  /** Where the web app shows it. */
  path: string;
};

export type LinkTarget = {
  label: { fa: string; en: string };
  /** The record if it exists and the user may see it, else null (the caller answers «not found»). */
  resolve: (tx: Tx, ctx: Ctx, id: string) => Promise<LinkedRecord | null>;
};

const targets = new Map<string, LinkTarget>();

export const registerLinkTarget = (type: string, target: LinkTarget) => targets.set(type, target);
export const linkTarget = (type: string) => targets.get(type);
export const linkTypes = () => [...targets].map(([key, t]) => ({ key, label: t.label }));
