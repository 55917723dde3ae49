/**
 * How every part of Bối cảnh reports its own errors: to the console of the context it runs
 * in, with a prefix that says whose they are. Nothing of ours is ever thrown into a page.
 */
export function report(where: string, error: unknown): void {
  console.error(`[Bối cảnh] ${where}:`, error);
}

/** Wraps an event handler so that an error in it is reported, never thrown. */
export function guard<A extends unknown[]>(where: string, handler: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      handler(...args);
    } catch (error) {
      report(where, error);
    }
  };
}
