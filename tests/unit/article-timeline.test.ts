import { describe, expect, it } from 'vitest';
import {
  correctionsNewestFirst,
  isLiveNow,
  lastModified,
  liveUpdatesNewestFirst,
  newestCorrectionDate,
  recentCorrections,
  type TimelineData,
} from '../../src/lib/article-timeline';
import { futureTimelineProblems, timelineOrderProblems } from '../../src/lib/content/timeline';
import { fromTehranJalali } from '../../src/lib/dates/jalali';
import { timelineFeedHtml } from '../../src/lib/feeds/timeline-html';

/** 1405/09/<day> <hour>:<minute> in Tehran. */
const azar = (day: number, hour = 0, minute = 0) => fromTehranJalali({ year: 1405, month: 9, day }, hour, minute);

const base: TimelineData = { date: azar(10, 8), corrections: [], live: false, updates: [] };

describe('lastModified', () => {
  it('is undefined for a story that never changed', () => {
    expect(lastModified(base)).toBeUndefined();
  });

  it('follows the latest of updated, the corrections and the live updates', () => {
    expect(lastModified({ ...base, updated: azar(10, 9) })).toEqual(azar(10, 9));
    const corrected = {
      ...base,
      updated: azar(10, 9),
      corrections: [
        { date: azar(11, 7), text: 'a' },
        { date: azar(10, 12), text: 'b' },
      ],
    };
    expect(lastModified(corrected)).toEqual(azar(11, 7));
    const live = { ...corrected, live: true, updates: [{ date: azar(12, 6), text: 'c' }] };
    expect(lastModified(live)).toEqual(azar(12, 6));
  });
});

describe('isLiveNow', () => {
  it('is true for a live page until liveEnded is set', () => {
    expect(isLiveNow({ live: false })).toBe(false);
    expect(isLiveNow({ live: true })).toBe(true);
    expect(isLiveNow({ live: true, liveEnded: azar(11) })).toBe(false);
  });
});

describe('anchors', () => {
  it('orders updates newest first, each anchored by its Tehran Jalali time', () => {
    const updates = liveUpdatesNewestFirst([
      { date: azar(10, 8, 5), text: 'first' },
      { date: azar(10, 18, 40), text: 'third' },
      { date: azar(10, 9, 0), text: 'second' },
    ]);
    expect(updates.map((u) => [u.text, u.anchor])).toEqual([
      ['third', 'update-14050910-1840'],
      ['second', 'update-14050910-0900'],
      ['first', 'update-14050910-0805'],
    ]);
  });

  it('numbers updates of one minute from the oldest (the lowest in the file), so a new one on top moves no anchor', () => {
    const two = [
      { date: azar(10, 9), text: 'b' },
      { date: azar(10, 9), text: 'a' },
    ];
    expect(liveUpdatesNewestFirst(two).map((u) => [u.text, u.anchor])).toEqual([
      ['b', 'update-14050910-0900-2'],
      ['a', 'update-14050910-0900'],
    ]);
    const three = [{ date: azar(10, 9), text: 'c' }, ...two];
    expect(liveUpdatesNewestFirst(three).map((u) => [u.text, u.anchor])).toEqual([
      ['c', 'update-14050910-0900-3'],
      ['b', 'update-14050910-0900-2'],
      ['a', 'update-14050910-0900'],
    ]);
  });

  it('anchors corrections as correction-…', () => {
    expect(correctionsNewestFirst([{ date: azar(11, 7, 30), text: 'x' }])[0]!.anchor).toBe('correction-14050911-0730');
  });
});

