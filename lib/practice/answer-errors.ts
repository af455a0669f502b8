import "server-only";
import { InvalidAnswerError, UnknownUserError } from "@/lib/data/attempts";
import { badRequest, unauthorized } from "@/lib/http/responses";

/** Known failures of an answer submission as HTTP answers; anything else is a bug and is rethrown. */
export function answerErrorResponse(error: unknown) {
  if (error instanceof InvalidAnswerError) return badRequest(error.field, error.message);
  if (error instanceof UnknownUserError) return unauthorized();
  throw error;
}
