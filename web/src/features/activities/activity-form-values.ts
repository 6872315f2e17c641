import type { Activity, ActivityType } from './activities-api.js';

/** What the activity form edits; turned into the API body by `toBody`. */
export type ActivityFormValues = {
  typeId: string;
  subject: string;
  description: string;
  startsAt: Date | null;
  endsAt: Date | null;
  durationMinutes: string;
  status: Activity['status'];
  responsibleId: string;
  customerId: string | null;
  customerName: string | null;
  contactId: string;
  direction: '' | 'in' | 'out';
  location: string;
  inviteeUserIds: string[];
  inviteeContactIds: string[];
  isFollowUp: boolean;
  version?: number;
};

export type FormSeed = { customerId?: string | null; customerName?: string | null; startsAt?: Date; isFollowUp?: boolean; responsibleId?: string };

/** A new activity starts at the next quarter hour. */
function nextQuarter(now = new Date()) {
  const d = new Date(now);
  d.setSeconds(0, 0);
  d.setMinutes(Math.ceil((d.getMinutes() + 1) / 15) * 15);
  return d;
}

export function blankValues(types: ActivityType[], seed: FormSeed, me: string | undefined): ActivityFormValues {
  const first = types.find((t) => t.active);
  return {
    typeId: first?.id ?? '', subject: '', description: '', startsAt: seed.startsAt ?? nextQuarter(), endsAt: null, durationMinutes: '',
    status: 'open', responsibleId: seed.responsibleId ?? me ?? '', customerId: seed.customerId ?? null, customerName: seed.customerName ?? null,
    contactId: '', direction: first?.kind === 'call' ? 'out' : '', location: '', inviteeUserIds: [], inviteeContactIds: [], isFollowUp: seed.isFollowUp ?? false,
  };
}

export function valuesOf(a: Activity): ActivityFormValues {
  return {
    typeId: a.typeId, subject: a.subject, description: a.description ?? '', startsAt: new Date(a.startsAt), endsAt: a.endsAt ? new Date(a.endsAt) : null,
    durationMinutes: a.durationMinutes != null ? String(a.durationMinutes) : '', status: a.status, responsibleId: a.responsibleId,
    customerId: a.customerId, customerName: a.customerName, contactId: a.contactId ?? '', direction: a.direction ?? '', location: a.location ?? '',
    inviteeUserIds: a.invitees.flatMap((i) => (i.userId ? [i.userId] : [])), inviteeContactIds: a.invitees.flatMap((i) => (i.contactId ? [i.contactId] : [])),
    isFollowUp: a.isFollowUp, version: a.version,
  };
}

/** Only the fields that belong to the chosen kind are sent: a call's length as minutes, other kinds' end as a time. */
export function toBody(v: ActivityFormValues, kind: string | undefined) {
  const isCall = kind === 'call';
  return {
    typeId: v.typeId, subject: v.subject, description: v.description || null, startsAt: v.startsAt?.toISOString() ?? '',
    ...(isCall ? { durationMinutes: v.durationMinutes || null, endsAt: null } : { endsAt: v.endsAt?.toISOString() ?? null }),
    status: v.status, responsibleId: v.responsibleId || null, customerId: v.customerId, contactId: v.contactId || null,
    direction: isCall ? v.direction || null : null,
    location: kind === 'meeting' || kind === 'visit' ? v.location || null : null,
    invitees: kind === 'meeting' ? [...v.inviteeUserIds.map((userId) => ({ userId })), ...v.inviteeContactIds.map((contactId) => ({ contactId }))] : [],
    isFollowUp: v.isFollowUp,
    ...(v.version ? { version: v.version } : {}),
  };
}
