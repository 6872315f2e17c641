import type { ActivityIcon, ActivityKind } from '../../../common/contracts/activities.contract.js';
import type { Tx } from '../../platform/db/types.js';
import { activityTypes } from './activities.table.js';

/**
 * The types every company starts with (migration 0010 gives the same ones to companies that existed
 * before activities; keep the two lists alike).
 */
export const DEFAULT_ACTIVITY_TYPES: { name: string; kind: ActivityKind; color: string; icon: ActivityIcon }[] = [
  { name: 'تماس', kind: 'call', color: '#1E88E5', icon: 'call' },
  { name: 'جلسه', kind: 'meeting', color: '#8E24AA', icon: 'meeting' },
  { name: 'ایمیل', kind: 'email', color: '#00897B', icon: 'email' },
  { name: 'وظیفه', kind: 'task', color: '#F4511E', icon: 'task' },
  { name: 'پیامک', kind: 'sms', color: '#43A047', icon: 'sms' },
  { name: 'بازدید', kind: 'visit', color: '#6D4C41', icon: 'visit' },
];

export async function seedActivityDefaults(tx: Tx, tenantId: string) {
  await tx.insert(activityTypes).values(DEFAULT_ACTIVITY_TYPES.map((t, i) => ({ ...t, tenantId, sortOrder: i * 10, isSystem: true })));
}
