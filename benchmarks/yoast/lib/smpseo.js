// smpseo on the same posts, through its command line (`check --format json`) and its Python package.
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function run(python, args, cwd) {
  try {
    return execFileSync(python, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    if (err.status === 1 && err.stdout) return err.stdout; // `check` exits 1 when a finding is an error
    throw err;
  }
}

// `smpseo check --format json` on a folder: {file name: [findings]}.
function check(python, dir, config, cwd) {
  const out = JSON.parse(run(python, ["-m", "smpseo", "check", "--format", "json", "--config", config, dir], cwd));
  const byFile = {};
  for (const post of out.posts) byFile[path.basename(post.path)] = { findings: [], metrics: post.metrics, post };
  for (const f of out.findings) {
    const name = path.basename(f.path);
    (byFile[name] = byFile[name] || { findings: [] }).findings.push(f);
  }
  return byFile;
}

const SETTINGS_SCRIPT = `
import json, sys, tomllib
import smpseo
with open(sys.argv[1], "rb") as fh:
    settings = tomllib.load(fh)
print(json.dumps({"rules": [r.id for r in smpseo.rules()],
                  "synonyms": settings.get("keywords", {}).get("synonyms", {}),
                  "site_url": settings.get("site", {}).get("url", "")}))
`;

// The rule ids smpseo has, the synonyms and the site address from its settings file.
function settings(python, config, cwd) {
  return JSON.parse(run(python, ["-c", SETTINGS_SCRIPT, config], cwd));
}

// smpseo's own function-word list (the words its keyphrase matching drops), wherever the package keeps it.
function functionWords(repo) {
  const stack = [path.join(repo, "smpseo")];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.name === "function_words.txt" && path.basename(dir) === "en") {
        return new Set(fs.readFileSync(full, "utf8").split(/\r?\n/).map((l) => l.trim().toLowerCase())
          .filter((l) => l && !l.startsWith("#")));
      }
    }
  }
  throw new Error("smpseo's English function_words.txt not found");
}

module.exports = { check, settings, functionWords };

const FORMS_SCRIPT = `
import json, re, sys
try:
    from smpseo.core.language import is_function_word, stem
except ImportError:  # smpseo before its layered layout
    from smpseo.language import is_function_word, stem
keyphrase, texts = json.loads(sys.stdin.read())
words = {stem(w): w for w in re.findall(r"[^\\W_][\\w'\\u2019-]*", keyphrase) if not is_function_word(w)}
def swap(m):
    w = m.group(0)
    return words.get(stem(w), w) if not is_function_word(w) else w
print(json.dumps([re.sub(r"[^\\W_][\\w'\\u2019]*", swap, t) for t in texts]))
`;

// `texts` with every word form of the keyphrase's content words written the way the keyphrase writes them.
function alignForms(python, keyphrase, texts) {
  const out = execFileSync(python, ["-c", FORMS_SCRIPT], { input: JSON.stringify([keyphrase, texts]), encoding: "utf8" });
  return JSON.parse(out);
}

module.exports.alignForms = alignForms;
