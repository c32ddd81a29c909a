// Used by generate.sh: node clean-schema.js IN OUT. Drops the descriptions (not properties named "description"),
// opens TypeScript's `{}` (a free-form map such as Strimzi's topic config: any object, not an empty one) and sorts
// the keys so a regeneration diffs cleanly.
const fs = require("fs");
const nameMaps = new Set(["properties", "definitions"]); // maps of names to schemas, not schemas themselves
function clean(v, parentKey) {
  if (Array.isArray(v)) return v.map(x => clean(x));
  if (!v || typeof v !== "object") return v;
  if (nameMaps.has(parentKey)) return Object.fromEntries(Object.keys(v).sort().map(k => [k, clean(v[k])]));
  const out = Object.fromEntries(Object.keys(v).sort().filter(k => k !== "description").map(k => [k, clean(v[k], k)]));
  if (out.type === "object" && out.additionalProperties === false && !out.properties && !out.patternProperties) {
    delete out.additionalProperties;
  }
  return out;
}
const [input, output] = process.argv.slice(2);
fs.writeFileSync(output, JSON.stringify(clean(JSON.parse(fs.readFileSync(input, "utf8"))), null, 1) + "\n");
