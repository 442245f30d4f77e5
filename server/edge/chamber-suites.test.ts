// The deputy suites again, with every server they start serving deputies' WebSockets from a
// chamber edge process (SPEC Z6): the phone's protocol is the same whichever process serves it.
// The harness reads WZ_TEST_DEPUTY_EDGE when a test starts its server; the suites register
// their tests in this file when imported.
process.env.WZ_TEST_DEPUTY_EDGE = '1';
export {};
await import('../voting.test.js');
await import('../secrecy.test.js');
await import('../linking.test.js');
await import('../reissue-present.test.js');
