/**
 * `npm run user:role -- <email> <role>`: sets a user's role from the command line, so the first admin
 * needs no UI. The user must have signed up, so the database has been migrated by `npm start` already;
 * migrating here would need the database to itself while the server may be running.
 */
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { resolveDatabaseUrl } from "@/lib/database-url";

const argsSchema = z.tuple([
  z.email("the first argument must be the user's email address").transform((email) => email.toLowerCase()),
  z.enum(ROLES, { error: `the role must be one of ${ROLES.join(", ")}` }),
]);

async function main() {
  const parsed = argsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(
      `Usage: npm run user:role -- <email> <${ROLES.join("|")}>\n${parsed.error.issues.map((issue) => `  ${issue.message}`).join("\n")}`,
    );
    process.exit(2);
  }
  const [email, role] = parsed.data;
  process.env.DATABASE_URL = resolveDatabaseUrl(process.env);
  const { db } = await import("@/lib/data/db");
  const updated = await db.user.updateMany({ where: { email }, data: { role } });
  if (updated.count === 0) {
    console.error(`No user with email ${email}. They must sign up first.`);
    process.exit(1);
  }
  console.log(`${email} is now ${role}.`);
}

void main();
