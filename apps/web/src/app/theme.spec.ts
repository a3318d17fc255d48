import { DEFAULT_THEME, mergeMantineTheme, toRgba } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const variables = cssVariablesResolver(resolved).light;
const { colors, white } = resolved;
// `dark` is the dark scheme's palette: no light surface is made of it.
const palettes = Object.keys(colors).filter((name) => name !== 'dark');

/** WCAG 2.x contrast ratio, from its definition of relative luminance. */
function contrast(a: string, b: string): number {
  const relativeLuminance = (color: string) => {
    const { r, g, b: blue } = toRgba(color);
    const [R, G, B] = [r, g, blue].map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

describe('theme colours', () => {
  it.each(palettes)('writes white text on filled %s, and %s outlines on white, at 4.5:1 or more', (name) => {
    expect(contrast(white, variables[`--mantine-color-${name}-filled`])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(white, variables[`--mantine-color-${name}-filled-hover`])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(white, variables[`--mantine-color-${name}-outline`])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(palettes)('writes light %s badges and alerts at 4.5:1 or more, hovered too', (name) => {
    const text = variables[`--mantine-color-${name}-light-color`];
    expect(contrast(text, colors[name][1])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(text, colors[name][2])).toBeGreaterThanOrEqual(4.5);
  });

  it('writes dimmed text and links at 4.5:1 or more on white and on striped or hovered rows', () => {
    for (const surface of [white, colors.gray[0], colors.gray[1]]) {
      expect(contrast(variables['--mantine-color-dimmed'], surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(variables['--mantine-color-anchor'], surface)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps the look: teal buttons stay teal, only darker', () => {
    const { r, g, b } = toRgba(variables['--mantine-color-teal-filled']);
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
  });
});
