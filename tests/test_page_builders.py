"""Pages page builders write: Elementor Pro's theme templates (the post in its post-content widget, cards of other
posts around it), Elementor's and the cookie banners' furniture, AMP's images, accordions and FAQ blocks."""

from __future__ import annotations

from smpseo.model.post import HEADING, IMAGE, LIST_ITEM, PARAGRAPH, Image, Link
from smpseo.sources.readers.html import read_html


def _shape(blocks):
    return [(b.kind, b.level, b.line, b.text) for b in blocks]


def _widget(kind: str, inner: str) -> str:
    return (f'<div class="elementor-element elementor-widget elementor-widget-{kind}" data-widget_type="{kind}.default">'
            f'\n<div class="elementor-widget-container">\n{inner}\n</div>\n</div>')


_CARDS = "\n".join(
    f'<{tag} class="elementor-post elementor-grid-item post type-post hentry">\n'
    f'<a class="elementor-post__thumbnail__link" href="/blog/{slug}/"><img src="/img/{slug}-300x200.jpg" alt=""></a>\n'
    f'<h3 class="elementor-post__title"><a href="/blog/{slug}/">{title}</a></h3>\n'
    f'<div class="elementor-post__excerpt"><p>{excerpt}</p></div>\n</{tag}>'
    for tag, slug, title, excerpt in (
        ("article", "smp-for-women", "SMP for women with thinning hair",
         "How density work helps women whose parting shows through, and what a session in our Denver studio costs."),
        ("article", "scar-cover", "Covering a transplant scar",
         "Strip and FUE scars blended into the surrounding hair with pigment, step by step, with healed results.")))


def _theme_builder_page(cards: str) -> str:
    return "\n".join([
        "<html><head><title>Healing after SMP | Mile High SMP</title></head><body>",
        '<div class="elementor elementor-location-header"><p>Mile High SMP</p></div>',  # 3
        '<div class="elementor elementor-location-single post-5 post type-post hentry">',
        _widget("theme-post-title", '<h1 class="elementor-heading-title">Healing after SMP</h1>'),  # 5-9
        _widget("post-info", '<ul class="elementor-post-info"><li>Dana Reyes</li><li>June 3, 2025</li></ul>'),
        _widget("theme-post-content", "\n".join([  # 14-22
            "<p>Healing after scalp micropigmentation takes about a week.</p>",  # 16
            "<h2>The first days</h2>",  # 17
            '<p>Keep the scalp dry. Our <a href="/blog/aftercare/">aftercare guide</a> lists the rest.</p>',  # 18
            '<img src="/img/healed-scalp.jpg" alt="Healed scalp a week after SMP">',  # 19
            "<ul><li>No gym for four days</li><li>No sun for a month</li></ul>"])),  # 20
        _widget("share-buttons", '<div class="elementor-share-btn"><span>Share on Facebook</span></div>'
                '<div class="elementor-share-btn"><span>Share on Pinterest</span></div>'),
        _widget("heading", "<h2>Related Posts</h2>"),
        _widget("posts", f'<div class="elementor-posts-container">\n{cards}\n</div>'),
        "</div>",
        '<div class="elementor elementor-location-footer"><p>Open Tuesday to Saturday in Denver.</p></div>',
        "</body></html>"])


def test_an_elementor_theme_template_is_read_from_its_post_content_widget_not_from_a_related_post_card():
    """Elementor Pro's single-post template holds the post in its post-content widget; the `<article>`s on the page
    are the cards of a posts widget ("Related Posts"), never the post."""
    [post] = read_html(_theme_builder_page(_CARDS), "healing.html")
    assert post.title == "Healing after SMP"
    assert _shape(post.blocks) == [
        (PARAGRAPH, 0, 16, "Healing after scalp micropigmentation takes about a week."),
        (HEADING, 2, 17, "The first days"),
        (PARAGRAPH, 0, 18, "Keep the scalp dry. Our aftercare guide lists the rest."),
        (IMAGE, 0, 19, "Healed scalp a week after SMP"),
        (LIST_ITEM, 0, 20, "No gym for four days"),
        (LIST_ITEM, 0, 20, "No sun for a month")]
    assert post.links == [Link("/blog/aftercare/", "aftercare guide", 18, 28)]
    assert post.images == [Image("/img/healed-scalp.jpg", "Healed scalp a week after SMP", 19)]


def test_elementor_furniture_and_cookie_banners_are_not_the_post():
    """Without the post-content widget (Elementor's own page, in the theme's `<main>`), its widgets of the post's
    furniture are left out as other themes' are: the author and date strip, share buttons, a posts widget (its cards
    `<div>`s), the recent posts of a WordPress widget, the header, footer and popup templates; and cookie banners."""
    cards = _CARDS.replace("<article", "<div").replace("</article>", "</div>")
    page = "\n".join([
        "<html><head><title>Healing after SMP</title></head><body>",
        '<div id="cookie-law-info-bar"><span>We use cookies to give you the best experience.</span></div>',
        '<div class="cky-consent-container"><p>We value your privacy and use cookies on this website.</p></div>',
        '<div id="cmplz-cookiebanner-container"><p>To provide the best experiences, we use cookies.</p></div>',
        "<main>",  # 5
        _widget("post-info", '<ul class="elementor-post-info"><li>Dana Reyes</li><li>June 3, 2025</li></ul>'),
        "<p>Healing after scalp micropigmentation takes about a week in our Denver studio.</p>",  # 11
        "<p>Keep the scalp dry for four days and out of the sun for a month.</p>",  # 12
        _widget("share-buttons", '<div class="elementor-share-btn">Share on Twitter</div>'),
        _widget("posts", f'<div class="elementor-posts-container">\n{cards}\n</div>'),
        _widget("wp-widget-recent-posts", '<h5>Recent Posts</h5><ul><li><a href="/blog/cost/">SMP cost</a></li></ul>'),
        "</main>",
        '<div class="elementor elementor-location-popup"><h2>Get $200 off your first session</h2>'
        "<p>Join our mailing list and we will send you a voucher.</p></div>",
        "</body></html>"])
    [post] = read_html(page, "healing.html")
    assert _shape(post.blocks) == [
        (PARAGRAPH, 0, 11, "Healing after scalp micropigmentation takes about a week in our Denver studio."),
        (PARAGRAPH, 0, 12, "Keep the scalp dry for four days and out of the sun for a month.")]
    assert post.links == [] and post.images == []


