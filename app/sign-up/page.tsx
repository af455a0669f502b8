import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/account/auth-form";
import { GitHubSignIn } from "@/components/account/github-sign-in";
import { signUpAction } from "@/lib/actions/account/sign-up";
import { isGitHubEnabled } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { PASSWORD_MIN } from "@/lib/schemas/account";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { callbackUrl } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      <p className="muted">Anything you practised as a guest in this browser moves into your account.</p>
      <AuthForm
        action={signUpAction}
        callbackUrl={returnTo}
        submitLabel="Create account"
        fields={[
          { name: "name", label: "Name (optional)", type: "text", autoComplete: "name", required: false },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: `At least ${PASSWORD_MIN} characters.`,
          },
        ]}
      />
      {isGitHubEnabled ? <GitHubSignIn callbackUrl={returnTo} /> : null}
      <p>
        Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>
      </p>
    </section>
  );
}
