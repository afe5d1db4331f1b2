// The release's JavaScript, minified (esbuild, a build dependency already used for the
// chart bundle): wasm-bindgen's glue, wasm-split's loader, the start and offline scripts.
// Their parse is on the way to every app's first screen, and the glue alone is 64 KB as
// wasm-bindgen writes it, about 29 KB minified.
//
// `module`: an ES module (the glue, the loader, pwa.js); otherwise a classic script
// (start.js), kept to the syntax it is written in (ES2017 and `import()`), so that the
// minifier neither adds newer syntax nor rewrites its async code into helpers.
import { transformSync } from 'esbuild';

export function minifyJs(code, { module }) {
  return transformSync(code, {
    minify: true,
    ...(module ? { format: 'esm', target: 'es2020' } : { target: 'es2017' }),
    // wasm-bindgen writes the loader's import once per import of it into the wasm, each
    // under the same key: harmless, and not a warning to print on every build.
    logLevel: 'error',
  }).code;
}
