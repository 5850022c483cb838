import { Spin } from 'antd';
import { Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { session } from '../api/client.js';
import { useAuth } from '../auth/AuthContext.js';
import { LoginPage } from '../auth/LoginPage.js';
import { prefetchBoard } from '../board/boardQuery.js';
import { canVisit } from './navigation.js';
import { lazyPage, PageSlot } from './lazyPage.js';

// Every page is its own chunk, loaded on first visit (route-level code splitting).
const Workspace = lazyPage(() => import('./Workspace.js'), 'Workspace');
const SetupPage = lazyPage(() => import('../auth/SetupPage.js'), 'SetupPage');
const ResetPasswordPage = lazyPage(() => import('../passwordReset/ResetPasswordPage.js'), 'ResetPasswordPage');
const BoardPage = lazyPage(() => import('../board/BoardPage.js'), 'BoardPage');
const HomePage = lazyPage(() => import('../home/HomePage.js'), 'HomePage');
const IncidentDetailPage = lazyPage(() => import('../incidents/IncidentDetailPage.js'), 'IncidentDetailPage');
const IncidentsPage = lazyPage(() => import('../incidents/IncidentsPage.js'), 'IncidentsPage');
const ReportPage = lazyPage(() => import('../incidents/ReportPage.js'), 'ReportPage');
const ApiKeysPage = lazyPage(() => import('../registry/ApiKeysPage.js'), 'ApiKeysPage');
const PlaybooksPage = lazyPage(() => import('../registry/PlaybooksPage.js'), 'PlaybooksPage');
const ProfilePage = lazyPage(() => import('../profile/ProfilePage.js'), 'ProfilePage');
const AgenciesPage = lazyPage(() => import('../registry/AgenciesPage.js'), 'AgenciesPage');
const MyAgencyPage = lazyPage(() => import('../registry/MyAgencyPage.js'), 'MyAgencyPage');
const SectorsPage = lazyPage(() => import('../registry/SectorsPage.js'), 'SectorsPage');
const SystemsPage = lazyPage(() => import('../registry/SystemsPage.js'), 'SystemsPage');
const TeamsPage = lazyPage(() => import('../registry/TeamsPage.js'), 'TeamsPage');
const UsersPage = lazyPage(() => import('../registry/UsersPage.js'), 'UsersPage');
const DrillDetailPage = lazyPage(() => import('../drills/DrillDetailPage.js'), 'DrillDetailPage');
const DrillsPage = lazyPage(() => import('../drills/DrillsPage.js'), 'DrillsPage');
const DrillYearPage = lazyPage(() => import('../drills/DrillYearPage.js'), 'DrillYearPage');
const OnCallPage = lazyPage(() => import('../oncall/OnCallPage.js'), 'OnCallPage');
const RoutingRulesPage = lazyPage(() => import('../routing/RoutingRulesPage.js'), 'RoutingRulesPage');
const CompliancePage = lazyPage(() => import('../compliance/CompliancePage.js'), 'CompliancePage');
const DashboardPage = lazyPage(() => import('../dashboard/DashboardPage.js'), 'DashboardPage');
const AssessmentsPage = lazyPage(() => import('../reports/AssessmentsPage.js'), 'AssessmentsPage');
const ReportsPage = lazyPage(() => import('../reports/ReportsPage.js'), 'ReportsPage');
const RoundPage = lazyPage(() => import('../reports/RoundPage.js'), 'RoundPage');
const ReportTypesPage = lazyPage(() => import('../reports/ReportTypesPage.js'), 'ReportTypesPage');
const AuditPage = lazyPage(() => import('../notify/AuditPage.js'), 'AuditPage');
const DeliveriesPage = lazyPage(() => import('../notify/DeliveriesPage.js'), 'DeliveriesPage');
const PreferencesPage = lazyPage(() => import('../notify/PreferencesPage.js'), 'PreferencesPage');
const SlaPoliciesPage = lazyPage(() => import('../notify/SlaPoliciesPage.js'), 'SlaPoliciesPage');

/**
 * While no one is signed in yet: loads the code of the workspace and of the page the user
 * will land on (`target`), and the moment a session starts (the access token arrives) asks
 * for the board's first cards if that page is the board — in parallel with the rest, instead
 * of after the board's code has arrived and rendered.
 */
function usePrepareLanding(target: string, active: boolean) {
  useEffect(() => {
    if (!active) return;
    // Only the page the user will land on: on a slow link every extra chunk delays the sign-in request itself.
    const landing = target.startsWith('/board') ? BoardPage : HomePage;
    const timer = setTimeout(() => [Workspace, landing].forEach((page) => page.preload()), 0);
    const off = session.onChange((user) => {
      if (!user) return;
      off();
      prefetchBoard(target, user);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [target, active]);
}

/** The sign-in page, preparing the landing page while the user types. */
function SignInRoute() {
  usePrepareLanding((useLocation().state as { from?: string } | null)?.from ?? '/', true);
  return <LoginPage />;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  // A reload: the session is being restored from its cookie meanwhile.
  usePrepareLanding(location.pathname + location.search, !ready);
  if (!ready) return <Spin size="large" fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A screen the role has no business on sends them home rather than to a wall of 403s. */
function RoleGate({ path, children }: { path: string; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !canVisit(user.role, path)) return <Navigate to="/" replace />;
  return <PageSlot>{children}</PageSlot>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<SignInRoute />} />
        <Route
          path="/setup"
          element={
            <PageSlot>
              <SetupPage />
            </PageSlot>
          }
        />
        <Route
          path="/reset-password"
          element={
            <PageSlot>
              <ResetPasswordPage />
            </PageSlot>
          }
        />
        <Route
          element={
            <RequireAuth>
              <Suspense fallback={<Spin size="large" fullscreen />}>
                <Workspace />
              </Suspense>
            </RequireAuth>
          }
        >
          <Route
            index
            element={
              <PageSlot>
                <HomePage />
              </PageSlot>
            }
          />
          <Route
            path="playbooks"
            element={
              <RoleGate path="/playbooks">
                <PlaybooksPage />
              </RoleGate>
            }
          />
          <Route
            path="board"
            element={
              <RoleGate path="/board">
                <BoardPage />
              </RoleGate>
            }
          />
          <Route
            path="incidents"
            element={
              <RoleGate path="/incidents">
                <IncidentsPage />
              </RoleGate>
            }
          />
          <Route
            path="incidents/new"
            element={
              <RoleGate path="/incidents/new">
                <ReportPage />
              </RoleGate>
            }
          />
          <Route
            path="incidents/:id"
            element={
              <RoleGate path="/incidents">
                <IncidentDetailPage />
              </RoleGate>
            }
          />
          <Route
            path="api-keys"
            element={
              <RoleGate path="/api-keys">
                <ApiKeysPage />
              </RoleGate>
            }
          />
          <Route
            path="my-agency"
            element={
              <RoleGate path="/my-agency">
                <MyAgencyPage />
              </RoleGate>
            }
          />
          <Route
            path="agencies"
            element={
              <RoleGate path="/agencies">
                <AgenciesPage />
              </RoleGate>
            }
          />
          <Route
            path="systems"
            element={
              <RoleGate path="/systems">
                <SystemsPage />
              </RoleGate>
            }
          />
          <Route
            path="teams"
            element={
              <RoleGate path="/teams">
                <TeamsPage />
              </RoleGate>
            }
          />
          <Route
            path="users"
            element={
              <RoleGate path="/users">
                <UsersPage />
              </RoleGate>
            }
          />
          <Route
            path="sectors"
            element={
              <RoleGate path="/sectors">
                <SectorsPage />
              </RoleGate>
            }
          />
          <Route
            path="drills"
            element={
              <RoleGate path="/drills">
                <DrillsPage />
              </RoleGate>
            }
          />
          <Route
            path="dashboard"
            element={
              <RoleGate path="/dashboard">
                <DashboardPage />
              </RoleGate>
            }
          />
          <Route
            path="drills/years/:year"
            element={
              <RoleGate path="/drills">
                <DrillYearPage />
              </RoleGate>
            }
          />
          <Route
            path="reports"
            element={
              <RoleGate path="/reports">
                <ReportsPage />
              </RoleGate>
            }
          />
          <Route
            path="drills/:id"
            element={
              <RoleGate path="/drills">
                <DrillDetailPage />
              </RoleGate>
            }
          />
          <Route
            path="reports/types"
            element={
              <RoleGate path="/reports">
                <ReportTypesPage />
              </RoleGate>
            }
          />
          <Route
            path="reports/:id"
            element={
              <RoleGate path="/reports">
                <RoundPage />
              </RoleGate>
            }
          />
          <Route
            path="routing"
            element={
              <RoleGate path="/routing">
                <RoutingRulesPage />
              </RoleGate>
            }
          />
          <Route
            path="compliance"
            element={
              <RoleGate path="/compliance">
                <CompliancePage />
              </RoleGate>
            }
          />
          <Route
            path="oncall"
            element={
              <RoleGate path="/oncall">
                <OnCallPage />
              </RoleGate>
            }
          />
          <Route
            path="assessments"
            element={
              <RoleGate path="/assessments">
                <AssessmentsPage />
              </RoleGate>
            }
          />
          <Route
            path="notification-settings"
            element={
              <PageSlot>
                <PreferencesPage />
              </PageSlot>
            }
          />
          {(
            [
              ['sla', <SlaPoliciesPage key="sla" />],
              ['audit', <AuditPage key="audit" />],
              ['deliveries', <DeliveriesPage key="deliveries" />],
            ] as const
          ).map(([path, page]) => (
            <Route key={path} path={path} element={<RoleGate path={`/${path}`}>{page}</RoleGate>} />
          ))}
          <Route
            path="profile"
            element={
              <PageSlot>
                <ProfilePage />
              </PageSlot>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