describe('recentCorrections', () => {
  const story = (id: number, title: string, corrections: TimelineData['corrections']) => ({
    id,
    path: `/news/${id}/s/`,
    data: { title, corrections },
  });

  it('lists every story’s corrections newest first, linked to their anchors, capped', () => {
    const articles = [
      story(2, 'دو', [{ date: azar(12, 10), text: 'دوم' }]),
      story(1, 'یک', [
        { date: azar(11, 10), text: 'اول' },
        { date: azar(13, 9), text: 'سوم' },
      ]),
      story(3, 'سه', []),
    ];
    expect(recentCorrections(articles)).toEqual([
      { title: 'یک', href: '/news/1/s/#correction-14050913-0900', date: azar(13, 9), text: 'سوم' },
      { title: 'دو', href: '/news/2/s/#correction-14050912-1000', date: azar(12, 10), text: 'دوم' },
      { title: 'یک', href: '/news/1/s/#correction-14050911-1000', date: azar(11, 10), text: 'اول' },
    ]);
    expect(recentCorrections(articles, 1).map((entry) => entry.text)).toEqual(['سوم']);
    expect(recentCorrections([story(3, 'سه', [])])).toEqual([]);
    expect(newestCorrectionDate(articles)).toEqual(recentCorrections(articles, 1)[0]!.date);
    expect(newestCorrectionDate(articles)).toEqual(azar(13, 9));
    expect(newestCorrectionDate([story(3, 'سه', [])])).toBeUndefined();
  });
});

describe('timeline rules', () => {
  it('refuses corrections and updates before the story, updates without live, an end before the last update', () => {
    const issues = timelineOrderProblems({
      date: azar(10, 8),
      corrections: [{ date: azar(10, 9) }, { date: azar(9, 23) }],
      live: false,
      updates: [{ date: azar(10, 7) }, { date: azar(10, 20) }],
      liveEnded: azar(10, 19),
    });
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'corrections.1.date',
      'updates.0.date',
      'updates',
      'liveEnded',
      'liveEnded',
    ]);
    expect(issues[2]!.message).toMatch(/add live: true/);
    expect(issues[4]!.message).toMatch(/earlier than the newest update/);
    expect(
      timelineOrderProblems({ date: azar(10, 8), corrections: [], live: true, updates: [{ date: azar(10, 8) }] }),
    ).toEqual([]);
  });

  it('refuses corrections, updates and an end dated after the build’s now, with the fix', () => {
    const now = azar(11, 12);
    const problems = futureTimelineProblems(
      {
        date: azar(10, 8),
        corrections: [{ date: azar(11, 11) }, { date: azar(11, 13) }],
        live: true,
        updates: [{ date: azar(12) }],
        liveEnded: azar(12, 1),
      },
      'content/articles/a.md',
      now,
    );
    expect(problems.map((p) => p.field)).toEqual(['corrections.1.date', 'updates.0.date', 'liveEnded']);
    expect(problems[0]).toMatchObject({
      file: 'content/articles/a.md',
      message: /is in the future/,
      fix: /write the time it was made/,
    });
    // A scheduled story is checked when it is published.
    expect(
      futureTimelineProblems({ date: azar(12), corrections: [{ date: azar(13) }], live: false, updates: [] }, 'f', now),
    ).toEqual([]);
  });
});

describe('timelineFeedHtml', () => {
  const labels = { liveUpdates: 'به‌روزرسانی‌ها', correction: 'اصلاحیه' };
  const url = 'https://example.org/news/5/live/';

  it('is empty for a story without updates or corrections', () => {
    expect(timelineFeedHtml(base, url, labels)).toBe('');
  });

  it('carries the updates newest first, linked to their anchors, then the corrections, all escaped', () => {
    const html = timelineFeedHtml(
      {
        ...base,
        live: true,
        updates: [
          { date: azar(10, 9), text: 'نخست <b>پررنگ</b>\n\nبند دوم' },
          { date: azar(10, 18, 40), title: 'تیتر & تازه', text: 'دوم' },
        ],
        corrections: [{ date: azar(11, 7), text: 'نام <درست>' }],
      },
      url,
      labels,
    );
    expect(html.indexOf('update-14050910-1840')).toBeLessThan(html.indexOf('update-14050910-0900'));
    expect(html).toContain(`<a href="${url}#update-14050910-1840"><time datetime="2026-12-01T18:40:00+03:30">`);
    expect(html).toContain('تیتر &amp; تازه');
    expect(html).toContain('<p>نخست &lt;b&gt;پررنگ&lt;/b&gt;</p><p>بند دوم</p>');
    expect(html).toContain('<h2>اصلاحیه</h2>');
    expect(html).toContain('نام &lt;درست&gt;');
    expect(html).not.toContain('<b>');
  });

  it('leaves out the updates of a page that is not live', () => {
    expect(timelineFeedHtml({ ...base, updates: [{ date: azar(10, 9), text: 'x' }] }, url, labels)).toBe('');
  });
});
