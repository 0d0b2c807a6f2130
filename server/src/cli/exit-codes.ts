/** The exit codes of the `dateline` command other than 0 (its usage text in args.ts tells them). */

/** The exit code of errors, or of warnings above --max-warnings. */
export const EXIT_FINDINGS = 1;
/** The exit code of bad input or arguments. */
export const EXIT_BAD_INPUT = 2;
