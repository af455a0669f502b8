import { NextResponse, type NextRequest } from "next/server";
import { invalidInput } from "@/lib/http/responses";
import { searchQuerySchema } from "@/lib/schemas/search";
import { serverSearchEngine } from "@/lib/search/server-search";

/** GET /api/search?q=&limit= : the palette's ranking, as JSON. Public: the glossary is public. */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = searchQuerySchema.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined });
  if (!parsed.success) return invalidInput(parsed.error);
  const { results } = serverSearchEngine().search(parsed.data.q, parsed.data.limit);
  return NextResponse.json({ results });
}
