// The frame: header with the screens this user may use, the language switch, and the routes. A screen the
// role may not use is neither linked nor reachable (the server refuses its data anyway).
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { matchPath, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { Permission, Role } from '../../src/domain/roles.ts';
import { useAuth } from './auth.tsx';
import { Loading } from './components.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { MessageKey } from './i18n/en.ts';
import { LANGUAGES, type Language, useI18n } from './i18n/i18n.tsx';
import { Account } from './screens/Account.tsx';
import { BorderDesk } from './screens/BorderDesk.tsx';
import { CaseScreen } from './screens/Case.tsx';
import { OutboxCount } from './screens/DeskOutbox.tsx';
import { Duplicates } from './screens/Duplicates.tsx';
import { Findings } from './screens/Findings.tsx';
import { Login } from './screens/Login.tsx';
import { Monitoring } from './screens/Monitoring.tsx';
import { Queue } from './screens/Queue.tsx';
import { ResponsibilityRequest, ResponsibilityRequests } from './screens/ResponsibilityRequests.tsx';
import { HeaderSearch, SearchScreen } from './screens/Search.tsx';
import { Setup, SetupFirst } from './screens/Setup.tsx';
import { Solidarity } from './screens/Solidarity.tsx';
import { Union } from './screens/Union.tsx';
import { Users } from './screens/Users.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

// the dashboard brings the charting library: loaded when first opened, not with the login page
const Dashboard = lazy(() => import('./screens/Dashboard.tsx').then((m) => ({ default: m.Dashboard })));
// the solidarity cycle and the simulator: for fewer users, loaded when first opened
const SolidarityCycle = lazy(() =>
  import('./screens/SolidarityCycle.tsx').then((m) => ({ default: m.SolidarityCycle })),
);
const Simulator = lazy(() => import('./screens/Simulator.tsx').then((m) => ({ default: m.Simulator })));
// the public statistics page: no login, at /public, for everyone (it reads the public routes only)
const PublicPool = lazy(() => import('./screens/PublicPool.tsx').then((m) => ({ default: m.PublicPool })));
// issue 22: admission programmes, for the national coordinators
const Admission = lazy(() => import('./screens/Admission.tsx').then((m) => ({ default: m.Admission })));
const Programme = lazy(() =>
  import('./screens/admission/Programme.tsx').then((m) => ({ default: m.Programme })),
);
const AdmissionFile = lazy(() =>
  import('./screens/admission/AdmissionFile.tsx').then((m) => ({ default: m.AdmissionFile })),
);
const PublicStatistics = lazy(() =>
  import('./screens/PublicStatistics.tsx').then((m) => ({ default: m.PublicStatistics })),
);

interface Screen {
  readonly path: string;
  readonly title: MessageKey;
  readonly permission: Permission;
  readonly element: ReactNode;
  readonly inNav: boolean;
  /** Only for accounts of a member state (not the Union's). */
  readonly stateOnly?: true;
  /** issue 20: only for accounts of the Union */
  readonly unionOnly?: true;
}

const SCREENS: readonly Screen[] = [
  {
    path: '/union',
    title: 'nav.union',
    permission: 'aggregates.read',
    element: <Union />,
    inNav: true,
    unionOnly: true,
  },
  { path: '/desk', title: 'nav.desk', permission: 'encounter.record', element: <BorderDesk />, inNav: true },
  { path: '/queue', title: 'nav.queue', permission: 'queue.read', element: <Queue />, inNav: true },
  { path: '/cases/:id', title: 'nav.case', permission: 'case.read', element: <CaseScreen />, inNav: false },
  {
    path: '/search',
    title: 'search.title',
    permission: 'person.search',
    element: <SearchScreen />,
    inNav: false,
    stateOnly: true,
  },
  {
    path: '/duplicates',
    title: 'nav.duplicates',
    permission: 'duplicates.decide',
    element: <Duplicates />,
    inNav: true,
    stateOnly: true,
  },
  {
    path: '/dashboard',
    title: 'nav.dashboard',
    permission: 'aggregates.read',
    element: <Dashboard />,
    inNav: true,
  },
  {
    path: '/solidarity',
    title: 'nav.solidarity',
    permission: 'aggregates.read',
    element: <Solidarity />,
    inNav: true,
  },
  {
    path: '/solidarity/cycle',
    title: 'nav.cycle',
    permission: 'aggregates.read',
    element: <SolidarityCycle />,
    inNav: true,
  },
  {
    path: '/solidarity/simulate',
    title: 'nav.simulator',
    permission: 'aggregates.read',
    element: <Simulator />,
    inNav: true,
  },
  {
    path: '/monitoring',
    title: 'nav.monitoring',
    permission: 'findings.read',
    element: <Monitoring />,
    inNav: true,
  },
  {
    path: '/monitoring/findings',
    title: 'nav.findings',
    permission: 'findings.read',
    element: <Findings />,
    inNav: false,
  },
  { path: '/users', title: 'nav.users', permission: 'users.manage', element: <Users />, inNav: true },
  {
    path: '/setup',
    title: 'nav.setup',
    permission: 'setup.manage',
    element: <Setup />,
    inNav: true,
    stateOnly: true,
  }, // issue 20: the requests of other member states received by this state (AMMR Part III)
  {
    path: '/requests',
    title: 'nav.requests',
    permission: 'responsibility.answer',
    element: <ResponsibilityRequests />,
    inNav: true,
    stateOnly: true,
  },
  {
    path: '/requests/:id',
    title: 'nav.requests',
    permission: 'responsibility.answer',
    element: <ResponsibilityRequest />,
    inNav: false,
    stateOnly: true,
  },
  // issue 22: admission (Regulation (EU) 2024/1350) — programmes, one programme, one admission file
  {
    path: '/admission',
    title: 'nav.admission',
    permission: 'admission.manage',
    element: <Admission />,
    inNav: true,
    stateOnly: true,
  },
  {
    path: '/admission/programmes/:id',
    title: 'nav.admissionProgramme',
    permission: 'admission.manage',
    element: <Programme />,
    inNav: false,
    stateOnly: true,
  },
  {
    path: '/admission/files/:id',
    title: 'nav.admissionFile',
    permission: 'admission.manage',
    element: <AdmissionFile />,
    inNav: false,
    stateOnly: true,
  },
];

/** Where each role starts its day. */
const HOME: Readonly<Record<Role, string>> = {
  'border-guard': '/desk',
  'screening-officer': '/queue',
  'case-officer': '/queue',
  'return-officer': '/queue',
  supervisor: '/queue',
  monitor: '/monitoring',
  'solidarity-coordinator': '/solidarity',
  'eu-solidarity-coordinator': '/solidarity',
  analyst: '/dashboard',
  administrator: '/users',
};

export function App() {
  const { me, may } = useAuth();
  const { t } = useI18n();
  if (me === undefined) return <Loading />;
  if (me === null)
    return (
      <Shell>
        <Routes>
          <Route path="/public" element={<PublicStatistics />} />
          <Route path="/public/pool" element={<PublicPool />} />
          <Route path="*" element={<Login />} />
        </Routes>
      </Shell>
    );
  const mine = SCREENS.filter(
    (s) =>
      may(s.permission) &&
      !(s.stateOnly && me.jurisdiction === 'EU') &&
      !(s.unionOnly && me.jurisdiction !== 'EU'),
  );
  // a state's administrator starts with the set-up while the state has no places
  const home =
    me.role === 'administrator' && me.jurisdiction !== 'EU' ? (
      <SetupFirst home={HOME[me.role]} />
    ) : (
      <Navigate to={HOME[me.role]} replace />
    );
  // the person search box, for the roles of a state that may search (issue #16)
  const searching = may('person.search') && me.jurisdiction !== 'EU' && !me.mustChangePassword;
  return (
    <Shell
      search={searching ? <HeaderSearch /> : undefined}
      nav={
        <nav aria-label={t('nav.label')}>
          <ul>
            {mine
              .filter((s) => s.inNav)
              .map((s) => (
                <li key={s.path}>
                  <NavLink to={s.path} end>
                    {t(s.title)}
                    {s.path === '/desk' && <OutboxCount />}
                  </NavLink>
                </li>
              ))}
            <li>
              <NavLink to="/account">{me.username}</NavLink>
            </li>
          </ul>
        </nav>
      }
    >
      <Routes>
        {me.mustChangePassword
          ? null
          : mine.map((s) => <Route key={s.path} path={s.path} element={s.element} />)}
        <Route path="/account" element={<Account />} />
        <Route path="/public" element={<PublicStatistics />} />
        <Route path="/public/pool" element={<PublicPool />} />
        <Route path="*" element={me.mustChangePassword ? <Navigate to="/account" replace /> : home} />
      </Routes>
    </Shell>
  );
}

function Shell({ nav, search, children }: { nav?: ReactNode; search?: ReactNode; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { offline } = useAuth();
  const location = useLocation();
  // each screen its own title (what a screen reader announces, what the tab and history show)
  useEffect(() => {
    const screen = SCREENS.find((s) => matchPath(s.path, location.pathname));
    const title = screen
      ? t(screen.title)
      : location.pathname === '/account'
        ? t('account.title')
        : location.pathname === '/public'
          ? t('public.title')
          : '';
    document.title = title ? `${title} · Pact` : 'Pact';
  }, [location.pathname, t]);
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <span className="brand">Pact</span>
        {nav}
        {search}
        {/* issue 19: no network; the region is always there, so that a screen reader hears it change */}
        <span className="offline-status" role="status">
          {offline ? t('offline.status') : null}
        </span>
        <label className="lang">
          <span className="visually-hidden">{t('nav.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            {Object.keys(LANGUAGES).map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : 'Lietuvių'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <UpdateBanner />
      <main id="main">
        <ErrorBoundary key={location.pathname} message={t('error.unexpected')} retry={t('error.reload')}>
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
