// Receipt codes live in shared/ (the server's plain page draws them too); the phone imports them from here.
export * from '../../../shared/receipt-code.js';
