import { connection } from './state/appState';
import { ConnectionStatus } from './components/ConnectionStatus';
import { SignInForm } from './components/SignInForm';
import { SignedInHome } from './components/SignedInHome';
import { StorageBanner } from './components/StorageBanner';

export function App() {
  const signedOut = connection.value.status === 'signedOut';
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <span class="app-title">Satchel</span>
        <ConnectionStatus />
      </header>
      <StorageBanner />
      <main id="main" tabIndex={-1}>
        {signedOut ? <SignInForm /> : <SignedInHome />}
      </main>
    </>
  );
}
