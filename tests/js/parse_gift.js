// Parses a GIFT file with gift-pegjs (the parser Moodle-compatible tools use)
// and prints the questions as JSON: node parse_gift.js FILE
const { parse } = require("gift-pegjs");
const fs = require("fs");
try {
  process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
} catch (e) {
  process.stderr.write(`GIFT parse error at line ${e.location ? e.location.start.line : "?"}: ${e.message}\n`);
  process.exit(1);
}
