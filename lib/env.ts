import { parseEnv } from "./env-schema";

/** The server's validated configuration (lib/env-schema.ts). */
export const env = parseEnv(process.env);
