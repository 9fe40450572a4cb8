// Passwords a person chooses are checked against zxcvbn-ts (its own lists of common passwords, names and
// words, keyboard patterns, dates, l33t): a score below ACCOUNT_RULES.minPasswordScore is refused with the
// library's own feedback, and so is a password that contains the username. One-time passwords are random
// and not checked. Pure: no I/O; the dictionaries are loaded once (~0.25 s).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { ACCOUNT_RULES } from './account-rules.ts';

/** Words of this deployment an attacker tries first (OWASP: context-specific words). */
const CONTEXT_WORDS = ['pact', 'asylum', 'migration', 'border', 'lithuania', 'lietuva', 'vilnius', 'belarus'];

let zxcvbn: ZxcvbnFactory | undefined;
const estimator = () => {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, userInputs: CONTEXT_WORDS },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return zxcvbn;
};

/** Why a chosen password is refused (its code, parameters and English reason), or undefined when it is strong enough. */
export function weakPassword(
  password: string,
  username: string,
):
  | { code: 'password-contains-username'; params: Record<string, never>; reason: string }
  | { code: 'password-too-weak'; params: { score: number; minimum: number }; reason: string }
  | undefined {
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
    return { code: 'password-contains-username', params: {}, reason: 'must not contain the username' };
  // the username's parts too (case-officer.lt → case, officer): the library weighs them as known words
  const r = estimator().check(password, [username, ...username.split(/[._-]/)]);
  if (r.score >= ACCOUNT_RULES.minPasswordScore) return undefined;
  const advice = [r.feedback.warning, ...r.feedback.suggestions].filter(Boolean).join(' ');
  return {
    code: 'password-too-weak',
    params: { score: r.score, minimum: ACCOUNT_RULES.minPasswordScore },
    reason: `too easy to guess (strength ${r.score} of 4, at least ${ACCOUNT_RULES.minPasswordScore} needed)${advice ? `: ${advice}` : ''}`,
  };
}
