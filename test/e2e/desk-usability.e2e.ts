// The border desk from the walk-through (issue 19), in Chromium: nationality, sex and year of birth typed once
// for the whole group and overridden per person with one keystroke sequence; keyboard focus never drops to the
// page after "one line per person", "Add a person", removing a line or recording; every control of the form at
// least 44 × 44 px on a tablet held upright (768 px); the confirmation marks who asked for international
// protection and who is an unaccompanied minor, with the obligations that follow and their articles.
// Screenshots at 768 px and at the desktop width. Synthetic persons only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseViewBody } from '../../src/api/contract.ts';
import { check, startWebApp, type WebApp } from './app.ts';
import { screenshot } from './browser.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;

beforeAll(async () => {
  app = await startWebApp(START);
});

afterAll(async () => {
  await app?.close();
});

/** What has the keyboard focus: its tag and its accessible name (aria-label, else its text). */
const focused = (page: Page) =>
  // a string evaluated in the page (the test's TypeScript has no DOM types)
  page.evaluate<{ tag: string; name: string }>(`(() => {
    const e = document.activeElement;
    return { tag: e ? e.tagName.toLowerCase() : '', name: e ? (e.getAttribute('aria-label') ?? e.textContent.trim()) : '' };
  })()`);

/** The visible controls of the desk form smaller than 44 × 44 px (a checkbox counts with its label). */
const smallTargets = (page: Page) =>
  page.evaluate<string[]>(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('form.desk-form :is(input, select, button, textarea, a[href])')) {
      const own = el.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue; // not shown
      const target = el.type === 'checkbox' || el.type === 'radio' ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent.trim().slice(0, 30);
      if (r.width < 44 || r.height < 44)
        out.push(el.tagName.toLowerCase() + '[' + name + '] ' + Math.round(r.width) + '×' + Math.round(r.height));
    }
    return out;
  })()`);

describe('the border desk from the walk-through', () => {
  it('the whole group IQ / male / 1990, three lines, person 2 SY in one keystroke sequence; focus; 44 px targets; the confirmation', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByLabel('Place').selectOption({ label: 'Medininkai – Kamenny Log (road)' });
    await page.getByLabel('Nationality of the whole group').pressSequentially('IQ');
    await page.getByLabel('Sex of the whole group').selectOption('male');
    await page.getByLabel('Year of birth of the whole group').pressSequentially('1990');
    await page.getByLabel('Group size').fill('3');

    // "one line per person": the focus goes to the first new line's nationality (line 1 was there already)
    await page.getByRole('button', { name: 'One line per person (3)' }).click();
    expect(await focused(page)).toEqual({ tag: 'input', name: 'Nationality of person 2' });
    // the lines show the group's values, greyed, until their own is typed: the typing goes to person 2
    await page.keyboard.type('SY');
    const nat = (n: number) => page.getByLabel(`Nationality of person ${n}`, { exact: true });
    expect(await nat(2).inputValue()).toBe('SY');
    for (const n of [1, 3]) {
      expect(await nat(n).inputValue()).toBe('');
      expect(await nat(n).getAttribute('placeholder')).toBe('IQ');
      expect(await nat(n).getAttribute('class')).toContain('inherited');
    }
    expect(await page.getByLabel('Sex of person 3').inputValue()).toBe('');
    expect(await page.getByLabel('Sex of person 3').locator('option:checked').innerText()).toBe('↑ male');
    // a cell cleared returns to the group's value
    await nat(1).fill('AF');
    await nat(1).fill('');
    expect(await nat(1).getAttribute('placeholder')).toBe('IQ');

    // born 1990 (the group's year): 35 at the youngest in 2026, not a minor; person 3 born 2012 is 13 at the
    // youngest (2026 - 2012 - 1): "minor" ticks by itself
    expect(await page.getByLabel('Person 1 is a minor').isChecked()).toBe(false);
    await page.getByLabel('Year of birth of person 3').pressSequentially('2012');
    expect(await page.getByLabel('Person 3 is a minor').isChecked()).toBe(true);
    await page.getByLabel('Person 3 is an unaccompanied minor').check();
    await page.getByLabel('Person 3 asks for asylum').check();
    await page.getByLabel('Person 1 asks for asylum').check();

    // "Add a person" moves the focus to the new line; removing it, to the line before
    await page.getByRole('button', { name: 'Add a person' }).click();
    expect(await focused(page)).toEqual({ tag: 'input', name: 'Nationality of person 4' });
    await page.getByRole('button', { name: 'Remove person 4' }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toEqual({ tag: 'input', name: 'Nationality of person 3' });
    await check(page, 'desk-group-desktop');

    // a tablet held upright: nothing to scroll sideways, every control at least 44 × 44 px (the identity part
    // of a line open too)
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Identity of person 1 (optional)' }).click();
    await screenshot(page, 'desk-group-768');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    const small = await smallTargets(page);
    expect(small, `controls under 44 × 44 px at 768 px: ${small.join('; ')}`).toEqual([]);
    await check(page, 'desk-group-768-axe');
    await page.getByRole('button', { name: 'Identity of person 1 (optional)' }).click();

    await page.getByRole('button', { name: 'Record encounter' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Recorded:' });
    await status.getByText('Recorded: 3 person(s) identified').waitFor();
    // the focus is on the answer's heading: the guard reads who was recorded and what follows
    expect(await focused(page)).toEqual({
      tag: 'h2',
      name: 'Recorded: 3 person(s) identified, 0 counted only.',
    });
    await screenshot(page, 'desk-recorded-768');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    expect(await smallTargets(page), 'controls under 44 × 44 px at 768 px, after recording').toEqual([]);

    const lines = status.locator('ul.desk-recorded > li');
    expect(await lines.count()).toBe(3);
    const [p1, p2, p3] = [
      await lines.nth(0).innerText(),
      await lines.nth(1).innerText(),
      await lines.nth(2).innerText(),
    ];
    // the marks, in words
    expect(p1).toContain('Asked for international protection');
    expect(p1).not.toContain('Unaccompanied minor');
    expect(p2).not.toContain('Asked for international protection');
    expect(p2).not.toContain('Unaccompanied minor');
    expect(p3).toContain('Asked for international protection');
    expect(p3).toContain('Unaccompanied minor');
    // screened (an irregular crossing): registration only once the screening has ended, APR Art. 27(7) — named
    // without a time
    for (const p of [p1, p3])
      expect(p).toContain(
        'Registration of the application, once the screening has ended (APR Art. 27(1) and (7))',
      );
    expect(p2).not.toContain('Registration of the application');
    // the unaccompanied minor: a representative or a trained person during the screening "as soon as
    // possible" (Screening Regulation Art. 13(3)), and a representative within 15 working days of the
    // application (APR Art. 23(2)(b)): from Wednesday 9 December (not counted, Reg. 1182/71 Art. 3(1)) the
    // working days are 10, 11, 14–18, 21–23 December (10), 28–31 December (14; 24–26 December are Lithuanian
    // public holidays), 4 January (15; 1 January a holiday): due by Monday 4 January 2027, 24:00
    expect(p3).toContain('as soon as possible (Screening Regulation Art. 13(3))');
    expect(p3).toMatch(
      /Representative of an unaccompanied minor due by 4 Jan( 2027)?, 24:00 \(APR Art\. 23\(2\)\(b\)\)/,
    );
    expect(p1).not.toContain('Screening Regulation Art. 13(3)');
    expect(p1).not.toContain('Representative of an unaccompanied minor');

    // the server holds the effective values: IQ, SY, IQ; 1990, 1990, 2012; male for all
    const ids = await Promise.all(
      (await status.locator('ul.desk-recorded > li > a').all()).map(
        async (a) => (await a.getAttribute('href'))?.split('/').pop() ?? '',
      ),
    );
    const persons = await Promise.all(
      ids.map(
        async (id) =>
          ((await (await page.request.get(`${app.base}/api/cases/${id}`)).json()) as CaseViewBody).person,
      ),
    );
    expect(persons.map((p) => p.nationality)).toEqual(['IQ', 'SY', 'IQ']);
    expect(persons.map((p) => p.birthYear)).toEqual([1990, 1990, 2012]);
    expect(persons.map((p) => p.sex)).toEqual(['male', 'male', 'male']);
    expect(persons.map((p) => [p.minor, p.unaccompanied])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    await check(page, 'desk-recorded-768-axe');
    await page.setViewportSize({ width: 1180, height: 820 });
    await check(page, 'desk-recorded-desktop');

    // the next group starts from an empty group row and one line
    expect(await page.getByLabel('Nationality of the whole group').inputValue()).toBe('');
    expect(await page.getByLabel('Nationality of person 2', { exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('a group year ticks "minor" on the lines taking it; no nationality for the line nor the group: Record is refused and the focus goes to that line', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    // a group year of 2010: 15 at the youngest in 2026 (2026 - 2010 - 1), so every line taking it is ticked
    // "minor", the lines added afterwards too
    await page.getByLabel('Year of birth of the whole group').pressSequentially('2010');
    expect(await page.getByLabel('Person 1 is a minor').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Add a person' }).click();
    expect(await page.getByLabel('Person 2 is a minor').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove person 2' }).click();
    expect(await focused(page)).toEqual({ tag: 'input', name: 'Nationality of person 1' });
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await page.getByText('choose a nationality: a country, XX if unknown or XS if stateless').waitFor();
    expect(await focused(page)).toEqual({ tag: 'input', name: 'Nationality of person 1' });
    // removing the only line: the focus goes to "Add a person", not to the page
    await page.getByRole('button', { name: 'Remove person 1' }).click();
    expect(await focused(page)).toEqual({ tag: 'button', name: 'Add a person' });
    await page.context().close();
  });
});
