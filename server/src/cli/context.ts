/** What a command may touch of the process: its streams, working directory and environment. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Standard input, read whole; only `lint --stdin` asks for it. */
  readStdin(): Promise<Buffer>;
}
