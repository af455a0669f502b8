import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "Email address is too long")
  .pipe(z.email("Enter a valid email address"));

/** Sign-in takes any non-empty password: the rules of sign-up must not tell an attacker what to skip. */
export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(PASSWORD_MAX, "Password is too long"),
});

const newPassword = z
  .string({ error: "Choose a password" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);

export const signUpSchema = z.object({
  name: z
    .string()
    .trim()
    .max(80, "Name must be at most 80 characters")
    .optional()
    .transform((name) => name || undefined),
  email,
  password: newPassword,
});

/** A password change proves the current password (any length, as at sign-in) and follows sign-up's rules for the new one. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(PASSWORD_MAX, "Password is too long"),
    newPassword,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password other than the current one",
  });

export const desiredRetentionSchema = z.object({
  desiredRetention: z.coerce
    .number({ error: "Desired retention must be a number" })
    .min(0.7, "Desired retention must be between 0.70 and 0.99")
    .max(0.99, "Desired retention must be between 0.70 and 0.99"),
});

export const CONFIRM_DELETION = "Type your account's email address to confirm.";

/** Deleting an account asks for the email again, so a stray click cannot do it. */
export const deleteAccountSchema = z.object({
  confirmEmail: z.string({ error: CONFIRM_DELETION }).trim().toLowerCase(),
});

/** An admin's role change from /admin/users. */
export const changeRoleSchema = z.object({
  userId: z.string().min(1, "Choose a user").max(100),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` }),
});
