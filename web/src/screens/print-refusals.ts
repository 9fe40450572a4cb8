// The group's refusal forms as one PDF (issue 18), opened in a new tab for printing. The Idempotency-Key is
// derived from the encounter and the language: pressing Print again (or after a network failure) issues
// nothing new and opens the same forms. A refusal (no reason recorded) comes back as an ApiError.
import { ApiError } from '../api.ts';

/** The most forms one print holds (src/store/document-groups.ts GROUP_PRINT_MAX): a larger group prints in parts. */
export const GROUP_PRINT_MAX = 50;

export async function printRefusals(encounterId: string, lang: string, from = 0): Promise<void> {
  // the tab is opened now, while the click still counts as the user's: a pop-up blocker lets it through
  const tab = window.open('', '_blank');
  let res: Response;
  try {
    res = await fetch(`/api/encounters/${encounterId}/documents/refusal-of-entry?lang=${lang}&from=${from}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/pdf',
        'idempotency-key': `refusal-forms-${encounterId}-${lang}-${from}`,
      },
    });
  } catch {
    tab?.close();
    throw new ApiError(0, 'offline', '', []);
  }
  if (!res.ok) {
    tab?.close();
    const p = (await res.json().catch(() => ({}))) as {
      title?: string;
      detail?: string;
      errors?: { field: string; reason: string; code?: string; params?: Record<string, unknown> }[];
    };
    const errors = (p.errors ?? []).map((e) => ({ ...e, code: e.code ?? '', params: e.params ?? {} }));
    throw new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', errors as never, p as never);
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
}
