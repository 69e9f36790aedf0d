/**
 * A bench's child process: `node <args>` with this process's output, in a process group of its own,
 * so that stopping it (its timeout, or a SIGINT or SIGTERM to this process, which is passed on)
 * stops everything it started too: a campaign child's SMTP server left running would compete for
 * the cores with every bench after it. Resolves the child's exit code (null when it was stopped).
 */
import { spawn } from 'node:child_process';

export async function runChild(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<number | null> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: options.env ?? process.env, detached: true });
  const stopGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let stoppedBy: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    stoppedBy = signal;
    stopGroup('SIGTERM');
  };
  const timer = setTimeout(() => {
    console.log(`(stopped after ${Math.round(options.timeoutMs / 60_000)} min: ${args.at(-1)})`);
    stopGroup('SIGTERM');
  }, options.timeoutMs);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  // Whatever the child left in its group (it exited, its helpers may not have).
  stopGroup('SIGTERM');
  if (stoppedBy) process.exit(1);
  return code;
}
