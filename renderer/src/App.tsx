// The shell: header (who is logged in, 切换用户), left navigation by role, the screen, status bar.

import { useEffect, useState } from 'react';
import { useI18n } from './i18n';
import { useOfficeClock } from './i18n/clock';
import { useSession } from './session';
import { navigate, setLeavePrompt, useRoute, type LeaveGuard } from './hooks/router';
import { useHotkeys } from './hooks/hotkeys';
import { navFor, navKey } from './nav';
import { KeyHelpDialog } from './components/KeyHelpDialog';
import { Header } from './components/Header';
import { StatusBar } from './components/StatusBar';
import { Kbd } from './components/ui';
import { ScreenBoundary } from './components/ScreenBoundary';
import { useGlobalScanFallback } from './components/scanFallback';
import { LoginScreen } from './screens/Login/LoginScreen';
import { SwitchUserDialog } from './screens/Login/SwitchUserDialog';
import { ItemsScreen } from './screens/Items/ItemsScreen';
import { InboundEditor } from './screens/Inbound/InboundEditor';
import { KindList } from './screens/Slips/KindList';
import { DispatchEditor } from './screens/Dispatch/DispatchEditor';
import { PickList } from './screens/Pick/PickList';
import { PickScreen } from './screens/Pick/PickScreen';
import { ReturnNew } from './screens/Returns/ReturnNew';
import { ReturnEditor } from './screens/Returns/ReturnEditor';
import { AdjustScreen } from './screens/Returns/AdjustScreen';
import { RepairsScreen } from './screens/Repairs/RepairsScreen';
import { StockOverview } from './screens/StockOverview/StockOverview';
import { StockCardScreen } from './screens/StockCard/StockCardScreen';
import { CollectionScreen } from './screens/Partners/CollectionScreen';
import { PartiesScreen } from './screens/Partners/PartiesScreen';
import { SlipListScreen } from './screens/Slips/SlipListScreen';
import { SlipView } from './screens/Slips/SlipView';
import { LeaveDialog } from './components/LeaveDialog';
import { ReloginDialog } from './screens/Login/ReloginDialog';
import { QrDesk } from './printing/QrDesk';
import { DocSettingsScreen } from './printing/DocSettingsScreen';
import { ReceiptPrintersScreen } from './printing/receipts/ReceiptPrintersScreen';
import { ScannersScreen } from './screens/Scanners/ScannersScreen';
import { DayCloseBanner } from './screens/Finance/common';
import { FinanceScreen } from './screens/Finance/FinanceScreen';
import { OpeningScreen } from './screens/Opening/OpeningScreen';
import { BackupsScreen } from './screens/Backups/BackupsScreen';
import { ImportScreen } from './screens/Import/ImportScreen';
import { ReadLogScreen } from './screens/Reads/ReadLogScreen';
import { SafetyScreen } from './screens/Safety/SafetyScreen';
import { OrderPlanScreen } from './screens/Orders/OrderPlanScreen';
import { RequisitionsScreen } from './screens/Orders/RequisitionsScreen';
import { DailyCheckScreen } from './screens/DailyCheck/DailyCheckScreen';
import { AttendanceScreen, UsersHome } from './screens/Attendance/AttendanceScreen';
import { SetupScreen } from './screens/Setup/SetupScreen';
import { CountsScreen } from './screens/Counts/CountsScreen';
import { SetupBanner } from './screens/Setup/SetupBanner';
import { KeyBanner } from './screens/OfficeKeys/KeyBanner';
import { MonthPackBanner } from './screens/MonthPack/MonthPackBanner';
import { takeFreshOffice } from './screens/Setup/setupStatus';

