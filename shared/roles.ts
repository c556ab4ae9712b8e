// The office's posts (岗位) from the management manual. One login may hold several (兼任).

export const ROLES = ['manager', 'finance', 'statistician', 'keeper', 'shipper', 'driver', 'sales', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that sign for money and the books, and run the desk: granted only by an administrator with a second person's PIN. */
export const PRIVILEGED_ROLES: readonly Role[] = ['manager', 'finance', 'admin'];

export const ROLE_ZH: Record<Role, string> = {
  manager: '办事处经理',
  finance: '财务主管',
  statistician: '统计员',
  keeper: '库管员',
  shipper: '储运员',
  driver: '司机',
  sales: '业务员',
  admin: '系统管理员',
};

export const ROLE_EN: Record<Role, string> = {
  manager: 'office manager',
  finance: 'finance supervisor',
  statistician: 'statistician',
  keeper: 'warehouse keeper',
  shipper: 'shipper',
  driver: 'driver',
  sales: 'salesperson',
  admin: 'administrator',
};
