import type { SmsGatewayKind } from '../../../../common/contracts/sms.contract.js';

export type OutgoingSms = {
  /** Our message id. */
  id: string;
  /** 09xxxxxxxxx */
  to: string;
  text: string;
};

/**
 * What one attempt came to. `retry`: worth trying again later (network, timeout, their 5xx, rate limit);
 * `failed`: a person must fix something first (credentials, credit, number). Reasons are Persian.
 */
export type SendOutcome =
  | { kind: 'sent'; gatewayMessageId: string | null; deliveryStatus?: string | null }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string };

export type DeliveryReport = { state: 'pending' | 'delivered' | 'failed' | 'unknown'; text: string };

export type SmsGateway = {
  kind: SmsGatewayKind;
  send(sms: OutgoingSms): Promise<SendOutcome>;
  /** Delivery reports by gateway message id, for gateways that have them. Throws a `GatewayError` when it cannot ask. */
  status?(gatewayMessageIds: string[]): Promise<Map<string, DeliveryReport>>;
};

/** A failure to talk to a gateway, already in Persian and without secrets. */
export class GatewayError extends Error {
  constructor(message: string, readonly retry: boolean) {
    super(message);
  }
}
