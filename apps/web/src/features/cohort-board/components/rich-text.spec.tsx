import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { blocksOf, RichText } from './rich-text';

const show = (text: string) =>
  render(
    <MantineProvider>
      <RichText text={text} testId="rich" />
    </MantineProvider>,
  ).getByTestId('rich');

describe('RichText', () => {
  it('renders bold, italics, lists and links as elements', () => {
    const sut = show(
      '**Important** : lisez le *guide* et _le résumé_.\n\n- chapitre 1\n- chapitre 2\n\n1. un\n2. deux\n\nVoir [la fiche](https://example.org/fiche) ou https://example.org/x.',
    );
    expect(sut.querySelector('strong')?.textContent).toBe('Important');
    expect([...sut.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['guide', 'le résumé']);
    expect([...sut.querySelectorAll('ul li')].map((e) => e.textContent)).toEqual([
      'chapitre 1',
      'chapitre 2',
    ]);
    expect([...sut.querySelectorAll('ol li')].map((e) => e.textContent)).toEqual(['un', 'deux']);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['la fiche', 'https://example.org/fiche'],
      ['https://example.org/x', 'https://example.org/x'],
    ]);
    expect(links[0].getAttribute('rel')).toContain('noopener');
  });

  it('shows HTML as the text it is, and makes no link of a script address', () => {
    const sut = show(
      '<img src=x onerror="alert(1)"><script>alert(2)</script> [clic](javascript:alert(3)) <b>gras</b>',
    );
    expect(sut.querySelector('img, script, b')).toBeNull();
    expect(sut.querySelector('a')).toBeNull();
    expect(sut.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(sut.textContent).toContain('[clic](javascript:alert(3))');
  });

  it('keeps the lines of a paragraph, and each block takes the direction of its own words', () => {
    const sut = show('سطر أول\nsecond line');
    const paragraph = sut.querySelector('p');
    expect(paragraph?.getAttribute('dir')).toBe('auto');
    expect(paragraph?.querySelectorAll('br')).toHaveLength(1);
  });

  it('splits blocks at blank lines and at a change from text to list', () => {
    expect(blocksOf('a\nb\n- c\n- d\n\ne')).toEqual([
      { kind: 'paragraph', lines: ['a', 'b'] },
      { kind: 'unordered', lines: ['c', 'd'] },
      { kind: 'paragraph', lines: ['e'] },
    ]);
  });
});
