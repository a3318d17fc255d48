import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/shared/api/describe-error';

interface ErrorAlertProps {
  error: unknown;
  /** What failed, when the screen says it better than the error alone ("The file was refused."). */
  title?: string;
  testId?: string;
  children?: React.ReactNode;
}

/** An error in the reader's language, by the API's error code. */
export function ErrorAlert({ error, title, testId = 'error-alert', children }: ErrorAlertProps) {
  const { i18n } = useTranslation();
  const { message, details } = describeError(error, i18n);
  return (
    <Alert color="red" role="alert" data-testid={testId} title={title ?? message}>
      {title && <Text size="sm">{message}</Text>}
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