def test_an_amp_image_is_the_image_it_shows_not_its_sizer_placeholder():
    """An `<amp-img>` is one image, with its own address and alt text (else its `<noscript>` copy's): never the
    empty `aria-hidden` placeholder AMP sizes it with, nor the copy a second time; in a figure, with its caption."""
    sizer = ('<i-amphtml-sizer slot="i-amphtml-svc" class="i-amphtml-sizer"><img alt="" aria-hidden="true" '
             'class="i-amphtml-intrinsic-sizer" role="presentation" src="data:image/svg+xml;base64,PHN2Zz4="></i-amphtml-sizer>')
    page = "\n".join([
        '<html amp><head><title>SMP in Denver</title></head><body><article class="amp-wp-article">',
        "<p>Our Denver artists match the pigment to your natural hair colour.</p>",  # 2
        '<figure class="wp-block-image"><amp-img width="1024" height="683" src="/img/hairline-denver.jpg"',
        ' alt="Hairline drawn before an SMP session in Denver" layout="intrinsic">',
        f'{sizer}<noscript><img src="/img/hairline-denver.jpg" alt="Hairline drawn before an SMP session in Denver">',
        "</noscript></amp-img><figcaption>The hairline is drawn first.</figcaption></figure>",  # 3-6
        '<p>Healed results: <amp-img width="300" height="200" layout="fixed" src="/img/healed-denver.jpg">',
        f'{sizer}<noscript><img src="/img/healed-denver.jpg" alt="Healed SMP in Denver"></noscript></amp-img></p>',
        "</article></body></html>"])
    [post] = read_html(page, "smp-denver.html")
    assert _shape(post.blocks) == [
        (PARAGRAPH, 0, 2, "Our Denver artists match the pigment to your natural hair colour."),
        (IMAGE, 0, 3, "The hairline is drawn first."),
        (PARAGRAPH, 0, 7, "Healed results:")]
    assert post.images == [
        Image("/img/hairline-denver.jpg", "Hairline drawn before an SMP session in Denver", 3,
              caption="The hairline is drawn first."),
        Image("/img/healed-denver.jpg", "Healed SMP in Denver", 7)]


def test_accordion_and_faq_questions_are_headings_of_their_answers():
    """An accordion's or FAQ block's question written without a heading element (a `<summary>`, Elementor's
    accordion title, Yoast's FAQ question) is a heading of its answer, a level below the heading before the block
    (the post's first questions are `<h2>`s), as Divi's toggles and AMP's accordions write theirs as headings."""
    page = "\n".join([
        "<html><head><title>SMP questions</title></head><body><main>",
        "<details><summary>",  # 2
        '<div class="e-n-accordion-item-title-text">Is SMP permanent?</div>',  # 3
        "</summary><p>It lasts for years, with a touch-up every four to six years.</p></details>",  # 4
        "<h2>Before your session</h2>",  # 5
        '<div class="elementor-accordion"><div class="elementor-accordion-item">',
        '<div class="elementor-tab-title" role="button"><span aria-hidden="true"><i class="fas fa-plus"></i></span>',
        '<a class="elementor-accordion-title" tabindex="0">Should I shave first?</a></div>',  # 8
        '<div class="elementor-tab-content"><p>Yes, shave the morning of your appointment.</p></div>',  # 9
        "</div></div>",
        "<h3>Payment</h3>",  # 11
        '<div class="schema-faq wp-block-yoast-faq-block"><div class="schema-faq-section">',
        '<strong class="schema-faq-question">Do you offer payment plans?</strong>',  # 13
        '<p class="schema-faq-answer">Yes, over six or twelve months.</p></div>',  # 14
        '<div class="schema-faq-section"><strong class="schema-faq-question">Is the consultation free?</strong>',
        '<p class="schema-faq-answer">Yes, always.</p></div></div>',  # 16
        "<details><summary><h3>Can I swim after SMP?</h3></summary><p>After four weeks.</p></details>",  # 17
        "</main></body></html>"])
    [post] = read_html(page, "questions.html")
    assert _shape(post.blocks) == [
        (HEADING, 2, 3, "Is SMP permanent?"),
        (PARAGRAPH, 0, 4, "It lasts for years, with a touch-up every four to six years."),
        (HEADING, 2, 5, "Before your session"),
        (HEADING, 3, 8, "Should I shave first?"),
        (PARAGRAPH, 0, 9, "Yes, shave the morning of your appointment."),
        (HEADING, 3, 11, "Payment"),
        (HEADING, 4, 13, "Do you offer payment plans?"),
        (PARAGRAPH, 0, 14, "Yes, over six or twelve months."),
        (HEADING, 4, 15, "Is the consultation free?"),
        (PARAGRAPH, 0, 16, "Yes, always."),
        (HEADING, 3, 17, "Can I swim after SMP?"),
        (PARAGRAPH, 0, 17, "After four weeks.")]
