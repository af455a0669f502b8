// The import worker's entry (lib/authoring/import-runner.ts starts it): plain JavaScript, so Node runs it
// as it is; it loads the TypeScript pipeline through tsx (a runtime dependency) and then answers jobs one
// at a time. Parsing and checking a large file takes seconds of CPU, which here never blocks the server.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runImportJob } = await tsImport("./import-job.ts", import.meta.url);
parentPort.on("message", (job) => parentPort.postMessage(runImportJob(job)));
parentPort.postMessage({ ready: true });
