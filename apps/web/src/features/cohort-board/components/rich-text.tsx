import { Fragment, type ReactNode } from 'react';
import { Anchor, List, Text } from '@mantine/core';

/**
 * Board texts are written with a few marks: **bold**, *italics* (or _italics_), lists whose lines
 * start with "- ", "* " or "1. ", and links as [words](https://…) or a bare https:// address.
 * They become React elements, never HTML: whatever else the text holds (tags included) is shown as
 * written. Only http(s) and mailto links are made; each block takes the direction of its own words.
 */
export function RichText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      {blocksOf(text).map((block, index) =>
        block.kind === 'paragraph' ? (
          <Text key={index} dir="auto" mb="xs" style={{ overflowWrap: 'anywhere' }}>
            {block.lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 && <br />}
                {inline(line)}
              </Fragment>
            ))}
          </Text>
        ) : (
          <List
            key={index}
            type={block.kind}
            dir="auto"
            mb="xs"
            withPadding
            style={{ overflowWrap: 'anywhere' }}
          >
            {block.lines.map((line, i) => (
              <List.Item key={i}>{inline(line)}</List.Item>
            ))}
          </List>
        ),
      )}
    </div>
  );
}

type Block = { kind: 'paragraph' | 'unordered' | 'ordered'; lines: string[] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Paragraphs (lines kept) and lists, split by blank lines and by a change of kind. */
export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const kind = bullet ? 'unordered' : numbered ? 'ordered' : 'paragraph';
    const content = bullet?.[1] ?? numbered?.[1] ?? line;
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && (kind !== 'paragraph' || last.lines.length > 0))
      last.lines.push(content);
    else if (last && last.kind === 'paragraph' && last.lines.length === 0 && kind === 'paragraph')
      last.lines.push(content);
    else blocks.push({ kind, lines: [content] });
  }
  return blocks.filter((b) => b.lines.length > 0);
}

/** Links first (their words may hold marks), then bold, then italics; the rest is plain text. */
const TOKEN =
  /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s)]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"»])|\*\*([^*\n]+?)\*\*|\*([^*\n]+?)\*|(?<![\p{L}\p{N}])_([^_\n]+?)_(?![\p{L}\p{N}])/gu;

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > at) out.push(text.slice(at, index));
    const [whole, words, href, bare, bold, italics, underscored] = match;
    const key = `${index}-${whole.length}`;
    if (href !== undefined) out.push(link(key, href, inline(words)));
    else if (bare !== undefined) out.push(link(key, bare, bare));
    else if (bold !== undefined) out.push(<strong key={key}>{inline(bold)}</strong>);
    else out.push(<em key={key}>{inline(italics ?? underscored)}</em>);
    at = index + whole.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function link(key: string, href: string, children: ReactNode) {
  return (
    <Anchor key={key} href={href} target="_blank" rel="noopener noreferrer nofollow" dir="auto">
      {children}
    </Anchor>
  );
}
