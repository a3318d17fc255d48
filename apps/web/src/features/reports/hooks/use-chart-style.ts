import { useDirection, useMantineTheme } from '@mantine/core';

/**
 * Colours from the Mantine theme (SVG attributes cannot read CSS variables), and the sides of the
 * axes: in Arabic the value axis runs from the right, like the text.
 */
export function useChartStyle() {
  const theme = useMantineTheme();
  const rtl = useDirection().dir === 'rtl';
  return {
    rtl,
    start: rtl ? ('right' as const) : ('left' as const),
    end: rtl ? ('left' as const) : ('right' as const),
    colors: {
      primary: theme.colors.teal[6],
      secondary: theme.colors.blue[6],
      tertiary: theme.colors.grape[6],
      accent: theme.colors.orange[6],
      grid: theme.colors.gray[3],
    },
  };
}
