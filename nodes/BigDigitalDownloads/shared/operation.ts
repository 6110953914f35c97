import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** The code of a custom operation: runs for all input items instead of n8n's routing. */
export type CustomExecute = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
