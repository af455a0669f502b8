import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { signInWithPassword } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { findSessionVersion } from "@/lib/data/users";
import { env } from "@/lib/env";
import { isGitHubConfigured } from "@/lib/env-schema";
import { clientIp } from "@/lib/http/client-ip";
import { signInSchema } from "@/lib/schemas/account";
import { knownDevice, rememberDevice } from "./device-cookie";
import { isSessionCurrent, noteSessionVersion, sessionVersionOf } from "./session-version";

/** Wrong email or password, or a malformed form: one code, so the answer never tells which. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

export class TooManyAttempts extends CredentialsSignin {
  override code = "rate-limited";
}

export const isGitHubEnabled = isGitHubConfigured(env);

/**
 * Auth.js with JWT sessions: the credentials provider needs them, and checking a session then costs a
 * decryption instead of a database read on every request (docs/decisions/005-accounts-and-sessions.md).
 * The Prisma adapter stores users and their GitHub accounts.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter's types name @prisma/client's default client; ours is generated elsewhere with the same models.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  secret: env.AUTH_SECRET,
  // The server is reached directly (npm start) or through a proxy that sets the Host header.
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A wrong password is an expected event, already counted by the rate limiter; it is not a server error.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const input = { ...parsed.data, ip: clientIp(request.headers, env.TRUST_PROXY), device: await knownDevice() };
        const result = await signInWithPassword(db, input, new Date());
        if (!result.ok) throw result.error.code === "rate-limited" ? new TooManyAttempts() : new InvalidCredentials();
        await rememberDevice(result.value.id, new URL(request.url).protocol === "https:");
        return result.value;
      },
    }),
    ...(isGitHubEnabled ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
  ],
  callbacks: {
    // At sign-in the token takes the user's session version; afterwards every check compares it with the
    // database (cached briefly), and a stale one ends the session (lib/auth/session-version.ts).
    async jwt({ token, user }) {
      if (user?.id) {
        const version = await findSessionVersion(db, user.id);
        noteSessionVersion(user.id, version);
        return { ...token, sv: version ?? 0 };
      }
      if (!token.sub || !(await isSessionCurrent(token.sub, sessionVersionOf(token)))) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
