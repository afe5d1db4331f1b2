// The release's JavaScript, minified (esbuild, a build dependency already used for the
// chart bundle): wasm-bindgen's glue, wasm-split's loader, the start and offline scripts.
// Their parse is on the way to every app's first screen, and the glue alone is 64 KB as
// wasm-bindgen writes it, about 29 KB minified.
//
// `module`: an ES module (the glue, the loader, pwa.js); otherwise a classic script kept to
// ES2015 syntax (start.js must run, and say what is wrong, in browsers too old for more).
import { transformSync } from 'esbuild';

export function minifyJs(code, { module }) {
  return transformSync(code, {
    minify: true,
    ...(module ? { format: 'esm', target: 'es2020' } : { target: 'es2015' }),
    // wasm-bindgen writes the loader's import once per import of it into the wasm, each
    // under the same key: harmless, and not a warning to print on every build.
    logLevel: 'error',
  }).code;
}
