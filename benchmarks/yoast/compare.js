#!/usr/bin/env node
// Yoast's analysis engine and smpseo on the clinic's posts, side by side.
//
//   node benchmarks/yoast/compare.js [--python PATH] [--posts DIR] [--config FILE] [--every K] [--json FILE] [--all]
//
// Two runs: the posts as published (no keyphrase: both tools use the keyphrase smpseo infers) and with the
// keyphrases and descriptions of focus.json written in. Prints, per assessment, how often the two agree and who is
// right where they do not (the rules in lib/referee.js), then one row per verdict where they differ (`--all`: every
// verdict). `--python`: the Python that has smpseo installed (default: the repository's .venv, or $SMPSEO_PYTHON).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { readPosts, withFocus } = require("./lib/posts");
const yoast = require("./lib/yoast");
const smpseo = require("./lib/smpseo");
const { MAPPING, RULES, USES_KEYPHRASE, judge } = require("./lib/referee");
const { Variants } = require("./lib/variants");

const HERE = __dirname;
// The assessments Yoast fails when a post has no keyphrase (competing links and previous use pass then).
const NEEDS_KEYPHRASE = new Set([...USES_KEYPHRASE].filter((a) => !["textCompetingLinks", "previouslyUsedKeywords"]
  .includes(a)));
const REPO = path.resolve(HERE, "..", "..");

