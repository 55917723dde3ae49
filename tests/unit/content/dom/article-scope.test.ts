// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleRoots } from '../../../../content/dom/article-scope';
import { segments } from '../../../../content/dom/text-walk';

const PROSE = 'Tổng thống Nga Vladimir Putin cho biết cuộc gặp diễn ra trong bầu không khí thân thiện. '.repeat(4);

function page(body: string): Document {
  document.body.innerHTML = body;
  return document;
}

const read = (doc: Document) => articleRoots(doc).flatMap((root) => [...segments(root, null)].map((s) => s.text.trim()).filter(Boolean));

describe('articleRoots', () => {
  it('prefers schema.org markup, then a CMS body, then article, then main', () => {
    expect(
      articleRoots(page(`<main><article><div itemprop="articleBody"><p>${PROSE}</p></div></article></main>`))[0]!.getAttribute('itemprop'),
    ).toBe('articleBody');
    expect(articleRoots(page(`<main><div class="fck_detail"><p>${PROSE}</p></div></main>`))[0]!.className).toBe('fck_detail');
    expect(articleRoots(page(`<main><article><p>${PROSE}</p></article><aside>x</aside></main>`))[0]!.localName).toBe('article');
    expect(articleRoots(page(`<main><p>${PROSE}</p></main>`))[0]!.localName).toBe('main');
    expect(articleRoots(page(`<div><p>${PROSE}</p></div>`))[0]!.localName).toBe('body');
  });

  it('passes over a container with too little text to be the article', () => {
    expect(articleRoots(page(`<article><p>Tin ngắn</p></article><div><p>${PROSE}</p></div>`))[0]!.localName).toBe('body');
  });

  it('takes every article of a page with several, the outermost only', () => {
    const roots = articleRoots(
      page(`<article><p>${PROSE}</p><article><p>${PROSE}</p></article></article><article><p>${PROSE}</p></article>`),
    );
    expect(roots).toHaveLength(2);
  });

  it('never reads navigation, sidebars, footers or the masthead', () => {
    const doc = page(`
      <header><a>Putin</a></header><nav><a>Biden</a></nav>
      <div><h1>Tiêu đề</h1><p>Nội dung</p><aside>Tin khác</aside><div role="navigation">Menu</div></div>
      <footer>Bản quyền</footer>`);
    expect(read(doc)).toEqual(['Tiêu đề', 'Nội dung']);
  });

  it('keeps the headline in an article’s own header', () => {
    const doc = page(`<article><header><h1>Tiêu đề</h1></header><p>${PROSE}</p><footer>Thẻ</footer></article>`);
    expect(read(doc)).toEqual(['Tiêu đề', PROSE.trim()]);
  });
});

describe('segments', () => {
  const texts = (html: string) => {
    document.body.innerHTML = html;
    return [...segments(document.body, null)].map((s) => s.text);
  };

  it('joins the text of one block across inline tags', () => {
    expect(texts('<p>Tổng thống <b>Vladimir</b> <i>Putin</i> nói.</p><p>Hai</p>')).toEqual(['Tổng thống Vladimir Putin nói.', 'Hai']);
  });

  it('breaks a block at a line break, a rule or an image, however deep', () => {
    expect(texts('<p>Tổng thống<br>Putin</p>')).toEqual(['Tổng thống', 'Putin']);
    expect(texts('<p>Tổng <b>thống<img alt=""></b> Putin</p>')).toEqual(['Tổng thống', ' Putin']);
    expect(texts('<div>Một<hr>Hai <span>ba</span></div>')).toEqual(['Một', 'Hai ba']);
  });

  it('starts a new segment at every block inside another', () => {
    expect(texts('<div>Trước <p>giữa</p> sau</div>')).toEqual(['Trước ', 'giữa', ' sau']);
  });

  it('reads nothing inside fields, code, editable regions or its own host', () => {
    document.body.innerHTML =
      '<p>a <code>b</code> c</p><textarea>d</textarea><div contenteditable="true">e</div><aside>f</aside><div id="own"><p>g</p></div>';
    const own = document.getElementById('own');
    expect([...segments(document.body, own)].map((s) => s.text)).toEqual(['a ', ' c']);
  });
});
