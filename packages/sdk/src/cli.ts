/**
 * The `kronikerpakker` bin: runs {@link runCli} with the process's streams
 * and sets the exit code. Everything else is in `cli-main.ts`.
 *
 * @module
 */
import process from 'node:process';
import { runCli } from './cli-main';

// `kronikerpakker ... | head` closes the pipe early: stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
});
