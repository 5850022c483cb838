import type { Role } from '@cert-hub/shared';
import { useUser } from '../auth/AuthContext.js';
import { AdminHome } from './AdminHome.js';
import { CoordinatorHome } from './CoordinatorHome.js';
import { FocalPointHome } from './FocalPointHome.js';
import { LeaderHome } from './LeaderHome.js';
import { ResponderHome } from './ResponderHome.js';

const HOMES: Record<Role, () => React.JSX.Element> = {
  focal_point: FocalPointHome,
  responder: ResponderHome,
  coordinator: CoordinatorHome,
  leader: LeaderHome,
  admin: AdminHome,
};

/** Each role's home answers that role's first question (one component per role). */
export function HomePage() {
  const user = useUser();
  const Home = HOMES[user.role];
  return <Home />;
}
