/**
 * date-fns's locales, by code ('en-GB'), each loaded when a letter needs it. The build
 * (scripts/build.mjs) puts a table of every locale of date-fns in place of this file, each locale a
 * lazily loaded chunk of the bundle (read with the bundle's code cache, ~1 ms, where requiring it
 * from node_modules took ~9: date-fns's 200 KB package.json and ten files compiled). Running
 * unbuilt (the unit tests), there is none and dates.ts requires the locale from node_modules.
 */
export const dateLocales: Record<string, () => Promise<Record<string, unknown>>> | undefined = undefined;
