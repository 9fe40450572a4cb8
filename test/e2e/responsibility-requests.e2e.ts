// issue 20: "Requests from other states" in Chromium — PL's case officer finds LT's take-charge request (stored
// as PL's inbox stores it) in the list with its days left, opens it, sees the person as sent, is stopped when
// refusing without reasons, and refuses with reasons: the reply to LT is in (a fake of) the outbox and the
// request reads "refused". A border guard has no such screen. Synthetic persons only.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/domain/outgoing.ts';
import { LAW } from '../../src/law/law.ts';
import type { Db } from '../../src/store/database.ts';
import { getRequest, receiveRequest } from '../../src/store/responsibility-requests.ts';
import { PERSON } from '../store/fixtures/responsibility.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

const START = '2026-12-09T08:00:00Z';
let app: WebApp;
let id = '';
const sent: OutgoingMessage[] = [];

beforeAll(async () => {
  app = await startWebApp(START, { places: false });
  Object.assign(app.h.cases.services, {
    outbox: async (_tx: Db, messages: readonly OutgoingMessage[]) => void sent.push(...messages),
  });
  id = await app.h.store.db.transaction(async (tx) => {
    const r = await receiveRequest(
      tx as unknown as Db,
      LAW,
      {
        state: 'PL',
        fromState: 'LT',
        kind: 'take-charge',
        caseRef: randomUUID(),
        messageId: randomUUID(),
        // Monday 7 December 2026 10:00 in Warsaw: 1 month (AMMR Art. 40(1)) to the end of 7 January 2027
        receivedAt: new Date('2026-12-07T10:00:00+01:00'),
        criterion: 'residence-document-or-visa',
        evidence: [{ kind: 'proof', description: 'a Polish visa C, valid until 30 June 2026' }],
        detained: false,
        person: PERSON,
      },
      randomUUID,
    );
    return r.id;
  });
});

afterAll(async () => {
  await app?.close();
});

describe('requests from other states', () => {
  let page: Page;
  beforeAll(async () => {
    page = await app.loginAs('case-officer.pl');
  });
  afterAll(async () => page?.context().close());

  it('lists the request with its state, kind, days left and criterion', async () => {
    await page.getByRole('link', { name: 'Requests from other states' }).click();
    await page.getByRole('heading', { name: 'Requests from other states' }).waitFor();
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Lithuania');
    expect(text).toContain('take-charge request');
    // due before 8 January 2027 00:00 in Warsaw; from 9 December 09:00 (Warsaw) that is 29 days and 15 hours
    expect(text).toContain('30 days');
    expect(text).toContain('Residence document or visa (AMMR Art. 29)');
    expect(text).toContain('a Polish visa C');
    await check(page, 'responsibility-requests');
  });

  it('opens the request with the person as sent, refuses only with reasons, and the reply goes to LT', async () => {
    await page.getByRole('link', { name: /Open/ }).first().click();
    await page.getByRole('heading', { name: 'Take-charge request from Lithuania' }).waitFor();
    await expectText(page, 'Syntheticova, Testa');
    await expectText(page, 'passport SYN000111 (SYR)');
    await check(page, 'responsibility-request');
    await page.getByRole('button', { name: 'Refuse with these reasons' }).click();
    await expectText(page, 'A refusal states its reasons.');
    expect(sent).toEqual([]);
    await page.getByLabel('Reasons for refusing').fill('The visa was issued by Lithuania, not by Poland.');
    await page.getByRole('button', { name: 'Refuse with these reasons' }).click();
    await expectText(page, 'Refused: the reply with its reasons is sent to the requesting state.');
    await check(page, 'responsibility-request-refused');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'LT',
      kind: 'responsibility.take-charge-reply',
      body: { accepted: false, reasons: 'The visa was issued by Lithuania, not by Poland.' },
    });
    expect((await getRequest(app.h.store.db, 'PL', id))?.status).toBe('refused');
  });

  it('a border guard has no such screen', async () => {
    const guard = await app.loginAs('border-guard.pl');
    expect(await guard.getByRole('link', { name: 'Requests from other states' }).count()).toBe(0);
    await guard.context().close();
  });
});
