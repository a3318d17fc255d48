import {
  createTheme,
  darken,
  DEFAULT_THEME,
  keys,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** WCAG 2.1 AA for text of body size (1.4.3). */
const MIN_CONTRAST = 4.5;

const { sizes } = DEFAULT_THEME.headings;

export const theme = createTheme({
  primaryColor: 'teal',
  // Arabic glyphs need a font that has them; the system UI fonts of each platform do.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif',
  defaultRadius: 'md',
  // Each page has one h1 and sections below it in order; these are dense work screens, so the h1 is
  // set at the size Mantine gives an h2, and each level below one step down.
  headings: {
    sizes: { h1: sizes.h2, h2: sizes.h3, h3: sizes.h4, h4: sizes.h5, h5: sizes.h6, h6: sizes.h6 },
  },
});

/**
 * The colours the light scheme derives from each palette, darkened just enough to reach 4.5:1 where
 * Mantine's own do not: white text on filled buttons, badges and bars (teal 6 gave 2.5:1), outlines
 * and links on white, the text of light badges, alerts and the active nav link (shade 9 on shade 1:
 * 2.7:1 for yellow, 4.3:1 for teal), and dimmed text (gray 6: 3.3:1 on white).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const colors = resolved.colors as Record<string, MantineColorsTuple>;
  const names = keys(colors);
  const white = resolved.white;
  const light: Record<string, string> = {};
  for (const name of names) {
    const strong = readableOn(colors[name][6], [white, colors.gray[0]]);
    light[`--mantine-color-${name}-filled`] = strong;
    // Darker, not lighter as Mantine has it: hovering never lowers the contrast with the white text.
    light[`--mantine-color-${name}-filled-hover`] = darken(strong, 0.1);
    light[`--mantine-color-${name}-outline`] = strong;
    // The light variant is shade 1, shade 2 under the pointer.
    light[`--mantine-color-${name}-light-color`] = readableOn(colors[name][9], [
      colors[name][1],
      colors[name][2],
    ]);
  }
  // Dimmed text also sits in striped or hovered rows, light alerts and unread notifications (`dark`
  // is the dark scheme's palette, no light surface).
  const lightSurfaces = names.filter((name) => name !== 'dark').map((name) => colors[name][1]);
  const dimmed = readableOn(colors.gray[6], [white, ...colors.gray.slice(0, 3), ...lightSurfaces]);
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': dimmed,
      '--mantine-color-placeholder': dimmed,
      '--mantine-color-anchor': light[`--mantine-color-${resolved.primaryColor}-light-color`],
    },
    dark: {},
  };
};

/** `color`, darkened in small steps until it reaches 4.5:1 with every one of `others`. */
function readableOn(color: string, others: string[]): string {
  for (let step = 0; step < 20; step++) {
    const candidate = step === 0 ? color : darken(color, step / 20);
    if (others.every((other) => contrast(candidate, other) >= MIN_CONTRAST)) return candidate;
  }
  return DEFAULT_THEME.black;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}
