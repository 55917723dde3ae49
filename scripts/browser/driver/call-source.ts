/** A function and its arguments as one script, for contexts that take a string (a service worker, an extension page). */
export function callSource(fn: (...args: never[]) => unknown, ...args: string[]): string {
  return `(${fn.toString()})(${args.join(', ')})`;
}
