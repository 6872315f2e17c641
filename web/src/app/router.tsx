import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '../components/ui/page-loader.js';
import { ForbiddenPage } from '../features/errors/forbidden-page.js';
import { NotFoundPage } from '../features/errors/not-found-page.js';
import { RouteErrorPage } from '../features/errors/route-error-page.js';
import { getSettingsPages } from '../features/settings/settings-registry.js';
import { setUnauthorizedHandler } from './api-client.js';
import { loginPath, RequireAuth, RequirePermission } from './auth/require-auth.js';
import { lazyPage } from './lazy-page.js';
import { PERMISSIONS as P } from './navigation.js';
import { queryClient } from './query-client.js';

// Every screen is its own chunk: the grid and the date pickers load with the pages that use them.
const LoginPage = lazyPage(() => import('../features/auth/login-page.js'), 'LoginPage');
const AppShell = lazyPage(() => import('../features/shell/app-shell.js'), 'AppShell');
const HomePage = lazyPage(() => import('../features/home/home-page.js'), 'HomePage');
const StaffListPage = lazyPage(() => import('../features/staff/staff-list-page.js'), 'StaffListPage');
const StaffFormPage = lazyPage(() => import('../features/staff/staff-form-page.js'), 'StaffFormPage');
const RolesPage = lazyPage(() => import('../features/roles/roles-page.js'), 'RolesPage');
const UnitsPage = lazyPage(() => import('../features/units/units-page.js'), 'UnitsPage');
const SettingsLayout = lazyPage(() => import('../features/settings/settings-layout.js'), 'SettingsLayout');
const CustomerListPage = lazyPage(() => import('../features/customers/customer-list-page.js'), 'CustomerListPage');
const CustomerFormPage = lazyPage(() => import('../features/customers/customer-form-page.js'), 'CustomerFormPage');
const CustomerDetailPage = lazyPage(() => import('../features/customers/customer-detail-page.js'), 'CustomerDetailPage');
const CustomerImportPage = lazyPage(() => import('../features/customers/import/import-page.js'), 'CustomerImportPage');
const CustomerDuplicatesPage = lazyPage(() => import('../features/customers/customer-duplicates-page.js'), 'CustomerDuplicatesPage');
const ProductListPage = lazyPage(() => import('../features/products/product-list-page.js'), 'ProductListPage');
const ProductFormPage = lazyPage(() => import('../features/products/product-form-page.js'), 'ProductFormPage');
const ProductImportPage = lazyPage(() => import('../features/products/import/product-import-page.js'), 'ProductImportPage');
const PriceListsPage = lazyPage(() => import('../features/products/price-lists/price-lists-page.js'), 'PriceListsPage');
const PriceListItemsPage = lazyPage(() => import('../features/products/price-lists/price-list-items-page.js'), 'PriceListItemsPage');
const StockDocumentsPage = lazyPage(() => import('../features/inventory/stock-documents-page.js'), 'StockDocumentsPage');
const StockDocumentFormPage = lazyPage(() => import('../features/inventory/stock-document-form-page.js'), 'StockDocumentFormPage');
const WarehousesPage = lazyPage(() => import('../features/inventory/warehouses-page.js'), 'WarehousesPage');
const StockPage = lazyPage(() => import('../features/inventory/stock-page.js'), 'StockPage');
const StockCardPage = lazyPage(() => import('../features/inventory/stock-card-page.js'), 'StockCardPage');
const ReservationsPage = lazyPage(() => import('../features/inventory/reservations-page.js'), 'ReservationsPage');
const MyActivitiesPage = lazyPage(() => import('../features/activities/my-activities-page.js'), 'MyActivitiesPage');
const ActivitiesPage = lazyPage(() => import('../features/activities/activities-page.js'), 'ActivitiesPage');
const ActivityCalendarPage = lazyPage(() => import('../features/activities/calendar/calendar-page.js'), 'CalendarPage');
const FollowUpCartablePage = lazyPage(() => import('../features/activities/follow-up-cartable-page.js'), 'FollowUpCartablePage');
const SmsMessagesPage = lazyPage(() => import('../features/sms/sms-messages-page.js'), 'SmsMessagesPage');
const RemindersPage = lazyPage(() => import('../features/reminders/reminders-page.js'), 'RemindersPage');
const AnnouncementsPage = lazyPage(() => import('../features/announcements/announcements-page.js'), 'AnnouncementsPage');
const PermissionHistoryPage = lazyPage(
  () => import('../features/permission-history/permission-history-page.js'),
  'PermissionHistoryPage',
);

