import { useMemo, type ReactNode } from 'react';
import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

/**
 * Mantine with the words its components carry of their own (the password field's show/hide button
 * says "Toggle password visibility" to screen readers, a dialog's close button "Close") in the UI
 * language, every page included.
 */
export function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const localized = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        // Plain objects rather than `PasswordInput.extend(…)`: naming a component here would put its
        // code (and Mantine's whole input family) into every first download.
        components: {
          PasswordInput: {
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('fields.togglePassword') } },
          },
          // Every dialog's close button is named (an unnamed icon button is lost to screen readers).
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
        },
      }),
    // A new theme for each language only (`t` changes with it).
    [t],
  );
  return (
    // Every CSS variable written by the provider, Mantine's defaults included: no stylesheet of
    // default variables (3 KB compressed) to download before the first page.
    <MantineProvider
      theme={localized}
      cssVariablesResolver={cssVariablesResolver}
      deduplicateCssVariables={false}
    >
      {children}
    </MantineProvider>
  );
}
