import type { QuestionInput } from "@/lib/schemas/authoring";

/**
 * Errors shown next to form fields: `props(field)` marks the control invalid and points it at its message,
 * `message(field)` renders the message with the id it points at.
 */
export function fieldErrors(prefix: string, errors: Record<string, string | undefined>) {
  return {
    props: (field: string) => ({
      "aria-invalid": errors[field] ? true : undefined,
      "aria-describedby": errors[field] ? `${prefix}-${field}-error` : undefined,
    }),
    message: (field: string) =>
      errors[field] ? (
        <p className="field-error" id={`${prefix}-${field}-error`}>
          {errors[field]}
        </p>
      ) : null,
  };
}

type FieldErrors = ReturnType<typeof fieldErrors>;

/** What each group of the question editor's fields gets: the question (of the types it edits), a patcher, and its errors. */
export type QuestionFieldsProps<Q extends QuestionInput = QuestionInput> = {
  question: Q;
  update: (patch: Partial<Q>) => void;
  fieldProps: FieldErrors["props"];
  errorFor: FieldErrors["message"];
};
