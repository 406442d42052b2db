import { Redirect, matchPrefix, useHasRole, useLocation } from '@zhicheng/web-kit';
import { AgentsPage } from './pages/AgentsPage';
import { BindingRequestsPage } from './pages/BindingRequestsPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** Routes inside /unit (the shell hands this app everything under it). */
export function App() {
  const { pathname } = useLocation();
  const isLegalPerson = useHasRole('LEGAL_PERSON');
  if (pathname === '/unit' || pathname === '/unit/') {
    return <Redirect to={isLegalPerson ? '/unit/agents' : '/unit/bindings'} />;
  }
  if (matchPrefix(pathname, '/unit/agents')) return <AgentsPage />;
  if (matchPrefix(pathname, '/unit/bindings')) return <BindingRequestsPage />;
  return <NotFoundPage />;
}
