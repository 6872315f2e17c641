// The development sink: the message goes to the server log and counts as sent. Nothing leaves the machine.
import type { SmsLogger } from '../sms-runtime.js';
import type { SmsGateway } from './types.js';

export function devLogGateway(log: SmsLogger): SmsGateway {
  return {
    kind: 'dev-log',
    async send(sms) {
      log.info({ gateway: 'dev-log', smsId: sms.id, to: sms.to, text: sms.text }, 'SMS (development sink, not sent to a phone)');
      return { kind: 'sent', gatewayMessageId: `dev-${sms.id.slice(0, 8)}` };
    },
  };
}
