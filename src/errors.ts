// Errors that stop a run (exit code 2): bad usage, bad configuration, nothing to lint.

export class MedpostError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'MedpostError';
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
