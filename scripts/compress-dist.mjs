#!/usr/bin/env node
// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every .wasm, .js, .css,
// .html and .svg file under a built dist directory (when smaller than the file), so the mock API (`--dist`) sends the smallest
// encoding the browser accepts without compressing on each request. Node's zlib only, no npm deps.
//
//   node scripts/compress-dist.mjs [DIR]      (DIR defaults to dist)
//
// Prints one line per file (raw, br and gz bytes) and a total; exits non-zero when DIR is missing
// or holds no file to compress. Re-running overwrites the copies (trunk empties dist/ per build).
import { readdir, readFile, writeFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(wasm|js|css|html|svg)$/;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && COMPRESSIBLE.test(entry.name)) yield path;
  }
}

const dir = process.argv[2] ?? "dist";
try {
  if (!(await stat(dir)).isDirectory()) throw new Error("not a directory");
} catch (err) {
  console.error(`compress-dist: no directory ${dir} (${err.message}); run trunk build --release first`);
  process.exit(1);
}

let count = 0;
const total = { raw: 0, br: 0, gz: 0 };
for await (const path of files(dir)) {
  const raw = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: path.endsWith(".wasm")
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
      },
    }),
    gzipAsync(raw, { level: 9 }),
  ]);
  // A copy no smaller than the file (a tiny one) is not worth sending: the server then sends the
  // file itself.
  await Promise.all(
    [[".br", br], [".gz", gz]]
      .filter(([, bytes]) => bytes.length < raw.length)
      .map(([ext, bytes]) => writeFile(`${path}${ext}`, bytes)),
  );
  count += 1;
  total.raw += raw.length;
  total.br += br.length;
  total.gz += gz.length;
  console.log(`compress-dist: ${relative(dir, path)}  ${raw.length} B → br ${br.length} B, gz ${gz.length} B`);
}
if (count === 0) {
  console.error(`compress-dist: no .wasm/.js/.css/.html/.svg file in ${dir}`);
  process.exit(1);
}
console.log(`compress-dist: ${count} files, ${total.raw} B → br ${total.br} B, gz ${total.gz} B`);
