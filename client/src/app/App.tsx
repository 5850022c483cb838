import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.js';
import { LoginPage } from '../auth/LoginPage.js';
import { SetupPage } from '../auth/SetupPage.js';
import { BoardPage } from '../board/BoardPage.js';
import { DrillDetailPage } from '../drills/DrillDetailPage.js';
import { DrillsPage } from '../drills/DrillsPage.js';
import { DrillYearPage } from '../drills/DrillYearPage.js';
import { HomePage } from '../home/HomePage.js';
import { LiveProvider } from '../realtime/LiveProvider.js';
import { IncidentDetailPage } from '../incidents/IncidentDetailPage.js';
import { IncidentsPage } from '../incidents/IncidentsPage.js';
import { ReportPage } from '../incidents/ReportPage.js';
import { ApiKeysPage } from '../registry/ApiKeysPage.js';
import { PlaybooksPage } from '../registry/PlaybooksPage.js';
import { ProfilePage } from '../profile/ProfilePage.js';
import { AgenciesPage } from '../registry/AgenciesPage.js';
import { MyAgencyPage } from '../registry/MyAgencyPage.js';
import { SectorsPage } from '../registry/SectorsPage.js';
import { SystemsPage } from '../registry/SystemsPage.js';
import { TeamsPage } from '../registry/TeamsPage.js';
import { UsersPage } from '../registry/UsersPage.js';
import { OnCallPage } from '../oncall/OnCallPage.js';
import { RoutingRulesPage } from '../routing/RoutingRulesPage.js';
import { CompliancePage } from '../compliance/CompliancePage.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { AssessmentsPage } from '../reports/AssessmentsPage.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { RoundPage } from '../reports/RoundPage.js';
import { AuditPage } from '../notify/AuditPage.js';
import { DeliveriesPage } from '../notify/DeliveriesPage.js';
import { PreferencesPage } from '../notify/PreferencesPage.js';
import { SlaPoliciesPage } from '../notify/SlaPoliciesPage.js';
import { canVisit } from './navigation.js';
import { Shell } from './Shell.js';

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Spin size="large" fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A screen the role has no business on sends them home rather than to a wall of 403s. */
function RoleGate({ path, children }: { path: string; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !canVisit(user.role, path)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route
          element={
            <RequireAuth>
              <LiveProvider>
                <Shell />
              </LiveProvider>
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
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
          <Route path="profile" element={<ProfilePage />} />
          <Route path="notification-settings" element={<PreferencesPage />} />
          {(
            [
              ['sla', <SlaPoliciesPage key="sla" />],
              ['audit', <AuditPage key="audit" />],
              ['deliveries', <DeliveriesPage key="deliveries" />],
            ] as const
          ).map(([path, page]) => (
            <Route key={path} path={path} element={<RoleGate path={`/${path}`}>{page}</RoleGate>} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
