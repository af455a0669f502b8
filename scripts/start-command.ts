/**
 * How `npm start` runs scripts/start.ts (package.json says the same): one Node process with tsx as a loader,
 * not the `tsx` command. The command runs the script in a child process and relays signals to it, and on a
 * busy machine, when the child has not confirmed a signal within 30 ms, sends it again and then SIGKILL:
 * a graceful stop could become a crash. Tests and benchmarks that start the production server use this too.
 */
export const START_ARGS = ["--import", "tsx", "scripts/start.ts"] as const;
