/** A query as the Firefox driver sends it into the page: a chain of steps, each narrowing the last. */
export type QueryStep =
  | { kind: 'css'; selector: string }
  | { kind: 'role'; role: string; name?: string | { source: string; flags: string }; level?: number }
  | { kind: 'text'; text: string }
  | { kind: 'nth'; index: number };
