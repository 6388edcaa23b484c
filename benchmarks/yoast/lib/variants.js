// Yoast re-run on a variant of a post, to test why it disagrees with smpseo: each variant changes one thing, and
// if Yoast's verdict then becomes smpseo's, that one thing was the cause. Each runs in a fresh process and only
// when a disagreement asks for it.
"use strict";

const yoast = require("./yoast");
const smpseo = require("./smpseo");

function straight(text) {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

// Template tags as the site's generator renders them: a tag that outputs a quoted string (`{{ "/about/" | url }}`)
// becomes that string, and the others are left out; null when the post has none.
function rendered(text) {
  return text.replace(/\{\{-?\s*(["'])([^"'\n{}]*)\1\s*(?:\|[^{}\n]*)?-?\}\}/g, "$2")
    .replace(/\{\{[^{}]*\}\}|\{%[^{}]*%\}/g, "");
}

// name -> (post, focus, context) -> [post, focus, words Yoast must count as content words] or null (not useful)
const MAKERS = {
  // template tags rendered (Yoast is handed the raw Markdown: `[a]({{ "/x/" | url }})` is no link to it)
  rendered: (post, focus) => (rendered(post.body) === post.body ? null
    : [{ ...post, body: rendered(post.body) }, focus, []]),
  // curly apostrophes and quotes made straight
  straight: (post, focus) => [{ ...post, title: straight(post.title), body: straight(post.body) },
    { ...focus, description: straight(focus.description), keyphrase: straight(focus.keyphrase) }, []],
  // the words Yoast's function-word list drops from the keyphrase counted as content words
  wholeKeyphrase: (post, focus, ctx) => {
    const dropped = ctx.smpseoWords.filter((w) => !ctx.yoastWords.includes(w));
    return dropped.length ? [post, focus, dropped] : null;
  },
  // every word form of a keyphrase word (by smpseo's Snowball stemmer) written as the keyphrase spells it: what
  // Yoast Premium's word forms would match
  wordForms: (post, focus, ctx) => {
    const [title, body, description, slug] = smpseo.alignForms(ctx.python, focus.keyphrase,
      [post.title, post.body, focus.description, post.slug.replace(/-/g, " ")]);
    return [{ ...post, title, body, slug: slug.replace(/ /g, "-") }, { ...focus, description }, []];
  },
  // each synonym's phrase with a repeated word written once ("hair tattoo hair follicles" -> "hair tattoo
  // follicles"): Yoast counts a repeated word once for each time the phrase has it
  oneWordOnce: (post, focus) => {
    const once = focus.synonyms.map((s) => [...new Set(s.split(/\s+/))].join(" "));
    return once.join() === focus.synonyms.join() ? null : [post, { ...focus, synonyms: once }, []];
  },
  // subheadings taken out: Yoast counts them as sentences, smpseo does not
  noHeadings: (post, focus) => [withoutHeadings(post), focus, []],
  // neither subheadings nor tables: Yoast counts each table cell as a sentence too
  noHeadingsNoTables: (post, focus) => [withoutTables(withoutHeadings(post)), focus, []],
  // both: subheadings taken out, and a repeated word of a synonym's phrase written once (the latter a Yoast error,
  // corrected so that the subheadings are tested alone)
  noHeadingsOneWordOnce: (post, focus, ctx) => {
    const once = MAKERS.oneWordOnce(post, focus, ctx);
    return once ? [withoutHeadings(post), once[1], []] : null;
  },
};

function withoutHeadings(post) {
  return { ...post, body: post.body.replace(/^#{1,6} .*$/gm, "") };
}

// A Markdown table is a run of lines that start with "|".
function withoutTables(post) {
  return { ...post, body: post.body.replace(/^[ \t]*\|.*$/gm, "") };
}

class Variants {
  constructor(post, focus, used, siteUrl, ctx) {
    Object.assign(this, { post, focus, used, siteUrl, ctx });
    this.results = {};
  }

  // Whether Yoast flags `assessment` on the variant `name` (undefined: variant not applicable or not assessed).
  flags(name, assessment) {
    if (!(name in this.results)) {
      const made = MAKERS[name](this.post, this.focus, this.ctx);
      this.results[name] = made ? yoast.assessApart(made[0], made[1], this.used, this.siteUrl, made[2]) : null;
    }
    const result = this.results[name] && this.results[name][assessment];
    return result ? result.score < 8 : undefined;
  }
}

module.exports = { Variants };
