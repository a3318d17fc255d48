import { useQuery } from '@tanstack/react-query';
import { countryName, pickLocalized, SECTOR_NAMES, type SectorCode } from '@mre/contracts';
import { useTranslation } from 'react-i18next';
import { unwrap } from '@mre/api-client';
import { useLocale } from '@/shared/hooks/use-locale';
import { useApi } from './services.context';

/** The largest page the API serves; the programme has a handful of sectors, networks and centres. */
const MAX_PAGE_SIZE = 100;
const ALL = { query: { page: 1, pageSize: MAX_PAGE_SIZE } };

export const referenceKeys = {
  sectors: ['sectors'] as const,
  networks: ['networks'] as const,
  centres: ['centres'] as const,
};

export function useSectors() {
  const api = useApi();
  return useQuery({
    queryKey: referenceKeys.sectors,
    queryFn: () => unwrap(api.GET('/api/sectors')),
    staleTime: Infinity, // seeded, never edited from the UI
    select: (list) => list.items,
  });
}

export function useAllNetworks() {
  const api = useApi();
  return useQuery({
    queryKey: [...referenceKeys.networks, 'all'],
    queryFn: () => unwrap(api.GET('/api/networks', { params: ALL })),
    select: (list) => list.items,
  });
}

export function useAllCentres() {
  const api = useApi();
  return useQuery({
    queryKey: [...referenceKeys.centres, 'all'],
    queryFn: () => unwrap(api.GET('/api/centres', { params: ALL })),
    select: (list) => list.items,
  });
}

/** Sector names in the UI language; the shared table covers the time before the list arrives. */
export function useSectorName(): (code: SectorCode) => string {
  const [locale] = useLocale();
  const { data: sectors } = useSectors();
  return (code) => {
    const sector = sectors?.find((candidate) => candidate.code === code);
    return pickLocalized(sector?.name ?? SECTOR_NAMES[code], locale) || code;
  };
}

/** A network's name in the UI language, else in another language that has it. */
export function useNetworkName(): (id: string) => string {
  const [locale] = useLocale();
  const { data: networks } = useAllNetworks();
  return (id) => pickLocalized(networks?.find((network) => network.id === id)?.names, locale);
}

/** A centre's name in the UI language, else in another language that has it. */
export function useCentreName(): (id: string) => string {
  const [locale] = useLocale();
  const { data: centres } = useAllCentres();
  return (id) => pickLocalized(centres?.find((centre) => centre.id === id)?.names, locale);
}

/**
 * Where a network is, in the UI language: the country's name as the browser's CLDR data words it,
 * "international" for a network of several countries, else the text typed before codes existed.
 */
export function useCountryLabel(): (network: { country: string; countryCode?: string | null }) => string {
  const [locale] = useLocale();
  const { t } = useTranslation();
  return (network) => {
    if (network.countryCode) return countryName(network.countryCode, locale);
    if (/^international$/i.test(network.country.trim())) return t('admin.networks.international');
    return network.country;
  };
}
