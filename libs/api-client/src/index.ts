import type { components } from './schema';

export { createApiClient, type ApiClient, type ApiClientOptions } from './lib/api-client';
export { ApiError, unwrap, type ErrorCode, type ErrorDetails } from './lib/api-error';
export { LocalStorageTokenStore, type TokenPair, type TokenStore } from './lib/token-store';
export type { components, paths } from './schema';

export type Schemas = components['schemas'];
