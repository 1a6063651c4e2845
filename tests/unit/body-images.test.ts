import { describe, expect, it } from 'vitest';
import { bodyImages } from '#lib/body-images.ts';

// The figures as the body's components write them (scoped-style attributes included).
const mdxFigure = `<figure class="figure" data-astro-cid-x><img src="/_astro/tea.B1_Z1.webp" srcset="/_astro/tea.B1_Z1.webp 640w" alt="چای" width="640" height="427" loading="lazy"><figcaption class="media-caption" data-astro-cid-y><span class="media-caption__text" data-astro-cid-y>چایخانهٔ &quot;تحریریه&quot;</span> <span class="media-caption__credit" data-astro-cid-y data-pagefind-ignore>عکس: علی رضایی</span></figcaption></figure>`;
const gallery = `<figure class="gallery"><ul><li><figure class="gallery-item__figure"><a href="/_astro/a.webp"><img src="/_astro/a_s.webp" alt="الف" width="400" height="300"></a><figcaption class="media-caption"><span class="media-caption__text">فرش‌ها</span></figcaption></figure></li><li><figure class="gallery-item__figure"><a href="/_astro/b.webp"><img src="/_astro/b_s.webp" alt="ب" width="400" height="300"></a><figcaption class="media-caption"><span class="media-caption__credit" data-pagefind-ignore>عکس: سارا احمدی</span></figcaption></figure></li></ul><figcaption>گشتی در بازار</figcaption></figure>`;
const markdownFigure = `<figure class="body-figure"><img src="/_astro/lamps.webp" alt="فانوس"><figcaption class="body-figure__credit" data-pagefind-ignore>عکس: مریم کریمی</figcaption></figure>`;

describe('bodyImages: the pictures of a body with their captions and credits', () => {
  it('reads an MDX <Figure>: address, size, caption and the credited name without «عکس:»', () => {
    expect(bodyImages(`<p>متن</p>${mdxFigure}`)).toEqual([
      { src: '/_astro/tea.B1_Z1.webp', width: 640, height: 427, caption: 'چایخانهٔ "تحریریه"', credit: 'علی رضایی' },
    ]);
  });

  it('reads each picture of a gallery with its own caption or credit, not the gallery caption', () => {
    expect(bodyImages(gallery)).toEqual([
      { src: '/_astro/a_s.webp', width: 400, height: 300, caption: 'فرش‌ها' },
      { src: '/_astro/b_s.webp', width: 400, height: 300, credit: 'سارا احمدی' },
    ]);
  });

  it('reads a credited Markdown picture', () => {
    expect(bodyImages(markdownFigure)).toEqual([
      { src: '/_astro/lamps.webp', width: undefined, height: undefined, credit: 'مریم کریمی' },
    ]);
  });

  it('leaves out pictures outside a figure, and gives nothing for a body without pictures', () => {
    expect(bodyImages(`<p><img src="/_astro/inline.webp" alt=""></p>${markdownFigure}`).map((i) => i.src)).toEqual([
      '/_astro/lamps.webp',
    ]);
    expect(bodyImages('<p>متن بی‌عکس</p>')).toEqual([]);
  });

  it('does not take the caption of a later figure for a picture whose figure has none', () => {
    const bare = '<figure class="figure"><img src="/_astro/x.webp" alt="x"></figure>';
    expect(bodyImages(bare + mdxFigure)[0]).toEqual({ src: '/_astro/x.webp', width: undefined, height: undefined });
  });
});
