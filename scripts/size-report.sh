#!/usr/bin/env bash
# What the release wasm is made of (issue 16): the largest functions and data segments, the names
# with many monomorphised copies (generic bloat), and the size by crate.
#
#   scripts/size-report.sh              # build (no-op after `trunk build --release`), then report
#   scripts/size-report.sh --top 50     # more items (default 30)
#   scripts/size-report.sh --no-build   # report on the wasm already in the target dir
#   scripts/size-report.sh --bin portal-catalog   # the home page's wasm (portal-staff: the staff's)
#
# The shipped dist/*.wasm has no names (wasm-opt drops them), so this makes a named twin of it: the
# same cargo build trunk runs (`--profile wasm-release --target wasm32-unknown-unknown --bin portal`),
# the same `wasm-bindgen --target web`, and the same `wasm-opt -Oz` and extra passes (index.html's
# `data-wasm-opt-params`), plus `-g` to keep the name
# section (the named total and the shipped file size are both printed, so any gap shows).
# Sizes are raw bytes (brotli shrinks wasm code about 3×, evenly enough to rank by raw size).
# The named file stays at $CARGO_TARGET_DIR/size-report/portal_bg.wasm for other tools, e.g.
# `twiggy top` / `twiggy dominators` (`cargo install twiggy --locked`).
#
# Crates: a function is counted to the first path segment of its demangled name; for a trait impl
# `<T as Trait>::f` to T's crate, or the trait's crate when T is a primitive, reference or generic.
# Inherent impls on primitives (`<char>::f`) count to core. Names without a path (main, wasm-bindgen's
# unnamed and externref shims) are grouped as "(no crate)". Generic code counts to the crate that
# defines it, not the one that instantiates it: core's share includes sorting and iterating our types.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/env.sh

top=30
build=1
bin=portal
while [ $# -gt 0 ]; do
  case "$1" in
    --top) top=${2:?--top needs a number}; shift 2 ;;
    --no-build) build=0; shift ;;
    --bin) bin=${2:?--bin needs a name}; shift 2 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "size-report.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$top" in '' | *[!0-9]*) echo "size-report.sh: --top needs a number" >&2; exit 2 ;; esac

target_dir=${CARGO_TARGET_DIR:-$root/target}
cargo_wasm=$target_dir/wasm32-unknown-unknown/wasm-release/$bin.wasm
out=$target_dir/size-report
if [ "$build" = 1 ]; then
  cargo build --profile wasm-release --target wasm32-unknown-unknown --bin "$bin"
fi
[ -f "$cargo_wasm" ] || { echo "size-report.sh: $cargo_wasm missing (run without --no-build)" >&2; exit 1; }
for tool in wasm-bindgen wasm-opt node; do
  command -v "$tool" >/dev/null || { echo "size-report.sh: $tool not on PATH (run scripts/setup.sh)" >&2; exit 1; }
done

mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out/bindgen" --out-name portal "$cargo_wasm"
# Trunk runs `wasm-opt -Oz <data-wasm-opt-params>`: the same extra passes, read from index.html.
read -r -a opt_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt -Oz -g "$out/bindgen/portal_bg.wasm" "${opt_params[@]}" --output "$out/portal_bg.wasm"

