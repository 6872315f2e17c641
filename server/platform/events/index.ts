export { publishEvent, publishEvents, EVENTS_CHANNEL, MAX_EVENT_BYTES, type CrmEvent } from './publish.js';
export { eventHubFor, type EventHub, type Subscriber } from './event-hub.js';
export { eventsRoutes, sseConnectionCount, HEARTBEAT_MS } from './events.routes.js';
