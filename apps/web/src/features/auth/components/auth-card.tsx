import { Container, Paper, Title } from '@mantine/core';

/** The centred card of the sign-in and invitation pages. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center" mb="lg">
        {title}
      </Title>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {children}
      </Paper>
    </Container>
  );
}
