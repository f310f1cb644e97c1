/**
 * Environment variable prefixes that front-end build tools inline into the JavaScript they ship to browsers (or
 * apps): whatever such a variable holds is readable by anyone who loads the page. Free of any payment API knowledge; each entry with the
 * framework's own documentation as its source.
 */

export interface PublicEnvPrefix {
  readonly prefix: string;
  readonly framework: string;
  readonly source: string;
}

export const PUBLIC_ENV_PREFIXES: readonly PublicEnvPrefix[] = [
  // "Non-NEXT_PUBLIC_ environment variables are only available in the Node.js environment"; NEXT_PUBLIC_ ones are
  // inlined into the JavaScript sent to the browser at build time.
  { prefix: "NEXT_PUBLIC_", framework: "Next.js", source: "https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser" },
  // Nuxt exposes runtimeConfig.public (set from NUXT_PUBLIC_*) to the client.
  { prefix: "NUXT_PUBLIC_", framework: "Nuxt", source: "https://nuxt.com/docs/guide/going-further/runtime-config#environment-variables" },
  // "Only variables prefixed with VITE_ are exposed to your Vite-processed code."
  { prefix: "VITE_", framework: "Vite", source: "https://vite.dev/guide/env-and-mode#env-variables" },
  // Create React App embeds REACT_APP_* "into the build"; "do not store any secrets".
  { prefix: "REACT_APP_", framework: "Create React App", source: "https://create-react-app.dev/docs/adding-custom-environment-variables/" },
  // Expo inlines EXPO_PUBLIC_* into the app bundle: "do not store sensitive information".
  { prefix: "EXPO_PUBLIC_", framework: "Expo", source: "https://docs.expo.dev/guides/environment-variables/" },
  // Gatsby: GATSBY_* "will be available in the browser".
  { prefix: "GATSBY_", framework: "Gatsby", source: "https://www.gatsbyjs.com/docs/how-to/local-development/environment-variables/" },
  // SvelteKit's $env/static/public and $env/dynamic/public, and Astro: PUBLIC_* are "safe to expose to client-side code".
  { prefix: "PUBLIC_", framework: "SvelteKit", source: "https://svelte.dev/docs/kit/$env-static-public" },
];

/** Whether a name starts with any of the prefixes (capitals and underscores: nothing to escape), in one anchored test. */
const STARTS_WITH_PUBLIC_PREFIX = new RegExp(`^(?:${PUBLIC_ENV_PREFIXES.map((entry) => entry.prefix).join("|")})`);

/** The prefix a variable name starts with, longest first (`NEXT_PUBLIC_` before `PUBLIC_`); undefined for none. */
export function publicEnvPrefixOf(name: string): PublicEnvPrefix | undefined {
  // Callers ask this of every member read they see: most names start with none of the prefixes.
  if (!STARTS_WITH_PUBLIC_PREFIX.test(name)) return undefined;
  return PUBLIC_ENV_PREFIXES.find((entry) => name.startsWith(entry.prefix));
}

/** The modules SvelteKit serves public variables from; their imports and `env.NAME` reads are env reads. */
export const PUBLIC_ENV_MODULES: readonly string[] = ["$env/static/public", "$env/dynamic/public"];
