import { NextResponse, type NextRequest } from "next/server";
import { searchQuerySchema } from "@/lib/schemas/search";
import { serverSearchEngine } from "@/lib/search/server-search";

/** GET /api/search?q=&limit= : the palette's ranking, as JSON. Public: the glossary is public. */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = searchQuerySchema.safeParse({ q: params.get("q") ?? undefined, limit: params.get("limit") ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return NextResponse.json(
      { error: issue?.message ?? "invalid query", field: String(issue?.path[0] ?? "q") },
      { status: 400 },
    );
  }
  const { results } = serverSearchEngine().search(parsed.data.q, parsed.data.limit);
  return NextResponse.json({ results });
}
