// The clinic's posts read as both tools read them: front matter (title, slug, keyphrase, description) and body.
"use strict";

const fs = require("fs");
const path = require("path");

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

function unquote(value) {
  const v = value.trim();
  if (v.length > 1 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
    return v.slice(1, -1).replace(/\\"/g, '"');
  }
  return v;
}

function readPost(file) {
  const text = fs.readFileSync(file, "utf8");
  const found = text.match(FRONT_MATTER);
  const meta = {};
  for (const line of (found ? found[1] : "").split(/\r?\n/)) {
    const m = line.match(/^([A-Za-z_]+):\s*(.*)$/);
    if (m) meta[m[1]] = unquote(m[2]);
  }
  return {
    file: path.basename(file),
    title: meta.title || "",
    slug: meta.slug || path.basename(file, path.extname(file)),
    keyphrase: meta.keyphrase || "",
    description: meta.description || "",
    body: found ? text.slice(found[0].length) : text,
    source: text,
  };
}

function readPosts(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort().map((f) => readPost(path.join(dir, f)));
}

// A copy of a post with keyphrase and description written into its front matter.
function withFocus(post, focus) {
  const found = post.source.match(FRONT_MATTER);
  const lines = [`keyphrase: ${JSON.stringify(focus.keyphrase)}`, `description: ${JSON.stringify(focus.description)}`];
  if (!found) return `---\n${lines.join("\n")}\n---\n\n${post.source}`;
  return `---\n${found[1]}\n${lines.join("\n")}\n---\n${post.source.slice(found[0].length)}`;
}

module.exports = { readPosts, withFocus };
