import { Redirect, matchPrefix, useLocation } from '@zhicheng/web-kit';
import { AgentsPage } from './pages/AgentsPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Routes inside /unit (the shell hands this app everything under it). */
export function App() {
  const { pathname } = useLocation();
  if (pathname === '/unit' || pathname === '/unit/') return <Redirect to="/unit/agents" />;
  if (matchPrefix(pathname, '/unit/agents')) return <AgentsPage />;
  return <NotFoundPage />;
}
