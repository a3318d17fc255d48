import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import { joinTexts, splitTexts, type TextTree } from './first-texts';
import fr from './fr.json';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGES = { ar, fr, en } as Record<string, TextTree>;

/**
 * The modules that can render before the rest of the language is there: what main.tsx imports,
 * and what they load lazily without `withAllTexts` (the frame, the everyday pages, the update
 * prompt…), followed to the end. With each, the string literals it holds (a key is often kept in a
 * table before `t()` gets it: `labelKey: 'nav.home'`), and the fixed start of its template literals
 * (`errors.codes.${code}` gives `errors.codes.`).
 */
function firstScreenLiterals(): Map<string, string> {
  const literals = new Map<string, string>();
  const seen = new Set<string>();
  const pending = [resolve(SRC, 'main.tsx')];
  const moduleFile = (from: string, specifier: string) => {
    const base = specifier.startsWith('@/')
      ? resolve(SRC, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(from), specifier)
        : undefined; // a library, or @mre/contracts: no texts
    return ['.ts', '.tsx', '/index.ts', '/index.tsx', '']
      .map((ending) => `${base}${ending}`)
      .find((file) => base && /\.tsx?$/.test(file) && existsSync(file));
  };
  const waitsForAllTexts = (node: ts.Node): boolean =>
    node.parent !== undefined &&
    ((ts.isCallExpression(node.parent) &&
      ts.isIdentifier(node.parent.expression) &&
      node.parent.expression.text === 'withAllTexts') ||
      waitsForAllTexts(node.parent));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const specifier =
        (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
        (ts.isExportDeclaration(node) && !node.isTypeOnly)
          ? node.moduleSpecifier
          : ts.isCallExpression(node) &&
              node.expression.kind === ts.SyntaxKind.ImportKeyword &&
              !waitsForAllTexts(node)
            ? node.arguments[0]
            : undefined;
      if (specifier && ts.isStringLiteral(specifier)) {
        const imported = moduleFile(file, specifier.text);
        if (imported) pending.push(imported);
        return;
      }
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
        literals.set(node.text, relative(SRC, file));
      if (ts.isTemplateExpression(node)) literals.set(`${node.head.text}*`, relative(SRC, file));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return literals;
}

/** Every key path of a translation tree, as `a.b.c`; plural forms count as one. */
function keys(tree: TextTree, prefix = ''): string[] {
  const paths = Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object'
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, '')],
  );
  return [...new Set(paths)];
}

describe('the first part of each language', () => {
  it('has every text the first screens use, whatever their language', () => {
    const literals = firstScreenLiterals();
    for (const [language, texts] of Object.entries(LANGUAGES)) {
      const all = keys(texts);
      const first = new Set(keys(splitTexts(texts).first));
      const missing = [...literals].flatMap(([literal, file]) => {
        // `errors.codes.${code}`: describeError says "server error" until a code's sentence is
        // there, never the key; FIRST_TEXTS keeps those the sign-in and the home can meet.
        if (literal === 'errors.codes.*') return [];
        const used = literal.endsWith('*')
          ? all.filter((key) => key.startsWith(literal.slice(0, -1)) && literal.includes('.'))
          : all.filter((key) => key === literal);
        return used.filter((key) => !first.has(key)).map((key) => `${key} (${file})`);
      });
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it('and the rest make the whole language again, with nothing in both', () => {
    for (const texts of Object.values(LANGUAGES)) {
      const { first, rest } = splitTexts(texts);
      expect(joinTexts(first, rest)).toEqual(texts);
      const inFirst = new Set(keys(first));
      expect(keys(rest).filter((key) => inFirst.has(key))).toEqual([]);
    }
  });

  it('is about a third of the language', () => {
    const { first, rest } = splitTexts(fr as TextTree);
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(rest).length / 2);
  });
});
