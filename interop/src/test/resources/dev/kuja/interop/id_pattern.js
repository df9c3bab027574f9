// Applies the model schema's id pattern as ajv does (new RegExp(pattern, "u"), then test) to every
// code point alone and after an "a"; prints the accepted code points as ranges.
// Usage: node id_pattern.js SCHEMA
// Prints {"first": [[lo, hi], ...], "rest": [[lo, hi], ...]}.
"use strict";
const fs = require("fs");
const schema = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pattern = new RegExp(schema.$defs.id.pattern, "u");

function ranges(accepted) {
  const out = [];
  for (let c = 0; c < 0x110000; c++) {
    if (accepted(String.fromCodePoint(c))) {
      if (out.length > 0 && out[out.length - 1][1] === c - 1) {
        out[out.length - 1][1] = c;
      } else {
        out.push([c, c]);
      }
    }
  }
  return out;
}

process.stdout.write(JSON.stringify({
  first: ranges((s) => pattern.test(s)),
  rest: ranges((s) => pattern.test("a" + s)),
}));
