import "server-only";
import path from "node:path";
import type { Worker as ThreadWorker } from "node:worker_threads";
import type { CheckedImport, ImportJob, ImportJobResult } from "@/lib/interchange/import-job";

/**
 * Runs an import's parsing and checking in a worker thread, so a large or hostile file costs that thread
 * its CPU and never stalls the server's event loop (health checks, answers). One worker serves the
 * process, started on the first import and kept; jobs run one after another, each with a time limit that
 * starts when its work starts. Past the limit the worker is terminated (the only way to stop a runaway
 * parse) and the next import starts a fresh one.
 */

/** Well above what the largest legitimate file takes (docs/decisions/014: measured in bench:import). */
export const IMPORT_TIME_LIMIT_MS = 120_000;

export class ImportTimeout extends Error {}

type Running = { thread: ThreadWorker; ready: Promise<void> };

let running: Running | undefined;
let queue: Promise<unknown> = Promise.resolve();
let jobs = 0;

function startWorker(): Running {
  // Looked up at run time rather than imported: Turbopack bundles the entry of an imported `new Worker()`,
  // and this entry must stay plain JavaScript that loads the TypeScript pipeline through tsx.
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  const thread = new Worker(path.join(process.cwd(), "lib", "interchange", "import-worker.mjs"));
  // An idle worker must not keep the process alive (tests, graceful shutdown).
  thread.unref();
  const ready = new Promise<void>((resolve, reject) => {
    thread.once("message", () => resolve());
    thread.once("error", reject);
  });
  const started: Running = { thread, ready };
  const forget = () => {
    if (running === started) running = undefined;
  };
  thread.once("exit", forget);
  ready.catch(forget);
  return started;
}

function runJob(job: Omit<ImportJob, "id">, timeoutMs: number): Promise<CheckedImport> {
  running ??= startWorker();
  const worker = running;
  // Loading the pipeline into a new worker is not the file's fault: the limit counts only its own work.
  return worker.ready.then(
    () =>
      new Promise<CheckedImport>((resolve, reject) => {
        const id = ++jobs;
        const finish = () => {
          clearTimeout(timer);
          worker.thread.off("message", onMessage);
          worker.thread.off("error", onError);
        };
        const onMessage = (result: ImportJobResult) => {
          if (result.id !== id) return;
          finish();
          if ("error" in result) reject(new Error(`import worker: ${result.error}`));
          else
            resolve({
              prepared: result.prepared,
              summaries: result.summaries,
              needsWorkSummaries: result.needsWorkSummaries,
            });
        };
        const onError = (error: Error) => {
          finish();
          reject(error);
        };
        const timer = setTimeout(() => {
          finish();
          // Forget it now, not on its exit event: the next job must not be posted to a dying worker.
          if (running === worker) running = undefined;
          void worker.thread.terminate();
          reject(new ImportTimeout(`checking the file took longer than ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        worker.thread.on("message", onMessage);
        worker.thread.on("error", onError);
        worker.thread.postMessage({ ...job, id } satisfies ImportJob);
      }),
  );
}

/** Parses and checks an import (and summarises its questions) off the event loop; ImportTimeout past `timeoutMs`. */
export function prepareImportOffThread(
  job: Omit<ImportJob, "id">,
  timeoutMs = IMPORT_TIME_LIMIT_MS,
): Promise<CheckedImport> {
  const result = queue.then(() => runJob(job, timeoutMs));
  queue = result.catch(() => undefined);
  return result;
}
