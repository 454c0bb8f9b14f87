// Every Block Kit builder Baton has: each function exported from src/slack/blocks/*.ts whose declared return type
// is a Message, a ModalView or a HomeView. Read from the source (syntax only), so a new builder is found the day it
// is written and the gallery's test asks for its fixture.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const BLOCKS_DIR = "src/slack/blocks";
const SURFACE_TYPES = new Set(["Message", "ModalView", "HomeView"]);

export interface BuilderSource {
  name: string;
  /** "src/slack/blocks/handoff-card.ts" */
  file: string;
  returns: string;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function buildersIn(file: string, text: string): BuilderSource[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: BuilderSource[] = [];
  const add = (name: string | undefined, type: ts.TypeNode | undefined) => {
    const returns = type?.getText(source);
    if (name && returns && SURFACE_TYPES.has(returns)) found.push({ name, file, returns });
  };
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) add(statement.name?.text, statement.type);
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) add(d.name.text, init.type);
      }
    }
  }
  return found;
}

/** The builders, by file then name. `root` is the repository. */
export function declaredBuilders(root: string): BuilderSource[] {
  const dir = path.join(root, BLOCKS_DIR);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .flatMap((f) => buildersIn(`${BLOCKS_DIR}/${f}`, fs.readFileSync(path.join(dir, f), "utf8")));
}
