// Which smpseo rules answer each Yoast assessment, and who is right where the two disagree.
//
// A verdict is "flags" or "passes". Yoast flags when an assessment scores below 8 (orange or red), smpseo when
// any of the mapped rules has a finding on the post. Where they differ, the first rule below that applies decides;
// README.md lists the same rules with their reasons.
"use strict";

const MAPPING = {
  keyphraseInSEOTitle: ["SEO203", "SEO221"],
  introductionKeyword: ["SEO205"],
  slugKeyword: ["SEO204"],
  metaDescriptionKeyword: ["SEO208", "SEO206"],
  metaDescriptionLength: ["SEO207", "SEO206"],
  subheadingsKeyword: ["SEO209"],
  imageKeyphrase: ["SEO210", "SEO219"],
  keyphraseDensity: ["SEO212"],
  keyphraseDistribution: ["SEO213"],
  keyphraseLength: ["SEO202"],
  functionWordsInKeyphrase: ["SEO202"],
  images: ["SEO219"],
  externalLinks: ["SEO220"],
  internalLinks: ["SEO218"],
  textCompetingLinks: ["SEO214"],
  singleH1: ["SEO217"],
  titleWidth: ["SEO216"],
  textLength: ["RD107"],
  subheadingsTooLong: ["RD103"],
  textParagraphTooLong: ["RD102"],
  textSentenceLength: ["RD101"],
  passiveVoice: ["RD104"],
  textTransitionWords: ["RD105"],
  sentenceBeginnings: ["RD106"],
  previouslyUsedKeywords: ["SITE401", "SITE402"],
};

// Assessments that read the focus keyphrase.
const USES_KEYPHRASE = new Set(["keyphraseInSEOTitle", "introductionKeyword", "slugKeyword", "metaDescriptionKeyword",
  "subheadingsKeyword", "imageKeyphrase", "keyphraseDensity", "keyphraseDistribution", "keyphraseLength",
  "functionWordsInKeyphrase", "textCompetingLinks", "previouslyUsedKeywords"]);

// Assessments that Yoast Premium matches word forms in (all its keyphrase assessments but the keyphrase length
// and the previously used keyphrase).
const WORD_FORMS = new Set([...USES_KEYPHRASE].filter((a) => !["keyphraseLength", "functionWordsInKeyphrase",
  "previouslyUsedKeywords"].includes(a)));
// Assessments that count sentences (Yoast counts subheadings as sentences, smpseo does not).
// The assessments that count sentences, and the text's length, which counts the subheadings' words in Yoast
const SENTENCES = new Set(["textSentenceLength", "passiveVoice", "textTransitionWords", "sentenceBeginnings",
  "keyphraseDistribution", "textLength"]);

// Differences docs/checks.md names as deliberate, each with the condition it covers. A difference counts as
// deliberate only while docs/checks.md's section on Yoast holds `doc`, so the page and the table agree.
const DELIBERATE = [
  {
    doc: "`previouslyUsedKeywords`",
    when: (c) => c.assessment === "previouslyUsedKeywords" && c.mode === "published" && !c.smpseoFlags,
    why: "an inferred keyphrase every post shares is the blog's main target, not cannibalisation",
  },
  {
    doc: "keyphrases that are one through a synonym",
    when: (c) => c.assessment === "previouslyUsedKeywords" && c.smpseoFlags && c.yoast.score >= 8
      && c.hits.some((h) => /are synonyms\)/.test(h.message)),
    why: "two keyphrases that are one through a synonym answer the same search; Yoast compares them as written",
  },
  {
    doc: "`subheadingsKeyword`",
    when: (c) => c.assessment === "subheadingsKeyword" && !c.smpseoFlags && /too much|over-optimi/i.test(c.yoast.text)
      && c.subheadings < 3,
    why: "two subheadings out of two that name the topic are not over-optimised",
  },
  {
    doc: "headings and table cells are not sentences",
    when: (c) => SENTENCES.has(c.assessment) && (c.variant("noHeadings") === c.smpseoFlags
      || c.variant("noHeadingsOneWordOnce") === c.smpseoFlags || c.variant("noHeadingsNoTables") === c.smpseoFlags),
    why: "Yoast counts subheadings and table cells as sentences; without them its verdict is smpseo's",
  },
];

const RULES = [
  {
    id: "R1",
    name: "Yoast judged another keyphrase",
    test: (c) => USES_KEYPHRASE.has(c.assessment) && c.yoastWords.length < c.smpseoWords.length
      && c.variant("wholeKeyphrase") === c.smpseoFlags,
    right: "smpseo",
    why: (c) => `Yoast's function-word list keeps only '${c.yoastWords.join(" ")}' of '${c.keyphrase}'; ` +
      "with the whole keyphrase its verdict is smpseo's",
  },
  {
    id: "R2",
    name: "typographic quotes",
    test: (c) => c.variant("straight") === c.smpseoFlags,
    right: "smpseo",
    why: () => "Yoast's verdict turns when curly apostrophes and quotes are made straight (it misses \u2019s)",
  },
  {
    id: "R3",
    name: "word forms",
    test: (c) => WORD_FORMS.has(c.assessment) && c.variant("wordForms") === c.smpseoFlags,
    right: "smpseo",
    why: () => "Yoast's free engine matches exact forms only; with the keyphrase's word forms spelt as in the " +
      "keyphrase (what Yoast Premium matches) its verdict is smpseo's",
  },
  {
    id: "R4",
    name: "a word counted twice",
    test: (c) => USES_KEYPHRASE.has(c.assessment) && c.variant("oneWordOnce") === c.smpseoFlags,
    right: "smpseo",
    why: () => "a synonym's phrase repeats a word (\"hair tattoo hair follicles\") and Yoast counts one word in the " +
      "text for both; with the word written once its verdict is smpseo's",
  },
  {
    id: "R5",
    name: "template tags",
    test: (c) => c.variant("rendered") === c.smpseoFlags,
    right: "smpseo",
    why: () => "Yoast reads the template tags as written; with each rendered (a tag that outputs a quoted path " +
      "replaced by that path) its verdict is smpseo's",
  },
  {
    id: "R6",
    name: "named in docs/checks.md",
    test: (c) => c.deliberate !== undefined,
    right: "deliberate",
    why: (c) => c.deliberate.why,
  },
  {
    id: "R7",
    name: "Yoast's documented criterion",
    test: () => true,
    right: "yoast",
    why: () => "smpseo misses Yoast's documented criterion (SCORING SEO.md / SCORING READABILITY.md)",
  },
];

function deliberate(c, docs) {
  return DELIBERATE.find((d) => docs.includes(d.doc) && d.when(c));
}

// {rule, right, why} for a disagreement.
function judge(c, docs) {
  c.deliberate = deliberate(c, docs);
  const rule = RULES.find((r) => r.test(c));
  return { rule: rule.id, right: rule.right, why: rule.why(c) };
}

module.exports = { MAPPING, RULES, USES_KEYPHRASE, judge };
