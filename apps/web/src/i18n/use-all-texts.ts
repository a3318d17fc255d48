import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { allTextsLoaded, loadAllTexts } from './i18n';

/** Suspends until every text of the language is there: for the pages beyond the sign-in page's part. */
export function useAllTexts(): void {
  const { i18n } = useTranslation();
  if (!allTextsLoaded(i18n)) use(loadAllTexts(i18n));
}
