// Errors that stop a run (exit code 2): bad usage, bad configuration, nothing to lint.

export class MedpostError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'MedpostError';
  }
}

/** Ctrl-C (or SIGTERM) while --fix was writing: the file being written was finished, the rest left as they were. */
export class InterruptedError extends MedpostError {
  override readonly exitCode = 130;
  constructor(message: string) {
    super(message);
    this.name = 'InterruptedError';
  }
}

export class ConfigError extends MedpostError {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'ConfigError';
  }
}
