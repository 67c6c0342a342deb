/**
 * Dead exports (issue #18 point 6): every exported name of the project's TypeScript that no other
 * file imports. knip would do this, but it is not among the installed packages; this reads each
 * file once with the TypeScript compiler's parser (no type checking, a few seconds) and follows
 * imports, `export … from` and `export *` across files. Run by `npm run lint`; exits 1 and lists
 * each dead export as `path: name`, except those in scripts/dead-exports.allow with the reason
 * they must stay (read by a tool or another language, not by an import).
 *
 * An export its own file also uses (the options type of an exported function, a table an exported
 * lookup reads) is part of that file's surface and is not reported, as knip's
 * `ignoreExportsUsedInFile`; what is reported is used nowhere at all. A namespace import
 * (`import * as x`) or a dynamic `import()` of a file counts as using all of it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const projectRoot = resolve(import.meta.dirname, '..');
const ALLOW_FILE = join(projectRoot, 'scripts/dead-exports.allow');

/**
 * Folders that hold no code of the project: installed packages, build output, the pinned Node, test
 * output and fixtures (data, not code), the demo profile. The walk reads the tree itself rather than
 * asking git, which a machine that got the sources another way may not have.
 */
const NOT_CODE = new Set([
  'node_modules',
  '.tools',
  'dist',
  'out',
  '.cache',
  'test-results',
  'playwright-report',
  'tests/artifacts',
  'tests/fixtures',
  '.profile-demo',
  '.git',
]);

/** The project's own TypeScript, by walking the tree (relative paths, `/`-separated). */
function projectFiles(root: string, dir = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!NOT_CODE.has(path) && !NOT_CODE.has(entry.name)) {
        found.push(...projectFiles(root, path));
      }
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(path);
    }
  }
  return found;
}

interface FileFacts {
  /** Names this file exports itself (declarations, `export { a }`, `export { a } from`). */
  readonly exports: Map<string, number>;
  /** `export * from` targets, followed when a name is looked up here. */
  readonly stars: string[];
  /** Identifiers that occur more than once in the file: an export among them is used in its file. */
  readonly usedInFile: Set<string>;
}

interface Use {
  readonly file: string;
  /** null: the whole file (namespace or dynamic import). */
  readonly name: string | null;
}

function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) {
    return null;
  }
  const base = resolve(root, dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return relative(root, candidate);
    }
  }
  return null;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
  );
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) {
    return [name.text];
  }
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function declaredNames(node: ts.Statement): string[] {
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  }
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isModuleDeclaration(node)) &&
    node.name !== undefined &&
    ts.isIdentifier(node.name)
  ) {
    return [node.name.text];
  }
  return [];
}

function readFile(root: string, path: string, uses: Use[]): FileFacts {
  const text = readFileSync(join(root, path), 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? 4 : 3);
  const exports = new Map<string, number>();
  const stars: string[] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  for (const statement of source.statements) {
    if (hasExportModifier(statement) && !isDefault(statement)) {
      for (const name of declaredNames(statement)) {
        exports.set(name, lineOf(statement));
      }
    }
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolveSpecifier(root, path, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (target === null || clause === undefined) {
        continue;
      }
      const bindings = clause.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
        uses.push({ file: target, name: null });
      } else if (bindings !== undefined) {
        for (const element of bindings.elements) {
          uses.push({ file: target, name: (element.propertyName ?? element.name).text });
        }
      }
    }
    if (ts.isExportDeclaration(statement)) {
      const target =
        statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)
          ? resolveSpecifier(root, path, statement.moduleSpecifier.text)
          : null;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (target !== null) {
          stars.push(target);
        }
      } else if (ts.isNamespaceExport(clause)) {
        exports.set(clause.name.text, lineOf(statement));
        if (target !== null) {
          uses.push({ file: target, name: null });
        }
      } else {
        for (const element of clause.elements) {
          exports.set(element.name.text, lineOf(element));
          if (target !== null) {
            uses.push({ file: target, name: (element.propertyName ?? element.name).text });
          }
        }
      }
    }
  }

  // import('./x.ts') and import('./x.ts').Name in types, anywhere in the file.
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const target = resolveSpecifier(root, path, node.arguments[0].text);
      if (target !== null) {
        uses.push({ file: target, name: null });
      }
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolveSpecifier(root, path, node.argument.literal.text);
      if (target !== null) {
        const qualifier = node.qualifier;
        const first = qualifier === undefined ? null : ts.isIdentifier(qualifier) ? qualifier : qualifier.left;
        uses.push({ file: target, name: first !== null && ts.isIdentifier(first) ? first.text : null });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const counts = new Map<string, number>();
  const count = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
    }
    ts.forEachChild(node, count);
  };
  count(source);
  const usedInFile = new Set([...counts].filter(([, n]) => n > 1).map(([name]) => name));
  return { exports, stars, usedInFile };
}

function readAllowed(): Set<string> {
  if (!existsSync(ALLOW_FILE)) {
    return new Set();
  }
  return new Set(
    readFileSync(ALLOW_FILE, 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line !== ''),
  );
}

/** `path: name` for every export nothing imports among `files` (paths relative to `root`), sorted. */
export function findDeadExports(root = projectRoot, files = projectFiles(root)): string[] {
  const uses: Use[] = [];
  const facts = new Map<string, FileFacts>();
  for (const path of files) {
    facts.set(path, readFile(root, path, uses));
  }
  const used = new Set<string>();
  const wholeFiles = new Set<string>();
  // A name asked of a file is its own export, or one it passes on through `export *`.
  const mark = (file: string, name: string, seen: Set<string>): void => {
    if (seen.has(file)) {
      return;
    }
    seen.add(file);
    const fileFacts = facts.get(file);
    if (fileFacts === undefined) {
      return;
    }
    if (fileFacts.exports.has(name)) {
      used.add(`${file}: ${name}`);
      return;
    }
    for (const star of fileFacts.stars) {
      mark(star, name, seen);
    }
  };
  const markWhole = (file: string): void => {
    if (wholeFiles.has(file)) {
      return;
    }
    wholeFiles.add(file);
    for (const star of facts.get(file)?.stars ?? []) {
      markWhole(star);
    }
  };
  for (const use of uses) {
    if (use.name === null) {
      markWhole(use.file);
    } else {
      mark(use.file, use.name, new Set());
    }
  }
  const dead: string[] = [];
  for (const [file, fileFacts] of facts) {
    if (wholeFiles.has(file)) {
      continue;
    }
    for (const name of fileFacts.exports.keys()) {
      if (!used.has(`${file}: ${name}`) && !fileFacts.usedInFile.has(name)) {
        dead.push(`${file}: ${name}`);
      }
    }
  }
  return dead.sort();
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const allowed = readAllowed();
  const dead = findDeadExports().filter((entry) => !allowed.has(entry));
  if (dead.length > 0) {
    process.stderr.write(
      `${dead.length} exported names that no other file imports (remove the export, or list it with its reason in scripts/dead-exports.allow):\n${dead.map((d) => `  ${d}\n`).join('')}`,
    );
    process.exitCode = 1;
  }
}
