import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/account/auth-form";
import { GitHubSignIn } from "@/components/account/github-sign-in";
import { signInAction } from "@/lib/actions/account/sign-in";
import { isGitHubEnabled } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, signedOut } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <p className="muted">Your answers, reviews and streak follow you to any device.</p>
      {signedOut === "everywhere" ? <p role="status">You are signed out on every device.</p> : null}
      <AuthForm
        action={signInAction}
        callbackUrl={returnTo}
        submitLabel="Sign in"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
      {isGitHubEnabled ? <GitHubSignIn callbackUrl={returnTo} /> : null}
      <p>
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>
      </p>
    </section>
  );
}
