import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

/** The name in the header, set like a heading but not one: each page's own title is its h1. */
export function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" c="inherit">
      <Text component="span" ff="heading" fz="h3" lh="h3" fw={700}>
        MRE Academy
      </Text>
    </Anchor>
  );
}
