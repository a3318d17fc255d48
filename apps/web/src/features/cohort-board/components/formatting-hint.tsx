import { Code } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * How to write the marks RichText understands, each sample isolated left to right so that an
 * Arabic sentence around it does not scramble its symbols.
 */
export function FormattingHint() {
  const { t } = useTranslation();
  const samples = [
    `**${t('board.hint.bold')}**`,
    `*${t('board.hint.italics')}*`,
    `- ${t('board.hint.list')}`,
    `[${t('board.hint.link')}](https://…)`,
  ];
  return (
    <span>
      {t('board.hint.intro')}{' '}
      {samples.map((sample, index) => (
        <Fragment key={sample}>
          {index > 0 && ' · '}
          <bdi dir="ltr">
            {/* The reader's font: a monospace one breaks Arabic letters apart. */}
            {/* One line each: a sample broken across lines reads in the wrong order in Arabic. */}
            <Code style={{ fontFamily: 'inherit', whiteSpace: 'nowrap' }}>{sample}</Code>
          </bdi>
        </Fragment>
      ))}
    </span>
  );
}
