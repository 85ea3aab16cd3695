/**
 * Typed errors: deep code throws these, and only `main` turns them into a message and an exit
 * code. The message is already in the user's language when it is thrown.
 */
export const ExitCode = { ok: 0, problems: 1, usage: 2, internal: 70, interrupted: 130 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class AdoptError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong command line, an option that names nothing usable, no terminal to ask at: exit 2. */
export class UsageError extends AdoptError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/**
 * A file the system would not let adopt read or write (missing, a folder, no permission, a full
 * disk, held by another writer, changed meanwhile): exit 2, like a usage error, but the cause is
 * on the disk, not on the command line, and code that skips an unreadable file catches only this.
 */
export class FileSystemError extends AdoptError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The project file has problems the user must fix: exit 1. The lines are already printed or carried. */
export class FileProblemsError extends AdoptError {
  constructor(
    message: string,
    readonly lines: readonly string[] = [],
  ) {
    super(message, ExitCode.problems);
  }
}

/** A command finished its job but found what `--strict` or a missing answer turns into exit 1. */
export class CheckFailedError extends AdoptError {
  constructor(message = '') {
    super(message, ExitCode.problems);
  }
}

/** Ctrl-C at a prompt, once the command knows what it kept: exit 130 with that sentence. */
export class Interrupted extends AdoptError {
  constructor(message: string) {
    super(message, ExitCode.interrupted);
  }
}
