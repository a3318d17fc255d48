import { useState } from 'react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  label: string;
  onConfirm: () => void;
  loading?: boolean;
  testId: string;
}

/**
 * A destructive action that asks twice on the button itself, not in a browser dialog (which
 * headless browsers dismiss, and which cannot be translated).
 */
export function ConfirmButton({ label, onConfirm, loading, testId }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [armed, setArmed] = useState(false);
  return (
    <Button
      size="xs"
      color="red"
      variant={armed ? 'filled' : 'subtle'}
      loading={loading}
      onClick={() => (armed ? onConfirm() : setArmed(true))}
      onBlur={() => setArmed(false)}
      data-testid={testId}
    >
      {armed ? t('common.confirm') : label}
    </Button>
  );
}
