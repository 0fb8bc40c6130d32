// Fails when the JavaScript a first visit downloads (the entry script and every chunk it imports
// statically) is above the gzip budget, and names the modules that weigh the most.
// Usage: node scripts/check-bundle-budget.mjs [--mode demo] [--json] [--budget 200] [--dist dist/app]
// With --dist it measures a build already on disk (npm test builds once for everything) and
// names no modules: only an in-memory build knows them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const DEFAULT_BUDGET_KB = 200;
const MODULES_SHOWN = 25;

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
}

const mode = option('--mode', 'production');
const budgetKB = Number(option('--budget', DEFAULT_BUDGET_KB));
const asJson = process.argv.includes('--json');
const distDir = option('--dist', null);

const gzipKB = (text) => gzipSync(text, { level: 9 }).length / 1024;
const round = (kb) => Math.round(kb * 10) / 10;

/** Who imports each module, to tell which of our files brings a package into the first load. */
const importersOf = new Map();
const importersPlugin = {
  name: 'bundle-budget-importers',
  generateBundle() {
    for (const id of this.getModuleIds()) importersOf.set(id, this.getModuleInfo(id)?.importers ?? []);
  },
};

/** Builds in memory; the temporary outDir only keeps Vite away from dist/, which others use. */
async function buildApp() {
  const outDir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  try {
    const result = await build({
      mode,
      logLevel: 'silent',
      plugins: [importersPlugin],
      build: { outDir, emptyOutDir: true, write: false, reportCompressedSize: false },
    });
    return (Array.isArray(result) ? result[0] : result).output;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The scripts index.html loads at once: its module script and modulepreload links. */
function scriptsOfHtml(html) {
  const urls = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1]);
  return urls.map((url) => url.replace(/^\.?\//, ''));
}

/** The chunks of the first load: those of index.html plus everything they import statically. */
function initialChunks(output) {
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const html = output.find((item) => item.fileName === 'index.html');
  if (!html) throw new Error('The build wrote no index.html');
  const pending = scriptsOfHtml(String(html.source));
  const seen = new Set();
  while (pending.length > 0) {
    const fileName = pending.pop();
    if (seen.has(fileName) || !chunks.has(fileName)) continue;
    seen.add(fileName);
    pending.push(...chunks.get(fileName).imports);
  }
  return [...seen].map((fileName) => chunks.get(fileName));
}

/** The same chunks read from a build on disk: index.html's scripts and the modules they import statically. */
function initialChunksOnDisk(dir) {
  const htmlFile = join(dir, 'index.html');
  if (!existsSync(htmlFile)) throw new Error(`There is no build in ${dir} (no index.html)`);
  const pending = scriptsOfHtml(readFileSync(htmlFile, 'utf8'));
  const chunks = new Map();
  while (pending.length > 0) {
    const fileName = pending.pop();
    if (chunks.has(fileName) || !existsSync(join(dir, fileName))) continue;
    const code = readFileSync(join(dir, fileName), 'utf8');
    chunks.set(fileName, { fileName, code, modules: {} });
    pending.push(...staticImportsOf(code).map((specifier) => join(dirname(fileName), specifier)));
  }
  return [...chunks.values()];
}

/** `import ... from "./x.js"` and `import "./x.js"` of a minified chunk; never `import("./x.js")`. */
function staticImportsOf(code) {
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
}

function moduleName(id) {
  const clean = id.replace(/\0/g, '').split('?')[0];
  return clean.includes('node_modules') ? clean.slice(clean.lastIndexOf('node_modules/') + 13) : relative(process.cwd(), clean);
}

/** An npm package, or the folder of our own source two levels down (src/features/auth). */
function packageName(name) {
  const parts = name.split('/');
  if (parts[0] === 'src') return parts.slice(0, 3).join('/');
  return parts.slice(0, name.startsWith('@') ? 2 : 1).join('/');
}

/** Modules by rendered size before minifying and gzip (the only size known per module), biggest first. */
function biggestModules(chunks) {
  const modules = chunks.flatMap((chunk) =>
    Object.entries(chunk.modules).map(([id, info]) => ({ id, name: moduleName(id), renderedKB: info.renderedLength / 1024 })),
  );
  return modules.sort((a, b) => b.renderedKB - a.renderedKB);
}

function biggestPackages(modules) {
  const totals = new Map();
  for (const item of modules) totals.set(packageName(item.name), (totals.get(packageName(item.name)) ?? 0) + item.renderedKB);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The first of our own files in the first load that imports the package: where to cut it off. */
function ownImporter(modules, pkg) {
  const initialIds = new Set(modules.map((item) => item.id));
  for (const [id, importers] of importersOf) {
    if (!id.includes('node_modules') || packageName(moduleName(id)) !== pkg) continue;
    const own = importers.find((importer) => !importer.includes('node_modules') && initialIds.has(importer));
    if (own) return moduleName(own);
  }
  return '';
}

function printReport(report, modules) {
  console.log(`Initial JavaScript (${distDir ?? `${mode} build`}): ${report.initialGzipKB} KB gzip, budget ${report.budgetKB} KB`);
  for (const chunk of report.chunks) console.log(`  ${chunk.gzipKB.toFixed(1).padStart(7)} KB  ${chunk.fileName}`);
  if (report.initialGzipKB <= report.budgetKB) return;
  console.log(`\nOver budget. Biggest packages and modules of the initial chunks (rendered KB, before gzip):`);
  for (const [name, kb] of biggestPackages(modules).slice(0, 15)) {
    const importer = name.startsWith('src/') ? '' : ownImporter(modules, name);
    console.log(`  ${kb.toFixed(1).padStart(7)} KB  ${name}${importer ? `  (imported by ${importer})` : ''}`);
  }
  console.log('');
  for (const item of modules.slice(0, MODULES_SHOWN)) console.log(`  ${item.renderedKB.toFixed(1).padStart(7)} KB  ${item.name}`);
}

async function main() {
  const chunks = distDir ? initialChunksOnDisk(distDir) : initialChunks(await buildApp());
  if (chunks.length === 0) {
    // Nothing measured is not within budget: the entry's script tags changed or the build broke.
    console.error(`Bundle budget: measured no chunk of the first load (${distDir ?? 'in-memory build'}); index.html loads no script found.`);
    process.exitCode = 1;
    return;
  }
  const sized = chunks.map((chunk) => ({ fileName: chunk.fileName, gzipKB: round(gzipKB(chunk.code)) }));
  sized.sort((a, b) => b.gzipKB - a.gzipKB);
  const total = round(chunks.reduce((sum, chunk) => sum + gzipKB(chunk.code), 0));
  const report = { mode, initialGzipKB: total, budgetKB, chunks: sized };
  if (asJson) console.log(JSON.stringify(report));
  else printReport(report, biggestModules(chunks));
  if (distDir && total > budgetKB) console.log(`\nThe modules are named by an in-memory build: npm run budget${mode === 'production' ? '' : ` -- --mode ${mode}`}`);
  process.exitCode = total > budgetKB ? 1 : 0;
}

await main().catch((error) => {
  console.error(`Bundle budget: could not measure. ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
