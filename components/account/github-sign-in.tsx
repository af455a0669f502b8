import { signInWithGitHubAction } from "@/lib/actions/account/sign-in-with-github";

export function GitHubSignIn({ callbackUrl }: { callbackUrl: string }) {
  return (
    <form action={signInWithGitHubAction} className="oauth-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className="button">
        Continue with GitHub
      </button>
    </form>
  );
}
