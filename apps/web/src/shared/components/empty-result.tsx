import { EmptyState } from '@mantine/core';

/** A list with nothing in it, said plainly. (Apart from the loading and error states, which the
 * sign-in page needs: Mantine's EmptyState stays off the first page.) */
export function EmptyResult({ title, description }: { title: string; description?: string }) {
  return <EmptyState py="xl" data-testid="empty-state" title={title} description={description} />;
}
