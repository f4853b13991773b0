/** The churn feature's part of the engine protocol (see workers/contract.ts, which combines them). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChurnApi {}