function Screen({ route }: { route: string[] }) {
  const [a, b] = route;
  const id = b && /^\d+$/.test(b) ? Number(b) : null;
  switch (a) {
    case 'items':
      // 商品档案 | 安全库存定额 (/items/safety): one nav entry, tabs (Safety/ItemsTabs.tsx)
      if (b === 'plan') return <OrderPlanScreen />;
      if (b === 'requisitions') return <RequisitionsScreen />;
      return b === 'safety' ? <SafetyScreen /> : <ItemsScreen />;
    case 'inbound':
      if (b === 'new' || id) return <InboundEditor slipId={id} />;
      return <KindList kind="inbound" />;
    case 'dispatch':
      if (b === 'new' || id) return <DispatchEditor slipId={id} />;
      return <KindList kind="dispatch" />;
    case 'pick':
      return id ? <PickScreen key={id} slipId={id} /> : <PickList />;
    case 'returns':
      if (b === 'repairs') return <RepairsScreen />;
      if (b === 'writeoffs' || b === 'hq') return <AdjustScreen kind={b === 'hq' ? 'hqReturn' : 'writeoff'} rest={route[2]} />;
      if (b === 'new') return <ReturnNew />;
      if (b === 'pregolive') return <ReturnEditor slipId={null} preGoLive />;
      if (b === 'from' && route[2]) return <ReturnEditor slipId={null} sourceId={Number(route[2])} />;
      if (id) return <ReturnEditor slipId={id} />;
      return <KindList kind="return" />;
    case 'stock':
      // 库存总览 | 每日对账 (/stock/daily): one nav entry, tabs (DailyCheck/StockTabs.tsx)
      return b === 'daily' ? <DailyCheckScreen /> : <StockOverview />;
    case 'card':
      return <StockCardScreen key={b ?? ''} itemId={id} />;
    case 'slips':
      if (b === 'customer' && route[2]) return <SlipListScreen key={route[2]} customerId={Number(route[2])} />;
      return id ? <SlipView key={id} slipId={id} /> : <SlipListScreen />;
    case 'opening':
      return <OpeningScreen />;
    case 'customers':
      return b === 'suppliers' ? <PartiesScreen key="supplier" kind="supplier" /> : <PartiesScreen key="customer" kind="customer" />;
    case 'collection':
      return <CollectionScreen />;
    case 'print-settings':
      // 打印设置 | 小票打印机 | 扫描枪: one nav entry, tabs (printing/PrintTabs.tsx)
      return b === 'receipts' ? <ReceiptPrintersScreen /> : b === 'scanners' ? <ScannersScreen /> : <DocSettingsScreen />;
    case 'users':
      // 用户管理 | 备份 | 查阅记录 (保密制度, the manager's): one nav entry, tabs (Backups/SystemTabs.tsx)
      return b === 'backups' ? <BackupsScreen /> : b === 'reads' ? <ReadLogScreen /> : b === 'attendance' ? <AttendanceScreen mine={false} /> : <UsersHome />;
    case 'import':
      return <ImportScreen />;
    case 'setup':
      return <SetupScreen step={b} />;
    case 'dayclose':
    case 'journal':
    case 'aging':
    case 'expenses':
    case 'my-expenses':
      return <FinanceScreen route={route} />;
    case 'counts':
      return <CountsScreen key={b ?? ''} countId={id} />;
    default:
      return null;
  }
}

export function App() {
  const session = useSession();
  const { t } = useI18n();
  const route = useRoute();
  const clock = useOfficeClock();
  const [switching, setSwitching] = useState(false);
  const [help, setHelp] = useState(false);
  const [leaveAsk, setLeaveAsk] = useState<{ go(): void; guard: LeaveGuard } | null>(null);
  const nav = session.user ? navFor(session) : [];

  useGlobalScanFallback(!!session.user, session.can('stock.card'));

  // default screen (the setup flow on the first log-in after office.init), and no screen the role may not use
  useEffect(() => {
    if (!session.user || !nav.length) return;
    if (takeFreshOffice() && nav.some((n) => n.path === 'setup')) navigate('/setup', { force: true, replace: true });
    else if (route[0] === 'budgets' && nav.some((n) => n.path === 'expenses'))
      navigate('/expenses/budgets', { force: true, replace: true }); // its old place
    else if (!route[0] || !nav.some((n) => n.path === route[0])) navigate('/' + nav[0].path, { force: true, replace: true });
  }, [session.user, route[0]]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const keys: Record<string, () => void> = { F10: () => setSwitching(true), F1: () => setHelp(true) };
  nav.forEach((n, i) => (keys[navKey(i)] = () => navigate('/' + n.path)));
  useHotkeys(keys, { enabled: !!session.user });

  // editors ask before unsaved changes are dropped
  useEffect(() => {
    setLeavePrompt((go, guard) => setLeaveAsk({ go, guard }));
    return () => setLeavePrompt(null);
  }, []);

  if (session.restoring || !clock.loaded) return <div className="boot">{t('common.loading')}</div>;
  if (!session.user)
    return (
      <div className="app app-login">
        <LoginScreen />
        <StatusBar />
      </div>
    );

  return (
    <div className="app">
      <Header onSwitch={() => setSwitching(true)} onHelp={() => setHelp(true)} />
      <div className="app-body">
        <nav className="side-nav" aria-label={t('nav.title')}>
          {nav.map((n, i) => (
            <a
              key={n.path}
              href={'#/' + n.path}
              className={route[0] === n.path ? 'active' : ''}
              onClick={(e) => {
                e.preventDefault();
                navigate('/' + n.path);
              }}
            >
              <span>{t(n.label)}</span>
              <Kbd>{navKey(i)}</Kbd>
            </a>
          ))}
        </nav>
        <main className="screen">
          <DayCloseBanner />
          <SetupBanner route={route.join('/')} />
          <KeyBanner route={route.join('/')} />
          <MonthPackBanner route={route.join('/')} />
          <ScreenBoundary resetKey={route.join('/')}>
            <Screen route={route} />
          </ScreenBoundary>
        </main>
      </div>
      <StatusBar />
      <QrDesk enabled={!!session.user} />
      {switching ? <SwitchUserDialog onClose={() => setSwitching(false)} /> : null}
      {help ? <KeyHelpDialog nav={nav} current={route[0]} onClose={() => setHelp(false)} /> : null}
      {leaveAsk ? <LeaveDialog guard={leaveAsk.guard} go={leaveAsk.go} onClose={() => setLeaveAsk(null)} /> : null}
      {session.lost ? <ReloginDialog /> : null}
    </div>
  );
}
