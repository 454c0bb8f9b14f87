// The refusals several campaign use cases share, worded once.
import { AppError } from "../../lib/errors.js";

export const nameTaken = (name: string) =>
  new AppError("invalid_input", "That name is taken.", {
    name: `There's already a campaign called “${name}” in this workspace (names ignore upper and lower case). Pick another name.`,
  });

export const notFound = () => new AppError("not_found", "That campaign doesn't exist in this workspace.");
