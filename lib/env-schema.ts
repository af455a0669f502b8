import { z } from "zod";
import { isSupportedDatabaseUrl, resolveDatabaseUrl } from "./database-url";
import { DEFAULT_SIGN_UPS_PER_HOUR } from "./domain/rate-limit";

/** 127.0.0.0/8, ::1 or localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  if (host === "localhost" || host === "::1" || host === "[::1]") return true;
  const octets = host.split(".");
  return (
    octets.length === 4 &&
    octets[0] === "127" &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/**
 * The server's configuration, validated at start-up (scripts/runtime.ts) and again when the server first
 * reads it: a wrong value fails loudly with the name of the variable instead of surfacing later as an odd
 * runtime error.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string()
      .refine(
        isSupportedDatabaseUrl,
        "DATABASE_URL must be a SQLite URL such as file:./data/mlprep.db or a PostgreSQL URL such as postgresql://user:password@host:5432/mlprep",
      ),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** GitHub sign-in is offered only when both are set. */
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    /** Test-only: lets browser tests move the server's clock with a cookie (lib/clock.ts). Never set in production. */
    MLPREP_TEST_CLOCK: z.enum(["0", "1"]).default("0"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The address `npm start` and `npm run dev` listen on; unset, every interface. */
    HOSTNAME: z.string().optional(),
    /**
     * How many proxies in front of the server append to X-Forwarded-For; 0 trusts none and rate-limits by
     * the socket's address (lib/http/client-ip.ts).
     */
    TRUST_PROXY: z.coerce
      .number({ error: "TRUST_PROXY must be the number of proxies in front of the server, 0 to 10" })
      .int("TRUST_PROXY must be a whole number of proxies")
      .min(0, "TRUST_PROXY must be 0 or more")
      .max(10, "TRUST_PROXY must be at most 10")
      .default(0),
    /** New accounts one address may create per hour (lib/domain/rate-limit.ts); raise it where many share one address. */
    SIGN_UPS_PER_HOUR: z.coerce
      .number({ error: "SIGN_UPS_PER_HOUR must be a number of sign-ups" })
      .int("SIGN_UPS_PER_HOUR must be a whole number")
      .min(1, "SIGN_UPS_PER_HOUR must be at least 1")
      .max(100_000, "SIGN_UPS_PER_HOUR must be at most 100000")
      .default(DEFAULT_SIGN_UPS_PER_HOUR),
  })
  .superRefine((value, context) => {
    // Anyone who can reach a test-clock server can move its time: only this machine may reach it.
    if (value.MLPREP_TEST_CLOCK === "1" && !isLoopbackHost(value.HOSTNAME)) {
      context.addIssue({
        code: "custom",
        path: ["MLPREP_TEST_CLOCK"],
        message: `1 needs the server bound to loopback only, not ${value.HOSTNAME ? `HOSTNAME=${value.HOSTNAME}` : "every interface"}: set HOSTNAME=127.0.0.1`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse({ ...source, DATABASE_URL: resolveDatabaseUrl(source) });
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${details}`);
  }
  return result.data;
}

export const isGitHubConfigured = (env: Env) => Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET);
