/** A hand-written statement and its parameters, in the order `query(text, values)` takes them. */
export type Statement = [text: string, values: unknown[]];

/** The one builder of a hand-written statement's parameter list: `param(value)` answers its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  param(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}
