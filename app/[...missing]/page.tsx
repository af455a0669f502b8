import { notFound } from "next/navigation";
import { connection } from "next/server";

/**
 * Any path no other route matches. Without this, Next.js would answer with the 404 page it prerendered,
 * whose scripts carry no nonce and so would not run under proxy.ts's policy; rendered per request,
 * the 404 page gets the nonce.
 */
export default async function Missing(): Promise<never> {
  await connection();
  notFound();
}
