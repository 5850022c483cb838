import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionUser } from '@cert-hub/shared';
import { refreshSession, session } from '../api/client.js';

interface AuthState {
  user: SessionUser | null;
  ready: boolean;
}

const AuthContext = createContext<AuthState>({ user: null, ready: false });

/** Restores the session from the refresh cookie on load, then follows sign-in/out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ user: null, ready: false });
  useEffect(() => {
    const off = session.onChange((user) => setState({ user, ready: true }));
    void refreshSession().then((ok) => {
      if (!ok) setState({ user: null, ready: true });
    });
    return () => void off();
  }, []);
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside an authenticated route');
  return user;
}
