import { source as axeSource } from 'axe-core';
import type { Page } from 'playwright-core';

type Axe = typeof import('axe-core');

/**
 * WCAG 2.0, 2.1 and 2.2 at levels A and AA: 2.1 AA is what EN 301 549 (and so France's RGAA) asks
 * of public services, and 2.2 adds little axe can see (target sizes). With axe's best practices:
 * one h1 and headings in order, landmarks, headers of table columns; screen reader users move
 * through a page by them. Not the AAA rules (7:1 contrast), which the programme is not held to.
 */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Enough to find each failing element without burying the message. */
const TARGETS_SHOWN = 3;

interface Violation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
  count: number;
  summary: string;
}

/**
 * Runs axe-core over the whole document as it is now, and fails with one paragraph a broken rule:
 * its id, impact, the first elements (CSS selectors), what to fix. Call it once the page shows its
 * content; `context` names the page and its state in the message, which adds the language.
 */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  // The content, not a list still loading in some corner of the page.
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading-state"]'));
  // Mantine's transitions (a popover fading in, the navbar sliding after a change of direction)
  // would have their colours measured half-way.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy allows no inline
  // script. Once a document: client-side navigation keeps it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource};undefined`);
  const { lang, violations } = await page.evaluate(
    async ({ tags, targetsShown }) => {
      const { axe } = window as unknown as { axe: Axe };
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        // Details of the violations only: passes and incompletes would cost time, unread.
        resultTypes: ['violations'],
      });
      return {
        lang: document.documentElement.lang,
        violations: results.violations.map((violation): Violation => ({
          id: violation.id,
          impact: violation.impact ?? 'unknown',
          help: violation.help,
          helpUrl: violation.helpUrl,
          targets: violation.nodes.slice(0, targetsShown).map((node) => node.target.join(' >>> ')),
          count: violation.nodes.length,
          summary: violation.nodes[0]?.failureSummary ?? '',
        })),
      };
    },
    { tags: RULE_TAGS, targetsShown: TARGETS_SHOWN },
  );
  if (violations.length === 0) return;
  const described = violations.map((violation) =>
    [
      `- ${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}`,
      ...violation.targets.map((target) => `    at ${target}`),
      ...(violation.count > violation.targets.length
        ? [`    and ${violation.count - violation.targets.length} more`]
        : []),
      ...violation.summary.split('\n').map((line) => `    ${line}`),
    ].join('\n'),
  );
  throw new Error(
    `${context} (lang=${lang}, ${page.url()}): ${violations.length} accessibility rule(s) broken:\n${described.join('\n')}`,
  );
}
