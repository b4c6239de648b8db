// Lint runs inside `npm test` (scripts/test-all.mjs) with --max-warnings 0.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { LIB_NOT_UI, serverLayerRules } from "./eslint.layers.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/generated/", "test-results/", "playwright-report/", "data/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only the env module reads process.env inside the app (configuration is validated once, at start).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/server/env.ts" }],
    },
  },
  {
    // Every request body goes through the capped readers in lib/server/http/read-body.ts: reading it
    // any other way buffers whatever a chunked upload sends, with no size check (docs/reliability.md).
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "scripts/**/*.{ts,mjs}"],
    ignores: ["lib/server/http/read-body.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "CallExpression[callee.type='MemberExpression'][callee.object.type='Identifier'][callee.object.name=/^(req|request)$/][callee.property.name=/^(text|json|formData|arrayBuffer|blob)$/]",
          "CallExpression[callee.type='MemberExpression'][callee.object.type='MemberExpression'][callee.object.property.name=/^(req|request)$/][callee.property.name=/^(text|json|formData|arrayBuffer|blob)$/]",
        ].map((selector) => ({ selector, message: "Read request bodies through lib/server/http/read-body.ts (capped while streaming)." })),
        // A transaction retried on contention is writeTransaction (lib/server/db/retry.ts): one place
        // holds the options and the rule that the callback touches the database only through `tx`.
        {
          selector: "CallExpression[callee.name='withDbRetry'] > ArrowFunctionExpression > CallExpression[callee.property.name='$transaction']",
          message: "Use writeTransaction(client, fn) from lib/server/db/retry.ts for a retried transaction.",
        },
      ],
    },
  },
  {
    // Browser-side and isomorphic code never reaches into server modules (database, session, env), not
    // even for a type: pages and lib/server query modules load the data and pass plain props down, and
    // shapes both sides need are declared once in lib/shared.
    files: ["components/**/*.{ts,tsx}", "lib/client/**/*.{ts,tsx}", "lib/shared/**/*.{ts,tsx}", "lib/simulator/**/*.ts", "lib/i18n/**/*.ts", "lib/media-tools/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server", "@/lib/server/**", "**/lib/server", "**/lib/server/**", "../server", "../server/**"], message: "Take the data as props from the page; shared types and schemas live in lib/shared." },
          ],
        },
      ],
    },
  },
  {
    // lib/ outside lib/server never imports the UI either.
    files: ["lib/client/**/*.{ts,tsx}", "lib/shared/**/*.ts", "lib/simulator/**/*.ts", "lib/i18n/**/*.ts", "lib/media-tools/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server", "@/lib/server/**", "**/lib/server", "**/lib/server/**", "../server", "../server/**"], message: "Shared types and schemas live in lib/shared; server modules stay on the server." },
            LIB_NOT_UI,
          ],
        },
      ],
    },
  },
  {
    // Buttons wait for hydration: pressed earlier, one does nothing or submits its form natively (a GET
    // with every field in the address). components/ui/action-button.tsx is the one raw <button>.
    files: ["components/**/*.tsx"],
    ignores: ["components/ui/action-button.tsx"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "JSXOpeningElement[name.name='button']", message: "Use ActionButton (components/ui/action-button.tsx) or Button: a raw <button> works before hydration." }],
    },
  },
  // lib/server: layers that point one way (eslint.layers.mjs).
  ...serverLayerRules(),
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", fetch: "readonly", WebAssembly: "readonly", globalThis: "readonly" } },
  },
);
