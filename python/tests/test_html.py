"""In a notebook: _repr_html_ is the crate's HTML page body, with the article escaped."""

import whosaid


def test_repr_html_escapes_the_article():
    text = '<script>alert("x")</script> & “<b>We</b> will see,” Putin said.'
    doc = whosaid.extract(text)
    html = doc._repr_html_()
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert "&lt;b&gt;We&lt;/b&gt; will see," in html
    assert html.startswith('<div class="whosaid">')
    assert "Vladimir Putin" in html
    assert html == doc.render_html()


def test_page_has_an_escaped_title(seed_text):
    doc = whosaid.extract(seed_text)
    page = doc.render_html_page("Talks <draft>")
    assert page.startswith("<!doctype html>")
    assert "<title>Talks &lt;draft&gt;</title>" in page
    assert doc.render_html() in page


def test_repr_html_of_non_ascii_text():
    text = "Zoë 😀 北京: “Nous verrons,” Macron said."
    html = whosaid.extract(text)._repr_html_()
    assert "Zoë 😀 北京" in html and "Emmanuel Macron" in html
