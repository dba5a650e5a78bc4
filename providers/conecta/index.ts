/** The Conecta provider: the Provider port on the tenant's REST API v4, over undici. */
export { ConectaProvider, type ConectaProviderOptions } from './provider.js';
export { readConectaSettings, readTransportSettings, type ConectaSettings, type TransportSettings } from './settings.js';
export type { Credentials } from './http-client.js';
export type { Clock } from './clock.js';
