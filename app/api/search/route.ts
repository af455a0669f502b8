import { route } from "@/lib/http/route";
import { ok } from "@/lib/outcome";
import { searchQuerySchema } from "@/lib/schemas/search";
import { serverSearchEngine } from "@/lib/search/server-search";

/**
 * GET /api/search?q=&limit= : the palette's ranking, as JSON, with the words to highlight; the palette asks
 * it while its own engine loads. Public: the glossary is public.
 */
export const GET = route({
  role: "public",
  query: searchQuerySchema,
  handler: async ({ query }) => ok(serverSearchEngine().search(query.q, query.limit)),
});
