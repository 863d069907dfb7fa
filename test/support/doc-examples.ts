/**
 * The documentation of a package's public entries, read with the TypeScript compiler: every export
 * of each entry (re-exports and `export *` followed to the declaration), its TSDoc description and
 * the code of its `@example` tags. The public-API tests use it to require a doc and a runnable
 * example on every export.
 */
import { relative } from 'node:path';
import ts from 'typescript';

/** A package specifier (`healthscore/ahp`) and the source file that implements it. */
export type PublicEntries = Readonly<Record<string, string>>;

export interface ExportDoc {
  /** The entry's specifier, e.g. `healthscore/ahp`. */
  entry: string;
  name: string;
  /** The declarations' kinds joined with `+`: `function`, `class+namespace`, `const+type`. */
  kind: string;
  /** The file of the documented declaration (else the first), relative to `rootDir`. */
  declarationFile: string;
  /** 1-based line of that declaration. */
  line: number;
  /** The description: the comment's text before its first tag; null when absent or blank. */
  doc: string | null;
  /** The code of each `@example`: its fenced blocks, or the whole tag when it has no fence. */
  examples: string[];
}

/** The compiler options of a tsconfig.json, as `tsc -p` reads them. */
export function compilerOptionsOf(tsconfigPath: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, tsconfigPath.replace(/[/\\][^/\\]*$/, ''));
  return parsed.options;
}

/** A program over the entry files; pass it to `exportDocs` and, as `oldProgram`, to later programs. */
export function entryProgram(entries: PublicEntries, options: ts.CompilerOptions): ts.Program {
  return ts.createProgram({ rootNames: Object.values(entries), options });
}

/**
 * The exports of every entry, sorted by name within each entry. Throws when an entry file is not
 * in the program (a missing file is a setup error, not an undocumented export).
 */
export function exportDocs(program: ts.Program, entries: PublicEntries, rootDir: string): ExportDoc[] {
  const checker = program.getTypeChecker();
  const docs: ExportDoc[] = [];
  for (const [entry, file] of Object.entries(entries)) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${entry}: ${file} is not in the program (does it exist?)`);
    // A file with no import or export has no module symbol: it exports nothing.
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const exported = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol);
    const byName = [...exported].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const symbol of byName) {
      docs.push(describeExport(entry, symbol.name, resolveAlias(checker, symbol), rootDir));
    }
  }
  return docs;
}

function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function describeExport(entry: string, name: string, symbol: ts.Symbol, rootDir: string): ExportDoc {
  const declarations = symbol.declarations ?? [];
  let doc: string | null = null;
  let documented: ts.Declaration | undefined;
  const examples: string[] = [];
  // Overloads and a schema const with its type of the same name are one symbol with several
  // declarations: the first description found is the doc, and the examples of all are kept.
  for (const declaration of declarations) {
    const comment = docCommentOf(declaration);
    if (comment === null) continue;
    const parsed = parseDocComment(comment);
    if (doc === null && parsed.description !== null) {
      doc = parsed.description;
      documented = declaration;
    }
    for (const example of parsed.examples) if (!examples.includes(example)) examples.push(example);
  }
  const at = documented ?? declarations[0];
  const source = at?.getSourceFile();
  return {
    entry,
    name,
    kind: declarations.length === 0 ? 'unresolved' : [...new Set(declarations.map(kindOf))].join('+'),
    declarationFile: source === undefined ? '' : relative(rootDir, source.fileName).split('\\').join('/'),
    line: source === undefined || at === undefined ? 0 : source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1,
    doc,
    examples,
  };
}

function kindOf(declaration: ts.Declaration): string {
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isEnumDeclaration(declaration)) return 'enum';
  if (ts.isModuleDeclaration(declaration)) return 'namespace';
  if (ts.isSourceFile(declaration)) return 'module';
  if (ts.isVariableDeclaration(declaration)) {
    const flags = ts.getCombinedNodeFlags(declaration);
    return flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
  }
  return ts.SyntaxKind[declaration.kind];
}

/**
 * The raw text of the doc comment that belongs to a declaration (for a `const`, the one above its
 * statement). Only the last comment counts, as in the editor's hover. TypeScript's own parse of
 * the tags is not used: it splits `@example` code at an `@` (`'@scope/pkg'`, decorators) and
 * drops indentation.
 */
function docCommentOf(declaration: ts.Declaration): string | null {
  const comments = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
  const last = comments[comments.length - 1];
  if (last === undefined) return null;
  return last.getSourceFile().text.slice(last.pos, last.end);
}

/**
 * Description and examples of a `/** … *\/` comment. The description is the text before the
 * first block tag. An `@example` gives the code of each fenced block in it whose language is
 * empty, `ts`, `typescript`, `js` or `javascript` (a ```` ```text ```` block, say, shows output
 * and is not run); an `@example` with no fence is code as a whole, less a `<caption>`.
 */
export function parseDocComment(comment: string): { description: string | null; examples: string[] } {
  const lines = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*? ?/, ''));
  const blocks: { tag: string | null; lines: string[] }[] = [{ tag: null, lines: [] }];
  let inFence = false;
  for (const line of lines) {
    const tag = inFence ? null : /^\s*@(\w+)\s?(.*)$/.exec(line);
    if (tag) blocks.push({ tag: tag[1], lines: [tag[2]] });
    else blocks[blocks.length - 1].lines.push(line);
    if (/^\s*```/.test(line)) inFence = !inFence;
  }
  const description = blocks[0].lines.join('\n').trim();
  const examples = blocks.filter((b) => b.tag === 'example').flatMap((b) => examplesOfTag(b.lines));
  return { description: description === '' ? null : description, examples };
}

const CODE_FENCE_LANGUAGES = new Set(['', 'ts', 'typescript', 'js', 'javascript']);

function examplesOfTag(lines: string[]): string[] {
  if (!lines.some((line) => /^\s*```/.test(line))) {
    const code = lines.join('\n').replace(/<caption>[\s\S]*?<\/caption>/, '');
    return code.trim() === '' ? [] : [dedent(code)];
  }
  const examples: string[] = [];
  let fence: { language: string; lines: string[] } | null = null;
  for (const line of lines) {
    const marker = /^\s*```\s*(\w*)/.exec(line);
    if (marker && fence === null) {
      fence = { language: marker[1].toLowerCase(), lines: [] };
    } else if (marker && fence !== null) {
      if (CODE_FENCE_LANGUAGES.has(fence.language)) examples.push(dedent(fence.lines.join('\n')));
      fence = null;
    } else if (fence !== null) {
      fence.lines.push(line);
    }
  }
  return examples;
}

/** Strips blank lines at both ends and the indentation that every other line shares. */
function dedent(code: string): string {
  const lines = code.replace(/^(\s*\n)+/, '').trimEnd().split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(common)).join('\n');
}

/** One line per export that lacks a description or an example: `entry: name (file:line) — …`. */
export function docProblems(docs: readonly ExportDoc[]): string[] {
  return docs.flatMap((d) => {
    const missing = [d.doc === null ? 'no description' : null, d.examples.length === 0 ? 'no @example' : null].filter((m) => m !== null);
    return missing.length === 0 ? [] : [`${d.entry}: ${d.name} (${d.declarationFile}:${d.line}) — ${missing.join(', ')}`];
  });
}
