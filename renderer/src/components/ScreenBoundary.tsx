// Around every screen (App.tsx): an exception while a screen renders shows what happened and a
// button that mounts the screen again, instead of a blank window. The rest of the desk (header,
// navigation, status bar) keeps working. A slip being edited survives: useSlipDraft keeps its
// unsaved lines in sessionStorage and the remounted editor takes them back.

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Btn } from './ui';

interface Props {
  /** the route: going to another screen clears the error */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** bumped by the reload button: a new key mounts the screen afresh */
  generation: number;
}

export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen error', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState((s) => ({ error: null, generation: s.generation + 1 }));
  }

  override render() {
    if (this.state.error)
      return <ScreenError error={this.state.error} onReload={() => this.setState((s) => ({ error: null, generation: s.generation + 1 }))} />;
    return <ScreenKey key={this.state.generation}>{this.props.children}</ScreenKey>;
  }
}

function ScreenKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

function ScreenError({ error, onReload }: { error: Error; onReload(): void }) {
  const { t } = useI18n();
  return (
    <div className="screen-col screen-error" role="alert">
      <h2>{t('boundary.title')}</h2>
      <p>{t('boundary.text')}</p>
      <p>
        <Btn variant="primary" onClick={onReload}>
          {t('boundary.reload')}
        </Btn>
      </p>
      <pre className="screen-error-detail">{error.message}</pre>
    </div>
  );
}
