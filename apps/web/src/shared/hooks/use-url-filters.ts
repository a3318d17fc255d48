import { useSearchParams } from 'react-router';

export type FilterChanges = Record<string, string | null | undefined>;

/**
 * List filters kept in the URL, so that a filtered page can be shared, reloaded and left with
 * "back". Several filters change in one call: successive calls would each start from the same,
 * older URL. A new filter gives a new list, so it starts again from its first page.
 */
export function useUrlFilters(): [
  URLSearchParams,
  (changes: FilterChanges, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: FilterChanges, options?: { replace?: boolean }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    }, options);
  return [params, setFilters];
}
