/** A deadline for one call to a browser: a call that hangs fails fast, naming the step, instead of running into a test's timeout. */

/** How long one call to a browser may take before it counts as hung: well under a test's 60 s. */
export const STEP_MS = 15_000;

/** A call to the browser that never answered. */
export class StepTimeout extends Error {
  override name = 'StepTimeout';
}

/** `call`, or a StepTimeout naming the step once `ms` pass without an answer. */
export async function withinDeadline<T>(driver: string, step: string, call: () => Promise<T>, ms = STEP_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new StepTimeout(`${driver} driver: ${step} did not return within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([call(), hung]);
  } finally {
    clearTimeout(timer);
  }
}