shipped=""
case "$bin" in portal-catalog) shipped_dir=dist/catalog ;; portal-staff) shipped_dir=dist/staff-app ;; *) shipped_dir=dist ;; esac
for f in "$shipped_dir"/*.wasm; do [ -f "$f" ] && shipped=$f; done

node - "$out/portal_bg.wasm" "$top" "$shipped" <<'EOF'
// Minimal wasm reader: section sizes, function bodies, data segments, the name section.
const fs = require("node:fs");
const [file, topArg, shipped] = process.argv.slice(2);
const buf = fs.readFileSync(file);
if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a wasm module`);
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do { byte = buf[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
};
const str = () => { const n = leb(); const s = buf.toString("utf8", pos, pos + n); pos += n; return s; };
const limits = () => { const flags = leb(); leb(); if (flags & 1) leb(); };
const constExpr = () => { for (;;) { const op = buf[pos++]; if (op === 0x0b) return; if ([0x41, 0x42, 0x23].includes(op)) leb(); else if (op === 0x44) pos += 8; else if (op === 0x43) pos += 4; } };
const SECTION = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];

let importedFuncs = 0;
const bodies = []; // [size]
const segments = []; // [size]
const funcNames = new Map();
const dataNames = new Map();
const other = []; // {name, size}
while (pos < buf.length) {
  const start = pos;
  const id = buf[pos++];
  const size = leb();
  const end = pos + size;
  const total = end - start;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      str(); str();
      const kind = buf[pos++];
      if (kind === 0) { leb(); importedFuncs++; }
      else if (kind === 1) { pos++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) pos += 2;
      else if (kind === 4) { pos++; leb(); }
    }
    other.push({ name: "[section] import", size: total });
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const s = pos; const len = leb(); pos += len; bodies.push(pos - s); }
  } else if (id === 11) {
    for (let n = leb(); n > 0; n--) {
      const s = pos;
      const flag = leb();
      if (flag === 2) leb();
      if (flag !== 1) constExpr();
      pos += leb();
      segments.push(pos - s);
    }
  } else if (id === 0) {
    const name = str();
    if (name === "name") {
      while (pos < end) {
        const sub = buf[pos++];
        const subEnd = leb() + pos;
        if (sub === 1 || sub === 9) {
          const into = sub === 1 ? funcNames : dataNames;
          for (let n = leb(); n > 0; n--) { const idx = leb(); into.set(idx, str()); }
        }
        pos = subEnd;
      }
    } else if (name !== "producers" && name !== "target_features") {
      other.push({ name: `[custom section] ${name}`, size: total });
    }
  } else {
    other.push({ name: `[section] ${SECTION[id] ?? id}`, size: total });
  }
  pos = end;
}

// Drop symbol hashes, crate disambiguators (`core[c5930c85a12de822]`) and wasm-opt's `.N` copies.
const clean = (name) => name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "").replace(/\.\d+$/, "");
const items = [
  ...bodies.map((size, i) => ({ name: clean(funcNames.get(importedFuncs + i) ?? `func[${importedFuncs + i}]`), size, kind: "code" })),
  ...segments.map((size, i) => ({ name: `data[${i}]${dataNames.has(i) ? " " + dataNames.get(i) : ""}`, size, kind: "data" })),
  ...other.map((o) => ({ ...o, kind: "section" })),
];
const total = items.reduce((sum, it) => sum + it.size, 0);
const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + " %";
const bytes = (n) => String(n).padStart(9);

// Crate of a demangled Rust path; see the header of size-report.sh.
const PRIMITIVE = /^(?:[&*(\[]|mut |dyn |const |impl |[A-Z]\b|[A-Z][A-Za-z0-9]*$|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str)/;
function crateOf(name) {
  if (name.startsWith("<")) {
    let depth = 0, split = -1;
    for (let i = 1; i < name.length; i++) {
      const c = name[i];
      if (c === "<") depth++;
      else if (c === ">") { if (depth === 0) break; depth--; }
      else if (depth === 0 && name.startsWith(" as ", i)) { split = i; break; }
    }
    const self = (split > 0 ? name.slice(1, split) : name.slice(1)).replace(/^(?:&(?:'\w+ )?|mut |dyn |\*const |\*mut )+/, "");
    if (!PRIMITIVE.test(self) && /^[a-z_][a-z0-9_]*::/.test(self)) return self.split("::")[0];
    if (split > 0) return crateOf(name.slice(split + 4));
    return PRIMITIVE.test(self) ? "core" : "(no crate)"; // inherent impls on primitives: <char>::f, <[T]>::f
  }
  const m = /^([a-z_][a-z0-9_]*)::/.exec(name);
  return m ? m[1] : "(no crate)";
}

const top = Number(topArg);
console.log(`\nsize-report: ${file}`);
console.log(`  code ${bodies.length} functions, ${bodies.reduce((a, b) => a + b, 0)} B; data ${segments.length} segments, ${segments.reduce((a, b) => a + b, 0)} B; other sections ${other.reduce((a, o) => a + o.size, 0)} B; total without names ${total} B`);
if (shipped) {
  const raw = fs.statSync(shipped).size;
  const br = fs.existsSync(shipped + ".br") ? `, ${fs.statSync(shipped + ".br").size} B brotli` : "";
  console.log(`  shipped ${shipped}: ${raw} B raw${br}`);
}
console.log(`\nTop ${top} items (raw bytes, share of the wasm):`);
for (const it of [...items].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${bytes(it.size)} ${pct(it.size)}  ${it.name}`);
}
// Generic bloat: one source function instantiated many times shows up as many items of one name.
const copies = new Map();
for (const it of items) if (it.kind === "code") {
  const c = copies.get(it.name) ?? { size: 0, count: 0 };
  c.size += it.size; c.count++;
  copies.set(it.name, c);
}
console.log(`\nLargest names with several copies (monomorphisations; raw bytes, share, copies):`);
for (const [name, c] of [...copies].filter(([, c]) => c.count > 1).sort((a, b) => b[1].size - a[1].size).slice(0, 15)) {
  console.log(`${bytes(c.size)} ${pct(c.size)}  ${name} (×${c.count})`);
}
const crates = new Map();
for (const it of items) {
  const key = it.kind === "code" ? crateOf(it.name) : it.kind === "data" ? "(data segments)" : "(other sections)";
  const c = crates.get(key) ?? { size: 0, count: 0 };
  c.size += it.size; c.count++;
  crates.set(key, c);
}
console.log(`\nBy crate (raw bytes, share, items):`);
for (const [name, c] of [...crates].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`${bytes(c.size)} ${pct(c.size)}  ${name} (${c.count})`);
}
EOF
