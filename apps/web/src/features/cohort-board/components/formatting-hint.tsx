import { useTranslation } from 'react-i18next';

/** How to write the marks RichText understands, in the reader's language. */
export function FormattingHint() {
  const { t } = useTranslation();
  return <span>{t('board.formattingHint')}</span>;
}
