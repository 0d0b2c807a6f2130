/** Entry point of the `dateline` command: runs it on the process's arguments and streams, and sets the exit code. */
import { EXIT_BAD_INPUT } from './cli/exit-codes.js';
import { runCli } from './cli/run-cli.js';

runCli(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `dateline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_BAD_INPUT;
  },
);
