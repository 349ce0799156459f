/**
 * Choices made before the CLI's code is loaded, from the command line alone.
 *
 * A one-document command (render, validate, verify…) runs for about a second: V8's optimizing
 * compiler (TurboFan) compiles hot functions on background threads, and most of that work
 * finishes after it could pay off — measured, it is a third of a cold `render`'s CPU time
 * (README, 基准测试). `batch` and `serve` run long enough for optimized code to win, and their
 * worker threads share the process's V8 flags, so they keep it.
 */

/** Program options that take a value: the value is not the command's name. */
const VALUED_OPTIONS = new Set(['--lang', '--config']);

/** The subcommand's name (the first argument that is neither an option nor an option's value), if any. */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUED_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

const LONG_RUNNING = new Set(['batch', 'serve']);

/** Whether the command is better off without the optimizing compiler (see above). */
export function isShortLived(args: readonly string[]): boolean {
  const command = commandOf(args);
  return command === undefined || !LONG_RUNNING.has(command);
}

/** V8's flag that turns its optimizing compiler (TurboFan) off. */
const NO_OPTIMIZER = '--no-opt';

/** V8 flags for a command line; set before anything is compiled. */
export function startupV8Flags(args: readonly string[]): string[] {
  return isShortLived(args) ? [NO_OPTIMIZER] : [];
}

/**
 * A batch this small is over before optimized code pays for its compiling, like a single
 * render: measured on 2 cores (README, 基准测试), the 19 fixtures take 3.1 s instead of 4.4 s
 * and 30 generated cases 4.1–5.2 s instead of 5.4–6.4 s without TurboFan, while 60 cases
 * take 8.3 s instead of 7.0 s.
 */
export const SMALL_BATCH_CASES = 40;

/** V8 flags a batch sets once it knows its size, before its workers start (they share the flags). */
export function batchV8Flags(caseCount: number): string[] {
  return caseCount <= SMALL_BATCH_CASES ? [NO_OPTIMIZER] : [];
}