function guard(permission: string, page: ReactNode): ReactNode {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

// /settings itself is handled by SettingsLayout (redirect to the first tab the user may see).
function settingsRoutes(): RouteObject[] {
  const routes: RouteObject[] = [];
  for (const page of getSettingsPages()) {
    const Page = page.component;
    if (Page) routes.push({ path: page.key, element: guard(page.permission, <Page />) });
  }
  return routes;
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoader fullScreen />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoader fullScreen />}>
          <AppShell />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: a crashing screen shows its error inside the shell, the menu stays usable.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'customers', element: guard(P.customersView, <CustomerListPage />) },
          { path: 'customers/new', element: guard(P.customersCreate, <CustomerFormPage />) },
          { path: 'customers/import', element: guard(P.customersImport, <CustomerImportPage />) },
          { path: 'customers/duplicates', element: guard(P.customersView, <CustomerDuplicatesPage />) },
          { path: 'customers/:id', element: guard(P.customersView, <CustomerDetailPage />) },
          { path: 'customers/:id/edit', element: guard(P.customersEdit, <CustomerFormPage />) },
          { path: 'products', element: guard(P.productsView, <ProductListPage />) },
          { path: 'products/new', element: guard(P.productsCreate, <ProductFormPage />) },
          { path: 'products/import', element: guard('products.import', <ProductImportPage />) },
          { path: 'products/:id', element: guard(P.productsView, <ProductFormPage />) },
          { path: 'price-lists', element: guard(P.priceListsView, <PriceListsPage />) },
          { path: 'price-lists/:id', element: guard(P.priceListsView, <PriceListItemsPage />) },
          { path: 'stock-documents', element: guard(P.stockDocumentsView, <StockDocumentsPage />) },
          { path: 'stock-documents/new', element: guard(P.stockDocumentsCreate, <StockDocumentFormPage />) },
          { path: 'stock-documents/:id', element: guard(P.stockDocumentsView, <StockDocumentFormPage />) },
          { path: 'warehouses', element: guard(P.warehousesView, <WarehousesPage />) },
          { path: 'stock', element: guard(P.stockView, <StockPage />) },
          { path: 'stock/card', element: guard(P.stockView, <StockCardPage />) },
          { path: 'reservations', element: guard(P.reservationsView, <ReservationsPage />) },
          { path: 'my-activities', element: guard('activities.view', <MyActivitiesPage />) },
          { path: 'activities', element: guard('activities.view', <ActivitiesPage />) },
          { path: 'activities/calendar', element: guard('activities.view', <ActivityCalendarPage />) },
          { path: 'follow-ups', element: guard('activities.view', <FollowUpCartablePage />) },
          { path: 'sms', element: guard('sms.view', <SmsMessagesPage />) },
          { path: 'reminders', element: <RemindersPage /> },
          { path: 'announcements', element: <AnnouncementsPage /> },
          { path: 'staff', element: guard(P.staffView, <StaffListPage />) },
          { path: 'staff/new', element: guard(P.staffCreate, <StaffFormPage />) },
          { path: 'staff/:id', element: guard(P.staffView, <StaffFormPage />) },
          { path: 'roles', element: guard(P.rolesView, <RolesPage />) },
          { path: 'units', element: guard(P.unitsView, <UnitsPage />) },
          { path: 'settings', element: guard(P.settingsView, <SettingsLayout />), children: settingsRoutes() },
          { path: 'permission-history', element: guard(P.rolesView, <PermissionHistoryPage />) },
          { path: '403', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);

// Session expired mid-use: drop cached data and go to the login page, coming back here afterwards.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  queryClient.clear();
  void router.navigate(loginPath(pathname + search), { replace: true });
});
