/** What a command may touch of the process: its streams, working directory and environment. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Runs `then` once everything given to `stdout` so far is written, and never when that write failed (a full disk:
   * the run fails with one line on standard error, and nothing else goes there). Without it, `then` runs at once.
   */
  afterStdout?(then: () => void): void;
  /**
   * Resolves once standard output has taken what it was given (or has failed, or closed), so that a report written in
   * pieces is never queued whole in memory. Without it, writing goes on at once.
   */
  stdoutDrained?(): Promise<void>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input, read whole; only `lint --stdin` asks for it. */
  readStdin(): Promise<Buffer>;
}
