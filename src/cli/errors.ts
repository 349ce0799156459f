/** Errors the CLI turns into a message and an exit code — never a stack trace. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Usage or I/O problems: exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly messageEn = message) {
    super(message);
  }
}
