export { balances, call, countsFor, expectClean, managerPin, must, postedDispatch, refused, type DemoOffice } from '../helpers/finance';
export { demoOffice } from '../helpers/index';
