import { Suspense, type ReactNode } from 'react';
import { LoadingState } from '@/shared/components/query-states';

/** A lazily loaded page, with the loading state while its code arrives. */
export const later = (page: ReactNode) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;
