import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inlineScripts, scriptHash } from "./security-headers";

/**
 * Pages Next.js prerendered at build time are served as built, so their inline scripts carry no nonce:
 * the policy admits them by hash instead, read from the very HTML that will be served. The build's
 * prerender manifest says which paths those are. Pages rendered per request also get the hashes of the
 * prerendered 404 and error pages, which Next.js serves in their place when a path matches no route.
 */
type Manifest = { routes: Record<string, unknown> };

/** The page's HTML as built, `/` being `index`. */
const htmlFile = (distDir: string, route: string) => path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);

export function prerenderedScriptHashes(distDir: string): (pathname: string) => readonly string[] {
  let routes: Set<string> | undefined;
  const prerendered = () => {
    const manifest = path.join(distDir, "prerender-manifest.json");
    routes ??= new Set(existsSync(manifest) ? Object.keys((JSON.parse(readFileSync(manifest, "utf8")) as Manifest).routes) : []);
    return routes;
  };
  const cache = new Map<string, readonly string[]>();
  const hashesOf = (route: string): readonly string[] => {
    let hashes = cache.get(route);
    if (!hashes) {
      const file = htmlFile(distDir, route);
      hashes = existsSync(file) ? [...new Set(inlineScripts(readFileSync(file, "utf8")).map(scriptHash))] : [];
      cache.set(route, hashes);
    }
    return hashes;
  };
  let fallback: readonly string[] | undefined;

  return (pathname) => {
    let route = pathname;
    try {
      route = decodeURIComponent(pathname);
    } catch {
      // A malformed escape matches no prerendered page.
    }
    if (prerendered().has(route)) return hashesOf(route);
    fallback ??= [...new Set(["/_not-found", "/_global-error"].filter((known) => prerendered().has(known)).flatMap(hashesOf))];
    return fallback;
  };
}
