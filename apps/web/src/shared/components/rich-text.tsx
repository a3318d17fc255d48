import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextProps {
  i18nKey: string;
  /** Interpolated as text: a value never becomes markup, whatever it holds. */
  values?: Record<string, unknown>;
  /** What each tag of the text becomes: `<when/>` is replaced, `<bdi>…</bdi>` wraps its text. */
  components: Record<string, ReactElement<{ children?: ReactNode }>>;
}

/** A value's place in the text while its tags are read (characters no translation contains). */
const marker = (index: number) => `\u0001${index}\u0002`;
const MARKERS = /\u0001(\d+)\u0002/g;
/** `<name/>` or `<name>text</name>`: the only markup the translations use, never nested. */
const TAGS = /<(\w+)\s*\/>|<(\w+)>([^<]*)<\/\2>/g;

/**
 * A translated sentence with elements inside it (a time isolated from the words around it, a
 * place kept on one line): what react-i18next's <Trans> does for these texts, without its HTML
 * parser, which weighed 6 KB (compressed) on a trainee's home.
 */
export function RichText({ i18nKey, values = {}, components }: RichTextProps) {
  const { t } = useTranslation();
  const names = Object.keys(values).filter((name) => name !== 'count');
  const text = t(i18nKey, {
    ...values,
    ...Object.fromEntries(names.map((name, index) => [name, marker(index)])),
  });
  const withValues = (part: string) =>
    part.replace(MARKERS, (_match, index: string) => String(values[names[Number(index)]] ?? ''));

  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TAGS)) {
    const [whole, selfClosing, name, inner] = match;
    nodes.push(withValues(text.slice(last, match.index)));
    const component = components[selfClosing ?? name];
    const key = `${nodes.length}`;
    if (!component) nodes.push(withValues(inner ?? ''));
    else
      nodes.push(
        selfClosing ? cloneElement(component, { key }) : cloneElement(component, { key }, withValues(inner)),
      );
    last = match.index + whole.length;
  }
  nodes.push(withValues(text.slice(last)));
  return <Fragment>{nodes}</Fragment>;
}
