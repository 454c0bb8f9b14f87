// Vitest global setup, once per project (sqlite, postgresql): migrate a template database, drop it at the end.
import type { TestProject } from "vitest/node";
import type { Provider } from "../../src/db/target.js";
import { createTemplate, dropTemplate } from "./database.js";

export default async function setup(project: TestProject) {
  const provider = (project.config.env?.BATON_TEST_PROVIDER ?? "sqlite") as Provider;
  const template = await createTemplate(provider);
  project.provide("databaseTemplate", template);
  return async () => {
    await dropTemplate(template);
  };
}