function options(argv) {
  const opts = {
    python: process.env.SMPSEO_PYTHON || path.join(REPO, ".venv", "bin", "python"),
    posts: path.join(REPO, "posts"),
    config: path.join(REPO, "smpseo.toml"),
    json: "",
    all: false,
    every: 1,
  };
  for (let i = 2; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, "");
    if (name === "all") {
      opts.all = true;
      i -= 1;
      continue;
    }
    if (!(name in opts) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete option ${argv[i]}`);
    opts[name] = name === "every" ? Math.max(1, parseInt(argv[i + 1], 10) || 1) : path.resolve(argv[i + 1]);
  }
  return opts;
}

// Yoast's synonyms for a keyphrase: the keyphrase with each configured term swapped for its alternatives (and
// an alternative it holds swapped for the term), as smpseo's [keywords.synonyms] make it match.
function synonymsFor(keyphrase, synonyms) {
  const out = new Set();
  for (const [term, alternatives] of Object.entries(synonyms)) {
    for (const form of [term, ...alternatives]) {
      const re = new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
      if (!re.test(keyphrase)) continue;
      for (const other of [term, ...alternatives]) {
        if (other !== form) out.add(keyphrase.replace(re, other));
      }
    }
  }
  return [...out];
}

function contentWords(keyphrase, functionWords) {
  return keyphrase.toLowerCase().split(/\s+/).map((w) => w.replace(/^[^\w']+|[^\w']+$/g, ""))
    .filter((w) => w && !functionWords.has(w));
}

// One mode: smpseo on `dir`, Yoast on the same posts, one verdict pair per mapped assessment and post.
function runMode(mode, allPosts, dir, opts, env) {
  const checked = smpseo.check(opts.python, dir, opts.config, REPO);
  // A file smpseo leaves out (a draft, a page, a licence) has no verdicts of its own: it is not compared, rather
  // than counted as a post smpseo passes on everything.
  const posts = allPosts.filter((post) => checked[post.file] && checked[post.file].post);
  if (posts.length < allPosts.length) {
    const left = allPosts.filter((post) => !posts.includes(post)).map((post) => post.file);
    console.log(`${mode}: not compared, as smpseo reads no post in them: ${left.join(", ")}`);
  }
  const focusOf = (post) => {
    const keyphrase = checked[post.file] ? checked[post.file].metrics.keyphrase : "";
    const description = mode === "published" ? post.description : env.focus[post.file].description;
    return { keyphrase, description, synonyms: synonymsFor(keyphrase, env.settings.synonyms) };
  };
  const usedBy = {};
  for (const post of posts) {
    const k = focusOf(post).keyphrase;
    if (k) (usedBy[k] = usedBy[k] || []).push(post.file);
  }
  const verdicts = [];
  const ratings = [];
  for (const post of posts) {
    const focus = focusOf(post);
    const used = Object.fromEntries(Object.entries(usedBy).map(([k, files]) => [k, files.filter((f) => f !== post.file)]));
    const results = yoast.assess(post, focus, used, env.siteUrl);
    const words = { yoastWords: yoast.yoastContentWords(focus.keyphrase),
      smpseoWords: contentWords(focus.keyphrase, env.functionWords), python: opts.python };
    const variants = new Variants(post, focus, used, env.siteUrl, words);
    const findings = (checked[post.file] || { findings: [] }).findings;
    const ours = checked[post.file] && checked[post.file].post.rating;
    ratings.push({ mode, post: post.file, yoast: results.rating, smpseo: ours || null });
    for (const [assessment, rules] of Object.entries(MAPPING)) {
      const result = results[assessment];
      const known = rules.filter((r) => env.settings.rules.includes(r));
      if (!result || !known.length) continue;
      // A post with no keyphrase at all (none set, none inferred): smpseo says so once (SEO201) where Yoast fails
      // each assessment that needs the keyphrase; that one finding is smpseo's verdict on each of them.
      const hits = findings.filter((f) => known.includes(f.rule)
        || (!focus.keyphrase && NEEDS_KEYPHRASE.has(assessment) && f.rule === "SEO201"));
      const c = {
        mode, post: post.file, assessment, keyphrase: focus.keyphrase, yoast: result, rules: known,
        yoastFlags: result.score < 8, smpseoFlags: hits.length > 0, hits, ...words,
        subheadings: (post.body.match(/^#{2,3}\s/gm) || []).length,
        variant: (name) => variants.flags(name, assessment),
      };
      if (c.yoastFlags !== c.smpseoFlags) c.judged = judge(c, env.docs);
      verdicts.push(c);
    }
  }
  return { verdicts, ratings };
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function ratingLines(ratings) {
  if (!ratings.some((r) => r.smpseo)) return ["", "Ratings: smpseo gives none yet."];
  const lines = ["", "Ratings per post (Yoast's traffic lights / smpseo's rating):"];
  const same = { seo: 0, readability: 0 };
  for (const r of ratings) {
    const ours = r.smpseo || {};
    for (const k of Object.keys(same)) same[k] += r.yoast[k] === ours[k] ? 1 : 0;
    lines.push(`- ${pad(r.mode, 9)} ${pad(r.post, 60)} seo ${pad(`${r.yoast.seo} / ${ours.seo}`, 12)} ` +
      `readability ${r.yoast.readability} / ${ours.readability}`);
  }
  lines.push(`Same SEO rating: ${same.seo} of ${ratings.length}; same readability rating: ${same.readability} of ` +
    `${ratings.length}.`);
  return lines;
}

function report(verdicts, skipped, all, ratings) {
  const rows = {};
  for (const v of verdicts) {
    const r = (rows[v.assessment] = rows[v.assessment] || { rules: v.rules, n: 0, agree: 0, yoast: 0, smpseo: 0, deliberate: 0 });
    r.n += 1;
    if (!v.judged) r.agree += 1;
    else r[v.judged.right] += 1;
  }
  const lines = [];
  const head = `${pad("Yoast assessment", 24)} ${pad("smpseo rules", 16)} ${pad("verdicts", 8)} ${pad("agree", 6)} ` +
    `${pad("Yoast right", 11)} ${pad("smpseo right", 12)} deliberate`;
  lines.push(head, "-".repeat(head.length));
  const total = { n: 0, agree: 0, yoast: 0, smpseo: 0, deliberate: 0 };
  for (const [name, r] of Object.entries(rows)) {
    lines.push(`${pad(name, 24)} ${pad(r.rules.join(" "), 16)} ${pad(r.n, 8)} ${pad(r.agree, 6)} ${pad(r.yoast, 11)} ` +
      `${pad(r.smpseo, 12)} ${r.deliberate}`);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  lines.push("-".repeat(head.length));
  lines.push(`${pad("all", 24)} ${pad("", 16)} ${pad(total.n, 8)} ${pad(total.agree, 6)} ${pad(total.yoast, 11)} ` +
    `${pad(total.smpseo, 12)} ${total.deliberate}`);
  const pct = total.n ? Math.round((100 * total.agree) / total.n) : 0;
  lines.push(`${total.agree} of ${total.n} verdicts agree (${pct} %); Yoast right ${total.yoast}, smpseo right ` +
    `${total.smpseo}, deliberate ${total.deliberate}.`);
  if (skipped.length) lines.push(`Not compared (no smpseo rule yet): ${skipped.join(", ")}.`);
  lines.push("", `${all ? "Every verdict" : "Where they differ"} (mode, post, assessment: Yoast score; smpseo; ` +
    "who is right, by which rule):");
  for (const v of verdicts.filter((x) => all || x.judged)) {
    const ours = v.hits.length ? `${v.hits[0].rule} "${v.hits[0].message}"${v.hits.length > 1 ? ` (+${v.hits.length - 1})` : ""}`
      : "no finding";
    lines.push(`- ${v.mode} ${v.post} ${v.assessment}: Yoast ${v.yoast.score} "${v.yoast.text}"`);
    lines.push(`    smpseo ${v.smpseoFlags ? "flags" : "passes"}: ${ours}`);
    if (!v.judged) continue;
    lines.push(`    -> ${v.judged.right === "deliberate" ? "deliberate" : `${v.judged.right} right`} (${v.judged.rule}: ${v.judged.why})`);
  }
  lines.push(...ratingLines(ratings));
  lines.push("", "Referee rules, in order: " + RULES.map((r) => `${r.id} ${r.name}`).join("; ") + ".");
  return lines.join("\n");
}

function main() {
  const opts = options(process.argv);
  const focus = JSON.parse(fs.readFileSync(path.join(HERE, "focus.json"), "utf8")).posts;
  const settings = smpseo.settings(opts.python, opts.config, REPO);
  const env = {
    focus, settings, siteUrl: settings.site_url || "https://blog.example",
    functionWords: smpseo.functionWords(REPO),
    docs: fs.readFileSync(path.join(REPO, "docs", "checks.md"), "utf8"),
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "smpseo-yoast-"));
  if (opts.every > 1) {
    // A sample of a large blog: every K-th post in name order (the K-th, the 2K-th ...), checked on its own.
    const sample = path.join(tmp, "sample");
    fs.mkdirSync(sample);
    fs.readdirSync(opts.posts).filter((f) => f.endsWith(".md")).sort()
      .filter((_, i) => (i + 1) % opts.every === 0)
      .forEach((f) => fs.copyFileSync(path.join(opts.posts, f), path.join(sample, f)));
    opts.posts = sample;
  }
  const posts = readPosts(opts.posts);
  const missing = posts.filter((p) => !focus[p.file]).map((p) => p.file);
  // Another blog's posts (--posts) have no keyphrases in focus.json: they are compared as published only.
  if (missing.length && missing.length < posts.length) throw new Error(`focus.json has no keyphrase for ${missing.join(", ")}`);
  try {
    const runs = [runMode("published", posts, opts.posts, opts, env)];
    if (!missing.length) {
      const focusedDir = path.join(tmp, "posts");
      fs.mkdirSync(focusedDir);
      for (const p of posts) fs.writeFileSync(path.join(focusedDir, p.file), withFocus(p, focus[p.file]));
      runs.push(runMode("focused", readPosts(focusedDir), focusedDir, opts, env));
    }
    const verdicts = runs.flatMap((r) => r.verdicts);
    const ratings = runs.flatMap((r) => r.ratings);
    const skipped = Object.entries(MAPPING).filter(([, rules]) => !rules.some((r) => settings.rules.includes(r)))
      .map(([name]) => name);
    console.log(report(verdicts, skipped, opts.all, ratings));
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(verdicts, null, 1));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
