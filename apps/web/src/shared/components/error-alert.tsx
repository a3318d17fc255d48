import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@mre/api-client';
import { describeError } from '../api/describe-error';

interface ErrorAlertProps {
  error: unknown;
  /** Sentences that say more than the generic one for a given status (e.g. 409 on a duplicate e-mail). */
  byStatus?: Partial<Record<number, string>>;
  testId?: string;
  children?: React.ReactNode;
}

export function ErrorAlert({ error, byStatus, testId = 'error-alert', children }: ErrorAlertProps) {
  const { t } = useTranslation();
  const { message, details } = describeError(error, t);
  const specific = error instanceof ApiError ? byStatus?.[error.status] : undefined;
  return (
    <Alert color="red" role="alert" data-testid={testId} title={specific ?? message}>
      {details.length > 0 && (
        <List size="sm">
          {details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}
