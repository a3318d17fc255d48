import { createContext, use } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import type { ApiClient, TokenStore } from '@mre/api-client';

/** What the app is built from; main.tsx makes the real ones, tests make their own with a fake fetch. */
export interface AppServices {
  api: ApiClient;
  tokens: TokenStore;
  queryClient: QueryClient;
  i18n: i18n;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = use(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesContext> above it');
  return services;
}

export const useApi = () => useServices().api;
