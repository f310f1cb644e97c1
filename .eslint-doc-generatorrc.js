/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ["all", "legacy-recommended", "legacy-all"],
  ruleDocSectionInclude: ["Why", "Examples", "When not to use it"],
  ruleDocSectionOptions: true,
};
