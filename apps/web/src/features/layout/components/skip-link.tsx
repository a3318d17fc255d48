import { useTranslation } from 'react-i18next';
import classes from './layout.module.css';

/** The id of each layout's <main>, where the skip link and the focus after a navigation lead. */
export const MAIN_ID = 'main';

/**
 * The first stop of the Tab key: straight to the page's content, past the header and the menu
 * (WCAG 2.4.1). Out of sight until it has the focus.
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href={`#${MAIN_ID}`} data-testid="skip-link">
      {t('layout.skipToContent')}
    </a>
  );
}
