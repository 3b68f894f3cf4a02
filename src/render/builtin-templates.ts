/**
 * The built-in templates precompiled, by 'en/update.hbs' (language folder and file). The build
 * (scripts/build.mjs) puts the specs that src/render/precompile.ts writes in place of this file,
 * so that they are one more lazily loaded chunk of the bundle (read with the bundle's code cache).
 * Running unbuilt (the unit tests), there are none and template.ts compiles the .hbs files.
 */
export const builtinSpecs: Record<string, object> | undefined = undefined;
