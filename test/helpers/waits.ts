// Waiting for work Baton does after it has answered (after an ack, in a job): until a condition holds, never for
// a fixed time. The bound only catches a hang, so it is generous on purpose: a busy machine (two cores, other
// jobs) must never fail a test. No test asserts on elapsed time; speed belongs in `npm run bench`.

/** How long a wait may last before the test calls it a hang. */
export const HANG_BOUND_MS = 30_000;

/** Polls `check` until it holds; throws after `boundMs`, saying what it waited for. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what = "the condition", boundMs = HANG_BOUND_MS): Promise<void> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${boundMs / 1000} s (a hang?)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
