import { Anchor, Title } from '@mantine/core';
import { Link } from 'react-router';

export function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit">
      <Title order={4}>MRE Academy</Title>
    </Anchor>
  );
}
