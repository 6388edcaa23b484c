// Yoast's analysis engine (the yoastseo package) on one post: the free plugin's SEO and readability assessors,
// plus the keyphrase distribution (a Premium assessment, registered by hand with its research) and the previously
// used keyphrase.
"use strict";

const { execFileSync } = require("child_process");
const { Paper, SeoAssessor, ContentAssessor } = require("yoastseo");
const Researcher = require("yoastseo/build/languageProcessing/languages/en/Researcher").default;
const KeyphraseDistribution =
  require("yoastseo/build/scoring/assessments/seo/KeyphraseDistributionAssessment").default;
// The Premium assessment needs its research, which the free English researcher does not register: without it the
// assessment says "Good job!" for any text.
const keyphraseDistributionResearch = require("yoastseo/build/languageProcessing/researches/keyphraseDistribution").default;
const PreviouslyUsedKeywords = require("yoastseo/build/bundledPlugins/previouslyUsedKeywords").default;
const functionWords = require("yoastseo/build/languageProcessing/languages/en/config/functionWords").default;
const { marked } = require("marked");
const pixelWidth = require("string-pixel-width");

// Google shows a title in Arial at 20 px on desktop; Yoast's snippet preview measures it the same way.
const TITLE_FONT = { font: "arial", size: 20 };

function titleWidth(title) {
  return title ? Math.round(pixelWidth(title, TITLE_FONT)) : 0;
}

// The words of a keyphrase Yoast keeps when it drops function words (its English list).
function yoastContentWords(keyphrase) {
  const all = new Set(functionWords.all.map((w) => w.toLowerCase()));
  return keyphrase.toLowerCase().split(/[\s]+/).map((w) => w.replace(/^[^\w']+|[^\w']+$/g, ""))
    .filter((w) => w && !all.has(w));
}

// One post as Yoast sees it: HTML body, SEO title, slug, keyphrase, synonyms, description.
function paperFor(post, focus, siteUrl) {
  return new Paper(marked.parse(post.body), {
    keyword: focus.keyphrase || "",
    synonyms: (focus.synonyms || []).join(", "),
    description: focus.description || "",
    title: post.title,
    titleWidth: titleWidth(post.title),
    slug: post.slug,
    permalink: `${siteUrl.replace(/\/$/, "")}/${post.slug}/`,
    locale: "en_US",
  });
}

// {identifier: {score, text}} for every assessment that applies to the post. `keep`: words to take out of
// Yoast's function-word list for this run (they then count as content words of the keyphrase).
function assess(post, focus, usedKeywords, siteUrl, keep = []) {
  const paper = paperFor(post, focus, siteUrl);
  const researcher = new Researcher(paper);
  researcher.addResearch("keyphraseDistribution", keyphraseDistributionResearch);
  if (keep.length) {
    researcher.config.functionWords = researcher.config.functionWords.filter((w) => !keep.includes(w.toLowerCase()));
  }
  const out = {};
  const seo = new SeoAssessor(researcher);
  seo.addAssessment("keyphraseDistribution", new KeyphraseDistribution());
  const content = new ContentAssessor(researcher);
  for (const assessor of [seo, content]) {
    assessor.assess(paper);
    for (const result of assessor.getValidResults()) {
      out[result.getIdentifier()] = { score: result.getScore(), text: plain(result.getText()) };
    }
  }
  const seoScores = seo.getValidResults().map((r) => r.getScore());
  if (focus.keyphrase) {
    const app = { registerAssessment() {} };
    const used = new PreviouslyUsedKeywords(app, { usedKeywords, usedKeywordsPostTypes: {}, searchUrl: "", postUrl: "" });
    const result = used.assess(paper);
    out.previouslyUsedKeywords = { score: result.getScore(), text: plain(result.getText()) };
    seoScores.push(result.getScore());
  }
  // The traffic lights of the post as a whole: the SEO score (0-100) and the readability score (30, 60 or 90),
  // read as Yoast reads them (a score above 70 is good, above 40 ok).
  const seoTotal = Math.round((100 * seoScores.reduce((a, b) => a + b, 0)) / (9 * seoScores.length)) || 0;
  out.rating = { seo: band(seoTotal), readability: band(content.calculateOverallScore()) };
  return out;
}

function band(score) {
  return score > 70 ? "good" : score > 40 ? "ok" : "poor";
}

function plain(html) {
  return html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
}

// The same in a fresh process: Yoast memoises what it works out from a keyphrase, so a run with other settings
// (straight apostrophes, another function-word list) must not share a process with the first.
function assessApart(post, focus, usedKeywords, siteUrl, keep = []) {
  const input = JSON.stringify({ post, focus, usedKeywords, siteUrl, keep });
  return JSON.parse(execFileSync(process.execPath, [__filename], { input, encoding: "utf8", maxBuffer: 16 << 20 }));
}

if (require.main === module) {
  const args = JSON.parse(require("fs").readFileSync(0, "utf8"));
  process.stdout.write(JSON.stringify(assess(args.post, args.focus, args.usedKeywords, args.siteUrl, args.keep)));
}

module.exports = { assess, assessApart, titleWidth, yoastContentWords };
